import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addField, addRecord, editCellText } from '../../../src/state/actions';
import { recordStore } from '../../../src/state/session';
import { FieldDialog } from '../../../src/ui/columns/FieldDialog';
import { initI18n } from '../../../src/ui/i18n';
import { currentSchema, fieldNames, firstView, openEmptyWorkspace } from './workspace';
import { loadFormulaEngine } from '../../../src/state/formulas';

// The dialog loads the formula engine on demand; load it first so no test ends mid-import.
beforeAll(() => loadFormulaEngine(), 30_000);

beforeEach(async () => {
  await initI18n('en').changeLanguage('en');
});

describe('FieldDialog on a real workspace', () => {
  it('adds a column right of another with a free default name', async () => {
    const { tableId } = await openEmptyWorkspace();
    await addField(tableId, { name: 'Field', type: 'text', options: {} }, {});
    await addField(tableId, { name: 'City', type: 'text', options: {} }, {});
    const primary = firstView(tableId).columns[0]!.fieldId;
    const onClose = vi.fn();
    render(
      <FieldDialog
        mode="add"
        tableId={tableId}
        position={{ relativeTo: primary, side: 'right' }}
        onClose={onClose}
      />,
    );
    const name = screen.getByLabelText('Name');
    expect(name).toHaveValue('Field 2');
    expect(name).toHaveFocus();
    await userEvent.keyboard('Level');
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'rating');
    await userEvent.selectOptions(screen.getByLabelText('Maximum stars'), '3');
    await userEvent.click(screen.getByLabelText('Name'));
    await userEvent.keyboard('{Enter}');
    expect(onClose).toHaveBeenCalled();
    await waitFor(() => expect(fieldNames(tableId)).toEqual(['Name', 'Level', 'Field', 'City']));
    const level = Object.values(currentSchema().fields).find((f) => f.name === 'Level');
    expect(level).toMatchObject({ type: 'rating', options: { max: 3 } });
  });

  it('previews and performs a retype, keeping values that do not fit', async () => {
    const { tableId } = await openEmptyWorkspace();
    await addField(tableId, { name: 'Visits', type: 'text', options: {} }, {});
    const field = Object.values(currentSchema().fields).find((f) => f.name === 'Visits')!;
    for (const text of ['1200', '3', 'lots', '']) {
      const rec = await addRecord(tableId);
      await editCellText(field, rec.id, text, 'en');
    }
    render(<FieldDialog mode="edit" tableId={tableId} field={field} onClose={() => {}} />);
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'number');
    expect(screen.getByTestId('retype-preview')).toHaveTextContent(
      '2 values convert, 1 cannot and will be kept as text and flagged, 1 empty.',
    );
    await userEvent.clear(screen.getByLabelText('Name'));
    await userEvent.type(screen.getByLabelText('Name'), 'Visit count');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(currentSchema().fields[field.id]?.type).toBe('number'));
    expect(currentSchema().fields[field.id]?.name).toBe('Visit count');
    const values = recordStore(tableId)
      .all()
      .map((r) => r.values[field.id] ?? null);
    expect(values).toEqual([1200, 3, { invalid: 'lots' }, null]);
  });

  it('renames without retyping and refuses a taken name', async () => {
    const { tableId } = await openEmptyWorkspace();
    await addField(tableId, { name: 'Phone', type: 'phone', options: {} }, {});
    const field = Object.values(currentSchema().fields).find((f) => f.name === 'Phone')!;
    render(<FieldDialog mode="edit" tableId={tableId} field={field} onClose={() => {}} />);
    await userEvent.clear(screen.getByLabelText('Name'));
    await userEvent.type(screen.getByLabelText('Name'), 'NAME{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Another column is already called this.');
    expect(currentSchema().fields[field.id]?.name).toBe('Phone');
    await userEvent.type(screen.getByLabelText('Name'), ' (mobile){Enter}');
    await waitFor(() => expect(currentSchema().fields[field.id]?.name).toBe('NAME (mobile)'));
    expect(currentSchema().fields[field.id]?.type).toBe('phone');
  });
});
