import type { FieldId, TableId } from '../../../src/domain/ids';
import type { CellValue, TableRecord } from '../../../src/domain/model';
import type { ShopTemplate } from '../../../src/domain/template';

/** Reads a template by table and field names, the way a user sees it. */
export interface TemplateReader {
  tableId(name: string): TableId;
  records(table: string): TableRecord[];
  fieldId(table: string, field: string): FieldId;
  value(record: TableRecord, table: string, field: string): CellValue | undefined;
}

export function readTemplate(t: ShopTemplate): TemplateReader {
  const tableId = (name: string): TableId => {
    const table = t.tables.find((x) => x.name === name);
    if (!table) throw new Error(`no table ${name}`);
    return table.id;
  };
  const fieldId = (table: string, field: string): FieldId => {
    const id = tableId(table);
    const f = t.fields.find((x) => x.tableId === id && x.name === field);
    if (!f) throw new Error(`no field ${table}.${field}`);
    return f.id;
  };
  return {
    tableId,
    fieldId,
    records: (table) => t.records.filter((r) => r.tableId === tableId(table)),
    value: (record, table, field) => record.values[fieldId(table, field)],
  };
}
