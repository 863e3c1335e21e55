/**
 * Record helpers shared by the in-memory stores (state) and the database (db): table order and
 * cell patches, so both layers sort and patch records the same way.
 */
import type { FieldId } from './ids';
import type { CellValue, TableRecord } from './model';

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
/** Runs sorted by a plain sort before the sliced merge passes. */
const SORT_RUN = 8192;

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

/** Bottom-up merge sort: runs sorted natively, then merge passes between two arrays. */
async function sortSliced(
  records: TableRecord[],
  pause: () => Promise<void>,
): Promise<TableRecord[]> {
  const n = records.length;
  for (let lo = 0; lo < n; lo += SORT_RUN) {
    const hi = Math.min(n, lo + SORT_RUN);
    const run = records.slice(lo, hi).sort(compareRecordOrder);
    for (let i = 0; i < run.length; i++) records[lo + i] = run[i] as TableRecord;
    await pause();
  }
  let from = records;
  let into = new Array<TableRecord>(n);
  for (let width = SORT_RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width)
      await mergeSliced(
        from,
        into,
        lo,
        Math.min(n, lo + width),
        Math.min(n, lo + 2 * width),
        pause,
      );
    [from, into] = [into, from];
  }
  return from;
}

/** Merges the sorted ranges [lo, mid) and [mid, hi) of `from` into the same range of `into`. */
async function mergeSliced(
  from: readonly TableRecord[],
  into: TableRecord[],
  lo: number,
  mid: number,
  hi: number,
  pause: () => Promise<void>,
): Promise<void> {
  let a = lo;
  let b = mid;
  for (let out = lo; out < hi; out++) {
    const left = from[a] as TableRecord;
    const right = from[b] as TableRecord;
    const takeLeft = b >= hi || (a < mid && compareRecordOrder(left, right) <= 0);
    into[out] = takeLeft ? left : right;
    if (takeLeft) a++;
    else b++;
    if ((out - lo) % SLICE_STEP === SLICE_STEP - 1) await pause();
  }
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
