/**
 * Where each record is among the engine's rows. Built once in slices; rows inserted or removed
 * later are kept as shifts applied on lookup while a fresh index is built in slices in the
 * background, so a million rows are never re-indexed in one task.
 */
import { idHash, type RecordId } from '../domain/ids';
import type { RowShift } from './formulaMirror';
import { runSlicedLoop, SLICE_MS } from './formulaValues';

/** Shifts kept before a fresh index is started (each lookup walks them). */
const REBUILD_AFTER = 8;

/** Positions by record id. */
export type RowLookup = Pick<ReadonlyMap<RecordId, number>, 'get'>;

/**
 * Rows by record id for one list of ids: an open-addressing table of row numbers, keyed by the
 * id's hash, each hit checked against the list (linear probing, at most half full). At 1M ids
 * (Node 20) it filled in 85–124 ms where a Map in 64 shards took 496–549 ms (the Chromium
 * profile of formula-1m had ~820 ms of the page's time in filling that Map), a million lookups
 * took 192–271 against 335–414 ms, and it keeps no entries on the JS heap (~63 MB for the Map):
 * its slots are one typed array the collector does not walk. A repeated id finds its first row.
 */
export class RowTable implements RowLookup {
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** `ids` has every row already (the table is sized from it); rows are entered with add. */
  constructor(private readonly ids: readonly RecordId[]) {
    let size = 2;
    while (size < ids.length * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Enters row `row` of the list (each row once, after the list has it). */
  add(row: number): void {
    let slot = idHash(this.ids[row] as RecordId) & this.mask;
    while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
    this.slots[slot] = row;
  }

  get(id: RecordId): number | undefined {
    let slot = idHash(id) & this.mask;
    for (;;) {
      const row = this.slots[slot] as number;
      if (row === -1) return undefined;
      if (this.ids[row] === id) return row;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** The rows of `ids` by id, entered a slice per task (the list must not change meanwhile). */
export async function tableOfRows(ids: readonly RecordId[]): Promise<RowTable> {
  const table = new RowTable(ids);
  await runSlicedLoop(ids.length, (i) => table.add(i), SLICE_MS);
  return table;
}

export class RowIndex {
  /** Positions before `shifts`. */
  private base: RowLookup;
  private shifts: RowShift[] = [];
  /** Records inserted since `base`: their row then, and the first shift that came after. */
  private added = new Map<RecordId, { row: number; from: number }>();
  private rebuilding = false;

  constructor(base: RowLookup) {
    this.base = base;
  }

  get(id: RecordId): number | undefined {
    const added = this.added.get(id);
    let row = added ? added.row : this.base.get(id);
    for (let i = added ? added.from : 0; i < this.shifts.length && row !== undefined; i++)
      row = rowAfter(this.shifts[i] as RowShift, row);
    return row;
  }

  /**
   * The rows moved (`inserted`: the new records of an insert, in order); `rows` gives the rows
   * as they are now, for the fresh index.
   */
  shift(shift: RowShift, inserted: readonly RecordId[], rows: () => readonly RecordId[]): void {
    this.shifts.push(shift);
    if (shift.kind === 'insert')
      inserted.forEach((id, k) =>
        this.added.set(id, { row: shift.at + k, from: this.shifts.length }),
      );
    if (this.shifts.length >= REBUILD_AFTER && !this.rebuilding) void this.rebuild(rows);
  }

  /** Whether lookups still walk shifts (for tests). */
  get shiftCount(): number {
    return this.shifts.length;
  }

  private async rebuild(rows: () => readonly RecordId[]): Promise<void> {
    this.rebuilding = true;
    const ids = rows();
    const done = this.shifts.length;
    const fresh = await tableOfRows(ids);
    // Shifts made meanwhile stay, now relative to the fresh positions.
    this.base = fresh;
    this.shifts = this.shifts.slice(done);
    const added = new Map<RecordId, { row: number; from: number }>();
    for (const [id, a] of this.added)
      if (a.from > done) added.set(id, { row: a.row, from: a.from - done });
    this.added = added;
    this.rebuilding = false;
    if (this.shifts.length >= REBUILD_AFTER) void this.rebuild(rows);
  }
}

/** Where row `row` is after `shift`; undefined for a removed row. */
export function rowAfter(shift: RowShift, row: number): number | undefined {
  if (shift.kind === 'insert') return row < shift.at ? row : row + shift.count;
  const rows = shift.rows;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] as number) < row) lo = mid + 1;
    else hi = mid;
  }
  return rows[lo] === row ? undefined : row - lo;
}
