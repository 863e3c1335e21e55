import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { deleteField, setColumnHidden } from '../../../src/state/actions';
import { initialState, useAppStore } from '../../../src/state/store';
import { ColumnMenu } from '../../../src/ui/columns/ColumnMenu';
import { initI18n } from '../../../src/ui/i18n';
import { makeSchema, nameId, phoneId, tableId, viewId } from './helpers';

vi.mock('../../../src/state/actions', () => ({
  setColumnHidden: vi.fn(async () => undefined),
  deleteField: vi.fn(async () => undefined),
  addField: vi.fn(async () => undefined),
  updateField: vi.fn(async () => undefined),
  retypeField: vi.fn(async () => undefined),
  previewRetype: vi.fn(() => ({ converted: 3, invalid: 1, empty: 0 })),
}));

const schema = makeSchema();
const phone = schema.fields[phoneId]!;
const name = schema.fields[nameId]!;

/** The item's text without its decorative glyph. */
const labelOf = (b: HTMLElement) => b.lastChild?.textContent;

function renderMenu(field = phone, isPrimary = false) {
  const onClose = vi.fn();
  const onSort = vi.fn();
  render(
    <ColumnMenu
      field={field}
      viewId={viewId}
      isPrimary={isPrimary}
      anchor={{ x: 10, y: 20 }}
      onClose={onClose}
      onSort={onSort}
    />,
  );
  return { onClose, onSort };
}

beforeEach(async () => {
  await initI18n('en').changeLanguage('en');
  useAppStore.setState({
    ...initialState,
    status: 'ready',
    schema,
    activeTableId: tableId,
    activeViewId: viewId,
  });
});
afterEach(() => vi.clearAllMocks());

describe('ColumnMenu', () => {
  it('lists the column actions in order, naming the column to delete', () => {
    renderMenu();
    const menu = screen.getByRole('menu', { name: 'Column “Phone”' });
    expect(within(menu).getAllByRole('menuitem').map(labelOf)).toEqual([
      'Edit column…',
      'Insert column left',
      'Insert column right',
      'Sort A→Z',
      'Sort Z→A',
      'Hide column',
      'Delete column “Phone”',
    ]);
    expect(screen.getByRole('menuitem', { name: /Delete column/ })).toBeEnabled();
  });

  it('hides the column through the action and then closes', async () => {
    const { onClose } = renderMenu();
    await userEvent.click(screen.getByRole('menuitem', { name: /Hide column/ }));
    expect(setColumnHidden).toHaveBeenCalledWith(viewId, phoneId, true);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(onClose).toHaveBeenCalled();
  });

  it('deletes a column without asking (undo brings it back)', async () => {
    renderMenu();
    await userEvent.click(screen.getByRole('menuitem', { name: /Delete column “Phone”/ }));
    expect(deleteField).toHaveBeenCalledWith(phoneId);
  });

  it('cannot delete or hide the primary column', () => {
    renderMenu(name, true);
    expect(screen.getByRole('menuitem', { name: /Delete column “Name”/ })).toBeDisabled();
    expect(screen.getByRole('menuitem', { name: /Hide column/ })).toBeDisabled();
  });

  it('sorts through the callback', async () => {
    const { onSort } = renderMenu();
    await userEvent.click(screen.getByRole('menuitem', { name: /Sort Z→A/ }));
    expect(onSort).toHaveBeenCalledWith('desc');
  });

  it('opens the edit dialog and stays open until it closes', async () => {
    const { onClose } = renderMenu();
    await userEvent.click(screen.getByRole('menuitem', { name: /Edit column/ }));
    expect(screen.getByRole('heading')).toHaveTextContent('Edit column “Phone”');
    expect(screen.getByLabelText('Name')).toHaveValue('Phone');
    expect(onClose).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('field-dialog')).toBeNull();
    expect(onClose).toHaveBeenCalled();
  });

  it('opens the add dialog for a column to the left', async () => {
    renderMenu();
    await userEvent.click(screen.getByRole('menuitem', { name: /Insert column left/ }));
    expect(screen.getByRole('heading')).toHaveTextContent('Add column');
    expect(screen.getByLabelText('Name')).toHaveValue('Field');
  });

  it('speaks Chinese', async () => {
    await initI18n('zh-CN').changeLanguage('zh-CN');
    renderMenu();
    const labels = screen.getAllByRole('menuitem').map(labelOf);
    expect(labels).toEqual([
      '编辑列…',
      '在左侧插入列',
      '在右侧插入列',
      '升序',
      '降序',
      '隐藏列',
      '删除列“Phone”',
    ]);
  });
});
