import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { initialState, useAppStore } from '../../../src/state/store';
import { initI18n } from '../../../src/ui/i18n';
import type { ImportServices, OpenedSource } from '../../../src/ui/import/ImportCenter';
import { ImportCenter } from '../../../src/ui/import/ImportCenter';
import { ImportButton } from '../../../src/ui/import/ImportButton';
import { buildSchema, choosePhoneKey, CUSTOMERS, fakeSource } from './fakeSource';

beforeEach(async () => {
  await initI18n('en').changeLanguage('en');
  useAppStore.setState({
    ...initialState,
    status: 'ready',
    schema: buildSchema(),
    activeTableId: CUSTOMERS,
  });
});
afterEach(() => useAppStore.setState(initialState));

function setup(
  opened: (name: string) => OpenedSource = () => ({
    ok: true,
    handle: { ...fakeSource(), close: vi.fn() },
  }),
) {
  const services: ImportServices = {
    openFile: vi.fn((file: File) => Promise.resolve(opened(file.name))),
    openText: vi.fn((_text: string, name: string) => Promise.resolve(opened(name))),
    chooseKey: choosePhoneKey,
    reportCsv: () => '',
  };
  const state = { empty: true };
  const onOpenTable = vi.fn();
  render(
    <>
      <ImportButton />
      <input aria-label="Search" />
      <ImportCenter services={services} canPaste={() => state.empty} onOpenTable={onOpenTable} />
    </>,
  );
  return { services, state, onOpenTable };
}

const csv = (name = 'list.csv') => new File(['a,b\n1,2\n'], name, { type: 'text/csv' });

describe('ImportCenter', () => {
  it('opens the file picked with the Import button', async () => {
    const { services } = setup();
    const input = screen.getByTestId('import-file') as HTMLInputElement;
    expect(input.accept).toBe('.csv,.tsv,.txt,.xls,.xlsx,.ods');
    await userEvent.upload(input, csv());
    expect(services.openFile).toHaveBeenCalledWith(expect.objectContaining({ name: 'list.csv' }));
    expect(await screen.findByTestId('import-dialog')).toBeInTheDocument();
    expect(await screen.findByText('Ann')).toBeInTheDocument();
    expect(screen.getByLabelText('A new table')).toBeChecked();
  });

  it('shows a drop overlay while a file is dragged and opens the dropped file', async () => {
    const { services } = setup();
    const file = csv('dropped.csv');
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    fireEvent.dragEnter(window, { dataTransfer });
    expect(screen.getByTestId('import-drop')).toHaveTextContent('Drop the file to import it');
    fireEvent.dragLeave(window, { dataTransfer });
    expect(screen.queryByTestId('import-drop')).toBeNull();
    fireEvent.dragEnter(window, { dataTransfer });
    fireEvent.drop(window, { dataTransfer });
    expect(screen.queryByTestId('import-drop')).toBeNull();
    expect(services.openFile).toHaveBeenCalledWith(file);
    expect(await screen.findByTestId('import-dialog')).toBeInTheDocument();
  });

  it('imports pasted cells only into an empty table and not from inside an input', async () => {
    const { services, state } = setup();
    const paste = (target: Element | Window, text: string) =>
      fireEvent.paste(target, { clipboardData: { getData: () => text } });
    paste(screen.getByLabelText('Search'), 'a\tb\n1\t2');
    paste(document.body, 'just one value');
    state.empty = false;
    paste(document.body, 'a\tb\n1\t2');
    expect(services.openText).not.toHaveBeenCalled();
    state.empty = true;
    paste(document.body, 'Name\tPhone\nAnn\t0138');
    expect(services.openText).toHaveBeenCalledWith('Name\tPhone\nAnn\t0138', 'Pasted cells');
    expect(await screen.findByTestId('import-dialog')).toBeInTheDocument();
    // Pasted cells go into the open (empty) table by default.
    await screen.findByText('Ann');
    expect(screen.getByLabelText('Add to a table')).toBeChecked();
    expect(screen.getByLabelText('Table')).toHaveValue(CUSTOMERS);
  });

  it('names a bad file’s problem and closes without opening the dialog', async () => {
    await initI18n('zh-CN').changeLanguage('zh-CN');
    setup(() => ({ ok: false, problem: 'encrypted' }));
    await userEvent.upload(screen.getByTestId('import-file'), csv('会员.xlsx'));
    expect(await screen.findByTestId('import-problem-message')).toHaveTextContent(
      '“会员.xlsx”设置了打开密码',
    );
    expect(screen.getByTestId('import-problem')).toHaveTextContent('数据没有任何改动。');
    expect(screen.queryByTestId('import-dialog')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: '确定' }));
    expect(screen.queryByTestId('import-problem')).toBeNull();
  });

  it('closes the source and opens a new table after importing into it', async () => {
    const handle = { ...fakeSource(), close: vi.fn() };
    const { onOpenTable } = setup(() => ({ ok: true, handle }));
    await userEvent.upload(screen.getByTestId('import-file'), csv());
    await screen.findByText('Ann');
    await userEvent.click(screen.getByTestId('import-start'));
    await waitFor(() => expect(handle.runs).toHaveLength(1));
    const summary = {
      tableId: 'tbl_new' as never,
      added: 2,
      updated: 0,
      skipped: 0,
      flagged: 0,
      problems: [],
    };
    await act(async () => handle.runs[0]!.finish(summary));
    expect(onOpenTable).toHaveBeenCalledWith('tbl_new');
    await userEvent.click(screen.getByTestId('import-close'));
    expect(handle.close).toHaveBeenCalled();
    expect(screen.queryByTestId('import-dialog')).toBeNull();
  });
});
