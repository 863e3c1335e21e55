/** A fake ImportSource and a small schema for the import dialog's component tests. */
import type { FieldId, TableId, ViewId, WorkspaceId } from '../../../src/domain/ids';
import type {
  ColumnTarget,
  ImportProgress,
  ImportSpec,
  ImportSummary,
  Preview,
  PreviewRequest,
  RawCell,
  SourceInfo,
} from '../../../src/domain/import/types';
import type { Field, Table, View } from '../../../src/domain/model';
import type { SchemaState } from '../../../src/domain/schemaState';
import type { ImportSource } from '../../../src/ui/import/importSource';

export const CUSTOMERS = 'tbl_customers' as TableId;
export const NOTES = 'tbl_notes' as TableId;
export const F = {
  name: 'fld_name' as FieldId,
  phone: 'fld_phone' as FieldId,
  visits: 'fld_visits' as FieldId,
  note: 'fld_note' as FieldId,
};

function view(id: string, tableId: TableId, fieldIds: FieldId[]): View {
  const columns = fieldIds.map((fieldId) => ({ fieldId }));
  return {
    id: id as ViewId,
    tableId,
    name: 'All',
    order: 0,
    columns,
    sorts: [],
    filters: [],
    filterMode: 'and',
  };
}

export function buildSchema(): SchemaState {
  const tables: Table[] = [
    { id: CUSTOMERS, name: 'Customers', order: 0, primaryFieldId: F.name },
    { id: NOTES, name: 'Notes', order: 1, primaryFieldId: F.note },
  ];
  const fields: Field[] = [
    { id: F.name, tableId: CUSTOMERS, name: 'Name', type: 'text', options: {} },
    { id: F.phone, tableId: CUSTOMERS, name: 'PHONE ', type: 'phone', options: {} },
    { id: F.visits, tableId: CUSTOMERS, name: 'Visits', type: 'number', options: {} },
    { id: F.note, tableId: NOTES, name: 'Note', type: 'text', options: {} },
  ];
  const views = [
    view('viw_c', CUSTOMERS, [F.name, F.phone, F.visits]),
    view('viw_n', NOTES, [F.note]),
  ];
  return {
    meta: { id: 'wsp_test' as WorkspaceId, name: 'Shop', createdAt: 0 },
    tables: Object.fromEntries(tables.map((t) => [t.id, t])),
    fields: Object.fromEntries(fields.map((f) => [f.id, f])),
    views: Object.fromEntries(views.map((v) => [v.id, v])),
  };
}

/** A file with a title row above the header; decoded as UTF-8 its Chinese comes out garbled. */
const TOP: RawCell[][] = [
  ['Customer list 2024', null, null],
  ['name', 'phone', 'Visits'],
];
const ROWS: RawCell[][] = [
  ['Ann', '0138 0013 8000', '3'],
  ['Bo', '+86 139 1234 5678', '12'],
];

export function makePreview(request: PreviewRequest): Preview {
  const headerRow = request.headerRow ?? 1;
  const header = TOP[headerRow] ?? TOP[1]!;
  const garbled = request.encoding === 'utf-8';
  return {
    sheet: request.sheet,
    encoding: request.encoding ?? 'gb18030',
    headerRow,
    top: TOP,
    columns: header.map((h, index) => ({
      index,
      header: garbled && h ? `�${String(h)}` : String(h ?? ''),
      inferred:
        index === 1
          ? { type: 'phone', options: {} }
          : index === 2
            ? { type: 'number', options: { decimals: 0 } }
            : { type: 'text', options: {} },
    })),
    rows: headerRow === 0 ? [TOP[1]!, ...ROWS] : ROWS,
    totalRows: 100_000,
  };
}

export interface RunControl {
  spec: ImportSpec;
  onProgress: (p: ImportProgress) => void;
  signal: AbortSignal;
  finish: (summary: ImportSummary | null) => void;
  fail: (err: Error) => void;
}

export interface FakeSource extends ImportSource {
  runs: RunControl[];
}

export function fakeSource(info: Partial<SourceInfo> = {}): FakeSource {
  const runs: RunControl[] = [];
  return {
    info: {
      fileName: 'customers.csv',
      size: 1234,
      format: 'csv',
      sheets: [''],
      encoding: 'gb18030',
      delimiter: ',',
      ...info,
    },
    runs,
    preview: vi.fn((request: PreviewRequest) => Promise.resolve(makePreview(request))),
    run: vi.fn(
      (spec: ImportSpec, onProgress: (p: ImportProgress) => void, signal: AbortSignal) =>
        new Promise<ImportSummary | null>((resolve, reject) => {
          runs.push({ spec, onProgress, signal, finish: resolve, fail: reject });
        }),
    ),
  };
}

/** The phone column when it maps to an existing phone field (like state/importer's default). */
export function choosePhoneKey(columns: readonly ColumnTarget[]): number | undefined {
  const i = columns.findIndex((c) => c.kind === 'field' && c.fieldId === F.phone);
  return i >= 0 ? i : undefined;
}
