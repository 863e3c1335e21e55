import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTable, deleteTable, duplicateTable, renameTable } from '../../../src/state/actions';
import { initialState, useAppStore } from '../../../src/state/store';
import { removeSampleData, selectTable } from '../../../src/state/workspace';
import { Sidebar } from '../../../src/ui/shell/Sidebar';
import { buildSchema, CUSTOMERS, ORDERS, switchLanguage } from './fixtures';

vi.mock('../../../src/state/actions', () => ({
  createTable: vi.fn(async () => undefined),
  renameTable: vi.fn(async () => undefined),
  duplicateTable: vi.fn(async () => undefined),
  deleteTable: vi.fn(async () => undefined),
}));
vi.mock('../../../src/state/workspace', () => ({
  selectTable: vi.fn(),
  removeSampleData: vi.fn(async () => undefined),
}));
vi.mock('../../../src/state/session', () => ({
  ensureRecords: vi.fn(async () => undefined),
  recordStore: vi.fn(() => ({ size: 37 })),
}));

beforeEach(async () => {
  localStorage.clear();
  await switchLanguage('en');
  useAppStore.setState({
    ...initialState,
    status: 'ready',
    schema: buildSchema(),
    activeTableId: CUSTOMERS,
  });
});
afterEach(() => vi.clearAllMocks());

async function openMenu(tableName: string, lang: 'en' | 'zh-CN' = 'en') {
  const label = lang === 'en' ? `More actions for ${tableName}` : `“${tableName}”的更多操作`;
  await userEvent.click(screen.getByRole('button', { name: label }));
  return screen.getByRole('menu');
}

describe('Sidebar', () => {
  it('lists the tables in sidebar order and highlights the active one', async () => {
    render(<Sidebar />);
    const names = within(screen.getByTestId('sidebar'))
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.sidebar-item-name')?.textContent);
    expect(names).toEqual(['Customers', 'Orders']);
    expect(screen.getByTestId(`table-item-${CUSTOMERS}`)).toHaveClass('active');
    expect(screen.getByRole('button', { name: 'Customers' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Orders' }));
    expect(selectTable).toHaveBeenCalledWith(ORDERS);
  });

  it('shows localized menu items in English and Chinese', async () => {
    const { unmount } = render(<Sidebar />);
    let menu = await openMenu('Customers');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((b) => b.textContent),
    ).toEqual(['Rename', 'Duplicate', 'Delete']);
    unmount();
    await switchLanguage('zh-CN');
    render(<Sidebar />);
    menu = await openMenu('Customers', 'zh-CN');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((b) => b.textContent),
    ).toEqual(['重命名', '复制', '删除']);
    expect(screen.getByTestId('new-table')).toHaveTextContent('新建表');
  });

  it('refuses a duplicate name with a visible message, and saves a valid one on Enter', async () => {
    render(<Sidebar />);
    await userEvent.click(
      within(await openMenu('Orders')).getByRole('menuitem', { name: 'Rename' }),
    );
    const input = screen.getByRole('textbox', { name: 'New name for Orders' });
    await userEvent.clear(input);
    await userEvent.type(input, 'customers{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Another table already has this name.');
    expect(renameTable).not.toHaveBeenCalled();
    expect(input).toHaveAttribute('aria-invalid', 'true');

    await userEvent.clear(input);
    await userEvent.type(input, '   {Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('The name cannot be empty.');

    await userEvent.clear(input);
    await userEvent.type(input, 'Sales{Enter}');
    expect(renameTable).toHaveBeenCalledWith(ORDERS, 'Sales');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('cancels a rename with Escape', async () => {
    render(<Sidebar />);
    await userEvent.click(
      within(await openMenu('Orders')).getByRole('menuitem', { name: 'Rename' }),
    );
    await userEvent.type(screen.getByRole('textbox'), 'Whatever{Escape}');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(renameTable).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Orders' })).toBeInTheDocument();
  });

  it('asks before deleting, naming the table and its record count, and mentions undo', async () => {
    render(<Sidebar />);
    await userEvent.click(
      within(await openMenu('Orders')).getByRole('menuitem', { name: 'Delete' }),
    );
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(
      await within(dialog).findByText('Delete the table “Orders” and its 37 records?'),
    ).toBeInTheDocument();
    expect(dialog).toHaveTextContent('You can undo this with Ctrl+Z.');
    expect(deleteTable).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(deleteTable).not.toHaveBeenCalled();

    await userEvent.click(
      within(await openMenu('Orders')).getByRole('menuitem', { name: 'Delete' }),
    );
    await userEvent.click(screen.getByTestId('confirm-ok'));
    expect(deleteTable).toHaveBeenCalledWith(ORDERS);
  });

  it('names the table in the Chinese delete confirmation', async () => {
    await switchLanguage('zh-CN');
    render(<Sidebar />);
    await userEvent.click(
      within(await openMenu('Customers', 'zh-CN')).getByRole('menuitem', { name: '删除' }),
    );
    expect(
      await screen.findByText('确定删除表“Customers”及其中的 37 条记录吗？'),
    ).toBeInTheDocument();
  });

  it('duplicates with the localized suffix and creates a table with localized names', async () => {
    await switchLanguage('zh-CN');
    render(<Sidebar />);
    await userEvent.click(
      within(await openMenu('Customers', 'zh-CN')).getByRole('menuitem', { name: '复制' }),
    );
    expect(duplicateTable).toHaveBeenCalledWith(CUSTOMERS, '(副本)');
    await userEvent.click(screen.getByTestId('new-table'));
    expect(createTable).toHaveBeenCalledWith({ table: '新表', primaryField: '名称', view: '全部' });
  });

  it('removes sample data only after confirmation, and hides the button without sample tables', async () => {
    const { unmount } = render(<Sidebar />);
    await userEvent.click(screen.getByTestId('remove-sample'));
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent('Customers, Orders');
    expect(removeSampleData).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId('confirm-ok'));
    expect(removeSampleData).toHaveBeenCalledTimes(1);
    unmount();

    const schema = buildSchema();
    const tables = Object.fromEntries(
      Object.values(schema.tables).map((t) => [t.id, { ...t, sample: false }]),
    );
    useAppStore.setState({ schema: { ...schema, tables } });
    render(<Sidebar />);
    expect(screen.queryByTestId('remove-sample')).not.toBeInTheDocument();
  });

  it('collapses and expands', async () => {
    render(<Sidebar />);
    await userEvent.click(screen.getByRole('button', { name: 'Collapse sidebar' }));
    expect(screen.queryByRole('button', { name: 'Customers' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show tables' }));
    expect(screen.getByRole('button', { name: 'Customers' })).toBeInTheDocument();
  });
});
