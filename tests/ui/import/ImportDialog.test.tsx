import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ImportSummary } from '../../../src/domain/import/types';
import { initI18n } from '../../../src/ui/i18n';
import type { ImportDialogProps } from '../../../src/ui/import/ImportDialog';
import { ImportDialog } from '../../../src/ui/import/ImportDialog';
import { groupProblems } from '../../../src/ui/import/RunSteps';
import type { FakeSource } from './fakeSource';
import { buildSchema, choosePhoneKey, CUSTOMERS, F, fakeSource, NOTES } from './fakeSource';

beforeEach(async () => {
  await initI18n('en').changeLanguage('en');
});

function renderDialog(source: FakeSource, over: Partial<ImportDialogProps> = {}) {
  const props: ImportDialogProps = {
    source,
    schema: buildSchema(),
    tableId: CUSTOMERS,
    chooseKey: choosePhoneKey,
    reportCsv: vi.fn(() => 'Row,Column,Value,Reason\r\n3,Visits,lots,Not a number\r\n'),
    onImported: vi.fn(),
    onOpenTable: vi.fn(),
    onClose: vi.fn(),
    ...over,
  };
  render(<ImportDialog {...props} />);
  return props;
}

const SUMMARY: ImportSummary = {
  tableId: CUSTOMERS,
  added: 2,
  updated: 1,
  skipped: 1,
  flagged: 1,
  problems: [{ row: 3, column: 'Visits', value: 'lots', reason: 'notNumber' }],
};

async function startImport(source: FakeSource) {
  await userEvent.click(screen.getByTestId('import-start'));
  await waitFor(() => expect(source.runs).toHaveLength(1));
  return source.runs[0]!;
}

