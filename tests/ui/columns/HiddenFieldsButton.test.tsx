import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addField, setColumnHidden } from '../../../src/state/actions';
import { HiddenFieldsButton, HiddenFieldsList } from '../../../src/ui/columns/HiddenFieldsButton';
import { initI18n } from '../../../src/ui/i18n';
import { makeSchema, nameId, phoneId, spentId } from './helpers';
import { currentSchema, firstView, openEmptyWorkspace } from './workspace';

describe('HiddenFieldsList', () => {
  beforeEach(async () => {
    await initI18n('en').changeLanguage('en');
  });

  it('reports toggles and show-all; the primary column stays shown', async () => {
    const schema = makeSchema();
    const columns = [nameId, phoneId, spentId].map((id, i) => ({
      field: schema.fields[id]!,
      hidden: i === 2,
      isPrimary: i === 0,
    }));
    const onToggle = vi.fn();
    const onShowAll = vi.fn();
    render(<HiddenFieldsList columns={columns} onToggle={onToggle} onShowAll={onShowAll} />);
    expect(screen.getByRole('checkbox', { name: 'Name' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Phone' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Total spent' })).not.toBeChecked();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Phone' }));
    expect(onToggle).toHaveBeenCalledWith(phoneId, true);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Total spent' }));
    expect(onToggle).toHaveBeenLastCalledWith(spentId, false);
    await userEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(onShowAll).toHaveBeenCalled();
  });
});

describe('HiddenFieldsButton on a real workspace', () => {
  beforeEach(async () => {
    await initI18n('en').changeLanguage('en');
  });

  it('counts hidden columns and shows/hides them in the view', async () => {
    const { tableId, viewId } = await openEmptyWorkspace();
    await addField(tableId, { name: 'Phone', type: 'phone', options: {} }, {});
    await addField(tableId, { name: 'City', type: 'text', options: {} }, {});
    const [, phone, city] = firstView(tableId).columns;
    await setColumnHidden(viewId, phone!.fieldId, true);
    render(<HiddenFieldsButton viewId={viewId} />);
    const button = screen.getByTestId('hidden-columns-button');
    expect(button).toHaveTextContent('Hidden columns (1)');
    await userEvent.click(button);
    expect(screen.getByRole('dialog', { name: 'Columns shown in this view' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'City' }));
    await waitFor(() => expect(button).toHaveTextContent('Hidden columns (2)'));
    expect(firstView(tableId).columns.find((c) => c.fieldId === city!.fieldId)?.hidden).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Show all' }));
    await waitFor(() => expect(button).toHaveTextContent('Hide columns'));
    expect(firstView(tableId).columns.every((c) => !c.hidden)).toBe(true);
    expect(currentSchema().views[viewId]).toBeDefined();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says it in Chinese', async () => {
    const { tableId, viewId } = await openEmptyWorkspace();
    await addField(tableId, { name: '电话', type: 'phone', options: {} }, {});
    await addField(tableId, { name: '城市', type: 'text', options: {} }, {});
    for (const c of firstView(tableId).columns.slice(1))
      await setColumnHidden(viewId, c.fieldId, true);
    await initI18n('zh-CN').changeLanguage('zh-CN');
    render(<HiddenFieldsButton viewId={viewId} />);
    expect(screen.getByTestId('hidden-columns-button')).toHaveTextContent('隐藏的列 (2)');
  });
});
