/** Row and cell operations as commands. */
import type { Change, CellChange, Command } from '../changes';
import type { FieldId, RecordId, TableId } from '../ids';
import { newRecordId } from '../ids';
import type { CellValue, TableRecord } from '../model';

export interface CellEdit {
  recordId: RecordId;
  fieldId: FieldId;
  before: CellValue | undefined;
  after: CellValue;
}

export function setCellsCommand(
  tableId: TableId,
  edits: readonly CellEdit[],
  now: number,
  label = 'history.editCells',
): Command {
  const changes: CellChange[] = edits
    .filter((e) => !sameValue(e.before, e.after))
    .map((e) => ({
      kind: 'cell',
      tableId,
      recordId: e.recordId,
      fieldId: e.fieldId,
      before: e.before,
      after: e.after,
    }));
  return { label, changes, at: now };
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if ((a === undefined || a === null || a === '') && (b === undefined || b === null || b === ''))
    return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** An order value between two neighbours (records keep fractional positions). */
export function orderBetween(prev: number | undefined, next: number | undefined): number {
  if (prev === undefined && next === undefined) return 0;
  if (prev === undefined) return (next as number) - 1;
  if (next === undefined) return prev + 1;
  return (prev + next) / 2;
}

export function newRecord(
  tableId: TableId,
  order: number,
  values: TableRecord['values'],
  now: number,
): TableRecord {
  return { id: newRecordId(), tableId, order, values, createdAt: now, modifiedAt: now };
}

export function insertRecordsCommand(
  records: readonly TableRecord[],
  now: number,
  label = 'history.addRecords',
): Command {
  const changes: Change[] = records.map((r) => ({ kind: 'record', id: r.id, after: r }));
  return { label, changes, at: now };
}

export function deleteRecordsCommand(records: readonly TableRecord[], now: number): Command {
  const changes: Change[] = records.map((r) => ({ kind: 'record', id: r.id, before: r }));
  return { label: 'history.deleteRecords', changes, at: now };
}