describe('ImportDialog: preview and mapping', () => {
  it('shows the detected encoding, the header row and the rows as text, into a new table', async () => {
    const source = fakeSource();
    const props = renderDialog(source);
    expect(await screen.findByText('+86 139 1234 5678')).toBeInTheDocument();
    expect(source.preview).toHaveBeenCalledWith({ sheet: 0, headerRow: null });
    const encoding = screen.getByLabelText('Encoding') as HTMLSelectElement;
    expect(encoding.value).toBe('gb18030');
    expect(encoding.selectedOptions[0]).toHaveTextContent(
      'GB18030/GBK (Simplified Chinese) (detected)',
    );
    expect(screen.getByLabelText('Header row')).toHaveValue('1');
    // "customers" is taken by "Customers" (names compare case-insensitively).
    expect(screen.getByLabelText('New table name')).toHaveValue('customers 2');
    expect(screen.getByTestId('import-column-1')).toHaveTextContent('Looks like: Phone');
    const run = await startImport(source);
    expect(run.spec).toEqual({
      sheet: 0,
      headerRow: 1,
      encoding: 'gb18030',
      mode: 'newTable',
      tableName: 'customers 2',
      columns: [
        { kind: 'new', name: 'name', type: 'text', options: {} },
        { kind: 'new', name: 'phone', type: 'phone', options: {} },
        { kind: 'new', name: 'Visits', type: 'number', options: { decimals: 0 } },
      ],
    });
    await act(async () => run.finish(SUMMARY));
    expect(props.onImported).toHaveBeenCalledWith(SUMMARY, run.spec);
  });

  it('re-reads the preview at once when the encoding or the header row changes', async () => {
    const source = fakeSource();
    renderDialog(source);
    await screen.findByText('Ann');
    await userEvent.selectOptions(screen.getByLabelText('Encoding'), 'utf-8');
    expect(source.preview).toHaveBeenLastCalledWith({
      sheet: 0,
      headerRow: null,
      encoding: 'utf-8',
    });
    expect(await screen.findByText('�phone')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Header row'), '0');
    expect(source.preview).toHaveBeenLastCalledWith({ sheet: 0, headerRow: 0, encoding: 'utf-8' });
    await waitFor(() => expect(screen.getByLabelText('Header row')).toHaveValue('0'));
    expect(screen.getByTestId('import-column-0')).toHaveTextContent('�Customer list 2024');
    // Blank headers are named after their position.
    expect(screen.getByTestId('import-column-1')).toHaveTextContent('Column 2');
  });

  it('offers the sheets of a workbook and no encoding', async () => {
    const source = fakeSource({
      fileName: 'book.xlsx',
      format: 'xlsx',
      sheets: ['会员', ''],
      encoding: undefined,
    });
    renderDialog(source);
    await screen.findByText('Ann');
    expect(screen.queryByLabelText('Encoding')).toBeNull();
    expect(screen.getByTestId('import-file-summary')).toHaveTextContent(
      'Excel workbook (XLSX) · 100,000 rows',
    );
    const sheet = screen.getByLabelText('Sheet');
    expect(
      within(sheet)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['会员', 'Sheet 2']);
    await userEvent.selectOptions(screen.getByLabelText('Header row'), '0');
    await userEvent.selectOptions(sheet, '1');
    expect(source.preview).toHaveBeenLastCalledWith({ sheet: 1, headerRow: null });
    await waitFor(() => expect(screen.getByLabelText('Sheet')).toHaveValue('1'));
  });

  it('skips, renames and retypes columns', async () => {
    const source = fakeSource();
    renderDialog(source);
    await screen.findByText('Ann');
    await userEvent.selectOptions(screen.getByLabelText('Import name as'), 'skip');
    expect(screen.queryByLabelText('Name of the new column from name')).toBeNull();
    const name = screen.getByLabelText('Name of the new column from phone');
    await userEvent.clear(name);
    await userEvent.type(name, 'Mobile');
    await userEvent.selectOptions(
      screen.getByLabelText('Type of the new column from Visits'),
      'currency',
    );
    const run = await startImport(source);
    expect(run.spec.columns).toEqual([
      { kind: 'skip' },
      { kind: 'new', name: 'Mobile', type: 'phone', options: {} },
      {
        kind: 'new',
        name: 'Visits',
        type: 'currency',
        options: { decimals: 2, currencySymbol: '¥' },
      },
    ]);
  });

  it('refuses to run with a taken table name, an empty column name or nothing mapped', async () => {
    const source = fakeSource();
    renderDialog(source);
    await screen.findByText('Ann');
    const tableName = screen.getByLabelText('New table name');
    await userEvent.clear(tableName);
    await userEvent.type(tableName, 'customers ');
    expect(screen.getByTestId('import-invalid')).toHaveTextContent(
      'A table with this name already exists.',
    );
    expect(screen.getByTestId('import-start')).toBeDisabled();
    await userEvent.clear(tableName);
    await userEvent.type(tableName, 'Spring');
    await userEvent.clear(screen.getByLabelText('Name of the new column from phone'));
    expect(screen.getByTestId('import-invalid')).toHaveTextContent(
      'The new column from “phone” needs a name.',
    );
    for (const column of ['name', 'phone', 'Visits'])
      await userEvent.selectOptions(screen.getByLabelText(`Import ${column} as`), 'skip');
    expect(screen.getByTestId('import-invalid')).toHaveTextContent('Every column is skipped');
    await userEvent.selectOptions(screen.getByLabelText('Import Visits as'), 'new');
    expect(screen.queryByTestId('import-invalid')).toBeNull();
    expect(screen.getByTestId('import-start')).toBeEnabled();
  });
});

describe('ImportDialog: modes', () => {
  it('adds to a table, mapping columns to fields of the same name', async () => {
    const source = fakeSource();
    renderDialog(source);
    await screen.findByText('Ann');
    await userEvent.click(screen.getByLabelText('Add to a table'));
    expect(screen.getByLabelText('Table')).toHaveValue(CUSTOMERS);
    expect(screen.getByLabelText('Import name as')).toHaveValue(`field:${F.name}`);
    expect(screen.getByLabelText('Import phone as')).toHaveValue(`field:${F.phone}`);
    expect(screen.getByLabelText('Import Visits as')).toHaveValue(`field:${F.visits}`);
    await userEvent.selectOptions(screen.getByLabelText('Table'), NOTES);
    expect(screen.getByLabelText('Import name as')).toHaveValue('new');
    await userEvent.selectOptions(screen.getByLabelText('Import Visits as'), `field:${F.note}`);
    const run = await startImport(source);
    expect(run.spec).toMatchObject({ mode: 'append', tableId: NOTES });
    expect(run.spec.columns).toEqual([
      { kind: 'new', name: 'name', type: 'text', options: {} },
      { kind: 'new', name: 'phone', type: 'phone', options: {} },
      { kind: 'field', fieldId: F.note },
    ]);
  });

  it('updates or adds by the default key with per-field policies', async () => {
    const source = fakeSource();
    renderDialog(source);
    await screen.findByText('Ann');
    await userEvent.click(screen.getByLabelText('Update or add to a table'));
    expect(screen.getByLabelText('Match records on')).toHaveValue('1');
    // The key column has no policy; the others default to overwrite.
    expect(screen.queryByLabelText('When a record matches, for phone')).toBeNull();
    expect(screen.getByLabelText('When a record matches, for Visits')).toHaveValue('overwrite');
    await userEvent.selectOptions(
      screen.getByLabelText('When a record matches, for Visits'),
      'fillEmpty',
    );
    await userEvent.selectOptions(screen.getByLabelText('When a record matches, for name'), 'keep');
    const run = await startImport(source);
    expect(run.spec).toMatchObject({
      mode: 'upsert',
      tableId: CUSTOMERS,
      keyColumn: 1,
      policies: { [F.visits]: 'fillEmpty', [F.name]: 'keep' },
    });
  });

  it('asks for a key when no column maps to an existing field', async () => {
    const source = fakeSource();
    renderDialog(source);
    await screen.findByText('Ann');
    await userEvent.click(screen.getByLabelText('Update or add to a table'));
    await userEvent.selectOptions(screen.getByLabelText('Import phone as'), 'skip');
    // The key moves to another column that maps to a field… or none is left.
    expect(screen.getByLabelText('Match records on')).toHaveValue('');
    expect(screen.getByTestId('import-invalid')).toHaveTextContent(
      'Choose the column to match records on',
    );
    await userEvent.selectOptions(screen.getByLabelText('Match records on'), '0');
    expect(screen.queryByTestId('import-invalid')).toBeNull();
  });
});

describe('ImportDialog: running', () => {
  it('shows progress in rows and percent and cancels through the abort signal', async () => {
    const source = fakeSource();
    const props = renderDialog(source);
    await screen.findByText('Ann');
    const run = await startImport(source);
    act(() => run.onProgress({ phase: 'writing', rows: 12_000, totalRows: 100_000, percent: 12 }));
    const bar = screen.getByRole('progressbar', { name: 'Import progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '12');
    expect(screen.getByTestId('import-progress')).toHaveTextContent('Saving');
    expect(screen.getByTestId('import-progress')).toHaveTextContent('12,000 / 100,000 rows · 12%');
    // Esc does not close a running import.
    fireEvent(screen.getByTestId('import-dialog'), new Event('cancel', { cancelable: true }));
    expect(props.onClose).not.toHaveBeenCalled();
    expect(run.signal.aborted).toBe(false);
    await userEvent.click(screen.getByTestId('import-cancel'));
    expect(run.signal.aborted).toBe(true);
    await act(async () => run.finish(null));
    expect(screen.getByTestId('import-message')).toHaveTextContent(
      'Import cancelled. Nothing was changed.',
    );
    expect(props.onImported).not.toHaveBeenCalled();
    fireEvent(screen.getByTestId('import-dialog'), new Event('cancel', { cancelable: true }));
    expect(props.onClose).toHaveBeenCalled();
  });

  it('says in Chinese how far it is', async () => {
    await initI18n('zh-CN').changeLanguage('zh-CN');
    const source = fakeSource();
    renderDialog(source);
    await screen.findByText('Ann');
    expect(screen.getByLabelText('文字编码')).toHaveValue('gb18030');
    const run = await startImport(source);
    act(() =>
      run.onProgress({ phase: 'converting', rows: 12_000, totalRows: 100_000, percent: 12 }),
    );
    expect(screen.getByTestId('import-progress')).toHaveTextContent('正在转换数据');
    expect(screen.getByTestId('import-progress')).toHaveTextContent('12,000 / 100,000 行 · 12%');
  });

  it('reports a failed import as changing nothing', async () => {
    const source = fakeSource();
    renderDialog(source);
    await screen.findByText('Ann');
    const run = await startImport(source);
    await act(async () => run.fail(new Error('disk full')));
    expect(screen.getByTestId('import-message')).toHaveTextContent(
      'The import failed and nothing was changed: disk full',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByTestId('import-start')).toBeEnabled();
  });
});

describe('ImportDialog: summary', () => {
  it('shows the counts, downloads the report with a BOM and opens the table', async () => {
    const source = fakeSource();
    const props = renderDialog(source);
    await screen.findByText('Ann');
    const run = await startImport(source);
    await act(async () => run.finish(SUMMARY));
    const summary = screen.getByTestId('import-summary');
    expect(within(summary).getByTestId('import-added')).toHaveTextContent('Rows added2');
    expect(within(summary).getByTestId('import-updated')).toHaveTextContent('Records updated1');
    expect(within(summary).getByTestId('import-skipped')).toHaveTextContent('Rows skipped1');
    expect(within(summary).getByTestId('import-flagged')).toHaveTextContent('1');
    expect(summary).toHaveTextContent('1 problem is listed in the report:');
    expect(screen.getByTestId('import-problem-groups')).toHaveTextContent(
      'Visits: Not a number (1)',
    );
    expect(summary).not.toHaveTextContent('already had these values');

    const blobs: Blob[] = [];
    const create = vi.fn((b: Blob) => (blobs.push(b), 'blob:report'));
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const clicks: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push(this);
    });
    await userEvent.click(screen.getByTestId('import-report'));
    expect(props.reportCsv).toHaveBeenCalledWith(SUMMARY, 'en');
    expect(clicks[0]?.download).toBe('customers import problems.csv');
    expect(clicks[0]?.href).toBe('blob:report');
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('3,Visits,lots,Not a number');
    click.mockRestore();

    await userEvent.click(screen.getByTestId('import-open-table'));
    expect(props.onOpenTable).toHaveBeenCalledWith(CUSTOMERS);
    expect(props.onClose).toHaveBeenCalled();
  });

  it('offers no report when there were no problems', async () => {
    const source = fakeSource();
    renderDialog(source);
    await screen.findByText('Ann');
    const run = await startImport(source);
    await act(async () =>
      run.finish({ ...SUMMARY, flagged: 0, skipped: 0, unchanged: 1200, problems: [] }),
    );
    expect(screen.getByTestId('import-summary')).toHaveTextContent(
      '1,200 matching records already had these values.',
    );
    expect(screen.queryByTestId('import-report')).toBeNull();
  });
});

describe('groupProblems', () => {
  it('counts problems per column and reason, most frequent first', () => {
    const p = (column: string, reason: 'notNumber' | 'notDate') => ({
      row: 2,
      column,
      value: 'x',
      reason,
    });
    expect(
      groupProblems(
        [p('A', 'notDate'), p('B', 'notNumber'), p('B', 'notNumber'), p('B', 'notDate')],
        2,
      ),
    ).toEqual([
      { column: 'B', reason: 'notNumber', count: 2 },
      { column: 'A', reason: 'notDate', count: 1 },
    ]);
  });
});
