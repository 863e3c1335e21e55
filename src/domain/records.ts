/**
 * Record helpers shared by the in-memory stores (state) and the database (db): table order and
 * cell patches, so both layers sort and patch records the same way.
 */
import type { FieldId } from './ids';
import type { CellValue, TableRecord } from './model';
import { sortPositions } from './sortSlices';

/** Table order: by `order`, ties broken by id so every tab (and the database) sorts alike. */
export function compareRecordOrder(a: TableRecord, b: TableRecord): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The records in table order: the same array when it already is; else each record straight to
 * its slot when every order is a distinct integer (rows added at the end and imported ones
 * are; 100,000 records in a few ms); else a comparison sort (in place).
 */
export function inTableOrder(records: TableRecord[]): TableRecord[] {
  for (let i = 1; i < records.length; i++) {
    if (compareRecordOrder(records[i - 1] as TableRecord, records[i] as TableRecord) > 0)
      return placeByOrder(records) ?? records.sort(compareRecordOrder);
  }
  return records;
}

/** Gaps left by deleted rows are allowed up to as many slots again as there are records. */
function placeByOrder(records: readonly TableRecord[]): TableRecord[] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const { order } of records) {
    if (!Number.isInteger(order)) return null;
    if (order < min) min = order;
    if (order > max) max = order;
  }
  const span = max - min + 1;
  if (span > records.length * 2) return null;
  const slots = new Array<TableRecord | undefined>(span);
  for (const record of records) {
    const at = record.order - min;
    if (slots[at] !== undefined) return null;
    slots[at] = record;
  }
  if (span === records.length) return slots as TableRecord[];
  return slots.filter((r): r is TableRecord => r !== undefined);
}

/** Records looked at between two calls of the pause in the sliced ordering. */
const SLICE_STEP = 8192;

/**
 * `inTableOrder` for large tables: the same result, computed in steps with `pause` awaited
 * between them (pass one that yields when its time slice is used, see createSlicePause).
 * The fallback is a merge sort whose passes can stop anywhere, not one long native sort.
 */
export async function inTableOrderSliced(
  records: TableRecord[],
  pause: () => Promise<void>,
): Promise<TableRecord[]> {
  if (await isInTableOrderSliced(records, pause)) return records;
  return (await placeByOrderSliced(records, pause)) ?? sortSliced(records, pause);
}

async function isInTableOrderSliced(
  records: readonly TableRecord[],
  pause: () => Promise<void>,
): Promise<boolean> {
  for (let from = 1; from < records.length; from += SLICE_STEP) {
    const to = Math.min(records.length, from + SLICE_STEP);
    for (let i = from; i < to; i++)
      if (compareRecordOrder(records[i - 1] as TableRecord, records[i] as TableRecord) > 0)
        return false;
    await pause();
  }
  return true;
}

/** placeByOrder in steps: bounds, then slots, then (with gaps) the compaction. */
async function placeByOrderSliced(
  records: readonly TableRecord[],
  pause: () => Promise<void>,
): Promise<TableRecord[] | null> {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < records.length; i++) {
    const { order } = records[i] as TableRecord;
    if (!Number.isInteger(order)) return null;
    if (order < min) min = order;
    if (order > max) max = order;
    if (i % SLICE_STEP === SLICE_STEP - 1) await pause();
  }
  const span = max - min + 1;
  if (span > records.length * 2) return null;
  const slots = new Array<TableRecord | undefined>(span);
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as TableRecord;
    const at = record.order - min;
    if (slots[at] !== undefined) return null;
    slots[at] = record;
    if (i % SLICE_STEP === SLICE_STEP - 1) await pause();
  }
  if (span === records.length) return slots as TableRecord[];
  const placed: TableRecord[] = [];
  for (let i = 0; i < span; i++) {
    const record = slots[i];
    if (record !== undefined) placed.push(record);
    if (i % SLICE_STEP === SLICE_STEP - 1) await pause();
  }
  return placed;
}

/** The comparison sort in slices: positions sorted by the shared sliced merge sort. */
async function sortSliced(
  records: readonly TableRecord[],
  pause: () => Promise<void>,
): Promise<TableRecord[]> {
  const positions = new Int32Array(records.length);
  for (let i = 0; i < positions.length; i++) positions[i] = i;
  const order = (await sortPositions(
    positions,
    (a, b) => compareRecordOrder(records[a] as TableRecord, records[b] as TableRecord),
    { pause },
  )) as Int32Array;
  const out = new Array<TableRecord>(order.length);
  for (let i = 0; i < order.length; i++) out[i] = records[order[i] as number] as TableRecord;
  return out;
}

/** A copy with cells set (undefined removes one) and modifiedAt; `record` is never mutated. */
export function withCells(
  record: TableRecord,
  cells: Iterable<readonly [FieldId, CellValue | undefined]>,
  now: number,
): TableRecord {
  const values = { ...record.values };
  for (const [fieldId, value] of cells) {
    if (value === undefined) delete values[fieldId];
    else values[fieldId] = value;
  }
  return { ...record, values, modifiedAt: now };
}
