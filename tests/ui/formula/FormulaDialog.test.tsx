import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FieldDialog } from '../../../src/ui/columns/FieldDialog';
import { initI18n } from '../../../src/ui/i18n';
import { currentSchema, openEmptyWorkspace } from '../columns/workspace';
import { makeSupport } from './helpers';
import { loadFormulaEngine } from '../../../src/state/formulas';

// The dialog loads the formula engine on demand; load it first so no test ends mid-import.
beforeAll(() => loadFormulaEngine(), 30_000);

const typeValues = () =>
  within(screen.getByLabelText('Type'))
    .getAllByRole('option')
    .map((o) => (o as HTMLOptionElement).value);

describe('FieldDialog with formula support', () => {
  beforeEach(async () => {
    await initI18n('en').changeLanguage('en');
  });

  it('offers formula only when given formula support, and saves the formula by id', async () => {
    const { tableId } = await openEmptyWorkspace();
    const { unmount } = render(<FieldDialog mode="add" tableId={tableId} onClose={() => {}} />);
    expect(typeValues()).not.toContain('formula');
    unmount();

    const support = makeSupport();
    const onClose = vi.fn();
    render(<FieldDialog mode="add" tableId={tableId} onClose={onClose} formulaSupport={support} />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Type'), 'formula');
    await user.click(screen.getByLabelText('Formula'));
    await user.keyboard('=LEN({{Na');
    await user.keyboard('{Enter})');
    expect(screen.getByLabelText('Formula')).toHaveValue('=LEN({Name})');
    await user.click(screen.getByRole('button', { name: 'Add column' }));
    expect(onClose).toHaveBeenCalled();
    const primary = Object.values(currentSchema().fields).find((f) => f.name === 'Name')!;
    await waitFor(() =>
      expect(Object.values(currentSchema().fields).find((f) => f.type === 'formula')).toMatchObject(
        {
          options: { formula: `=LEN({${primary.id}})`, formulaRefNames: { [primary.id]: 'Name' } },
        },
      ),
    );
  });
});
