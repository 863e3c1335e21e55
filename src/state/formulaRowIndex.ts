/**
 * Where each record is among the engine's rows. Built once in slices; rows inserted or removed
 * later are kept as shifts applied on lookup while a fresh index is built in slices in the
 * background, so a million rows are never re-indexed in one task.
 */
import type { RecordId } from '../domain/ids';
import type { RowShift } from './formulaMirror';
import { runSlicedLoop, SLICE_MS } from './formulaValues';

/** Shifts kept before a fresh index is started (each lookup walks them). */
const REBUILD_AFTER = 8;

/** Positions by record id. */
export type RowLookup = Pick<ReadonlyMap<RecordId, number>, 'get'>;

/**
 * Steps between clock reads when filling a RowMap: the shards fill evenly, so they all grow
 * (and rehash) within a few hundred inserts of each other; with the clock read every 256
 * inserts one slice could take several of them.
 */
const STEPS_PER_CHECK = 16;

const SHARDS = 64;

/**
 * A Map split in 64 by the id's last two characters: a Map that grows rehashes every entry in
 * one go (~100 ms when a million-row index passes 524,288 entries). In 16 shards by the last
 * character (uneven over base-36 ids: up to 83,000 entries each) one insert still took up to
 * 80 ms in a million-row load; in 64, at most ~20,000 entries each, the worst insert took 2 ms.
 */
export class RowMap implements RowLookup {
  private readonly shards = Array.from({ length: SHARDS }, () => new Map<RecordId, number>());

  get(id: RecordId): number | undefined {
    return this.shardOf(id).get(id);
  }

  set(id: RecordId, row: number): void {
    this.shardOf(id).set(id, row);
  }

  get size(): number {
    return this.shards.reduce((n, m) => n + m.size, 0);
  }

  private shardOf(id: RecordId): Map<RecordId, number> {
    const n = id.length;
    const shard = (id.charCodeAt(n - 1) + 7 * id.charCodeAt(n - 2)) & (SHARDS - 1);
    return this.shards[shard] as Map<RecordId, number>;
  }
}

/** A RowMap of `count` rows, row i under `idAt(i)`, filled a slice per task. */
export async function fillRowMap(count: number, idAt: (row: number) => RecordId): Promise<RowMap> {
  const map = new RowMap();
  await runSlicedLoop(count, (i) => map.set(idAt(i), i), SLICE_MS, STEPS_PER_CHECK);
  return map;
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
    const fresh = await fillRowMap(ids.length, (i) => ids[i] as RecordId);
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
