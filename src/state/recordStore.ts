/**
 * Records of one table, kept outside React/zustand because there can be 100,000+ of them.
 * Changes are applied in place (records themselves are replaced, never mutated) and
 * listeners learn which ids changed, so the grid can patch just those rows.
 */
import type { CellChange, Change } from '../domain/changes';
import { compareRecordOrder, inTableOrder, withCells } from '../domain/records';
import type { RecordId, TableId } from '../domain/ids';
import type { TableRecord } from '../domain/model';

export interface RecordDelta {
  /** Records that are new to the table. */
  added: TableRecord[];
  /** Records whose values changed (the new objects). */
  updated: TableRecord[];
  removed: RecordId[];
  /** Everything was replaced (initial load finished, or a reload). */
  reset: boolean;
}

type Listener = (delta: RecordDelta) => void;

/** Up to this many records per change are found and placed one by one, without the id index. */
const FEW = 32;

/**
 * Binary search in table order: the first position whose record does not come before `rec`
 * (`after` false), or the first that comes after it (`after` true: where `rec` is inserted).
 */
function searchOrder(list: readonly TableRecord[], rec: TableRecord, after: boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareRecordOrder(list[mid] as TableRecord, rec);
    if (c < 0 || (after && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where a record sits in the table order (found by its old order), or -1. */
function positionOf(list: readonly TableRecord[], rec: TableRecord): number {
  const lo = searchOrder(list, rec, false);
  if (list[lo]?.id === rec.id) return lo;
  return list.findIndex((r) => r.id === rec.id);
}

/** The table's records when every change to it creates one, else nothing. */
function onlyCreated(changes: readonly Change[], store: { tableId: TableId }): TableRecord[] {
  const created: TableRecord[] = [];
  for (const c of changes) {
    if (c.kind === 'cell' && c.tableId === store.tableId) return [];
    if (c.kind !== 'record' || (c.after ?? c.before)?.tableId !== store.tableId) continue;
    if (c.before || !c.after) return [];
    created.push(c.after);
  }
  return created;
}

export class RecordStore {
  readonly tableId: TableId;
  /** Built on first need: opening 100,000 rows does not pay for it up front. */
  private index: Map<RecordId, TableRecord> | null = null;
  /** At least one of `index` and `ordered` is always set. */
  private ordered: TableRecord[] | null = [];
  private listeners = new Set<Listener>();
  /** True once every record of the table has been loaded. */
  complete = false;
  /** Ids changed in memory while a full load was reading the database. */
  private touchedDuringLoad: Set<RecordId> | null = null;

  constructor(tableId: TableId) {
    this.tableId = tableId;
  }

  private get byId(): Map<RecordId, TableRecord> {
    this.index ??= new Map((this.ordered ?? []).map((r) => [r.id, r] as const));
    return this.index;
  }

  get size(): number {
    return this.index ? this.index.size : (this.ordered?.length ?? 0);
  }

  get(id: RecordId): TableRecord | undefined {
    return this.byId.get(id);
  }

  /** All records in table order (cached until the next change). */
  all(): TableRecord[] {
    if (!this.ordered) {
      this.ordered = [...this.byId.values()].sort(compareRecordOrder);
    }
    return this.ordered;
  }

  /** Replaces the contents with `records` (in table order; the store keeps the array). */
  reset(records: TableRecord[], complete: boolean): void {
    this.index = null;
    this.ordered = records;
    this.complete = complete;
    this.emit({ added: [], updated: [], removed: [], reset: true });
  }

  /** Starts a full load: changes made from now on win over what the load reads. */
  beginLoad(): void {
    this.touchedDuringLoad = new Set();
  }

  /** Ends a full load: the loaded records, except those changed in memory meanwhile. */
  finishLoad(loaded: TableRecord[]): void {
    const touched = this.touchedDuringLoad ?? new Set<RecordId>();
    this.touchedDuringLoad = null;
    if (touched.size === 0) {
      this.reset(loaded, true);
      return;
    }
    const merged: TableRecord[] = [];
    for (const r of loaded) {
      if (!touched.has(r.id)) merged.push(r);
      else {
        const mine = this.byId.get(r.id);
        if (mine) merged.push(mine);
      }
    }
    const loadedIds = new Set(loaded.map((r) => r.id));
    for (const id of touched) {
      const mine = this.byId.get(id);
      if (mine && !loadedIds.has(id)) merged.push(mine);
    }
    merged.sort(compareRecordOrder);
    this.reset(merged, true);
  }

  /** Applies record and cell changes that belong to this table. */
  apply(changes: readonly Change[], now: number): RecordDelta {
    const created = this.size === 0 && !this.touchedDuringLoad ? onlyCreated(changes, this) : [];
    if (created.length > 0) {
      // Rows into an empty table (an import into a new table): the array is the store, and the
      // id index is built on first need, as after a load (a million Map entries cost ~200 ms).
      this.ordered = inTableOrder(created);
      this.index = null;
      const delta: RecordDelta = { added: created, updated: [], removed: [], reset: false };
      this.emit(delta);
      return delta;
    }
    const delta: RecordDelta = { added: [], updated: [], removed: [], reset: false };
    const records: { id: RecordId; after: TableRecord | null }[] = [];
    const cells: CellChange[] = [];
    for (const c of changes) {
      if (c.kind === 'record') {
        const tableId = c.after?.tableId ?? c.before?.tableId;
        if (tableId === this.tableId) records.push({ id: c.id, after: c.after ?? null });
      } else if (c.kind === 'cell' && c.tableId === this.tableId) cells.push(c);
    }
    this.applyRecords(records, delta);
    const touched = new Map<RecordId, TableRecord>();
    for (const c of cells) {
      const rec = touched.get(c.recordId) ?? this.find(c.recordId, cells.length);
      if (!rec) continue;
      this.touchedDuringLoad?.add(c.recordId);
      touched.set(c.recordId, withCells(rec, [[c.fieldId, c.after]], now));
    }
    for (const rec of touched.values()) delta.updated.push(rec);
    this.putAll([...touched.values()]);
    this.emit(delta);
    return delta;
  }

  /** Replaces records re-read from storage (another tab changed them). */
  replace(records: readonly TableRecord[], removed: readonly RecordId[]): void {
    const delta: RecordDelta = { added: [], updated: [], removed: [], reset: false };
    this.applyRecords(
      [
        ...records.map((r) => ({ id: r.id, after: r })),
        ...removed.map((id) => ({ id, after: null })),
      ],
      delta,
    );
    this.emit(delta);
  }

  /**
   * A record by id without building the id index for a few look-ups: a pass over the table
   * order (~3 ms at 1M rows) is cheaper than a million-entry index (~200 ms, ~60 MB).
   */
  private find(id: RecordId, lookups: number): TableRecord | undefined {
    if (this.index || !this.ordered || lookups > FEW) return this.byId.get(id);
    return this.ordered.find((r) => r.id === id);
  }

  /** Whole records added, replaced or removed: the order is patched, not sorted again. */
  private applyRecords(
    records: readonly { id: RecordId; after: TableRecord | null }[],
    delta: RecordDelta,
  ): void {
    if (records.length === 0) return;
    // Few records: patched into a copy of the order (the old array may be someone's snapshot).
    // Many (an import, an undo of a large delete): indexed, and sorted once when next read.
    const patch = this.ordered && records.length <= FEW ? this.ordered.slice() : null;
    for (const { id, after } of records) {
      this.touchedDuringLoad?.add(id);
      const before = patch && !this.index ? patch.find((r) => r.id === id) : this.byId.get(id);
      const at = patch && before ? positionOf(patch, before) : -1;
      if (patch && at >= 0) patch.splice(at, 1);
      if (after) {
        (before ? delta.updated : delta.added).push(after);
        if (patch) patch.splice(searchOrder(patch, after, true), 0, after);
        this.index?.set(id, after);
      } else if (before) {
        delta.removed.push(id);
        this.index?.delete(id);
      }
    }
    this.ordered = patch;
  }

  /** Edited records replace the old objects at their positions. */
  private putAll(edited: readonly TableRecord[]): void {
    if (edited.length === 0) return;
    if (this.index) for (const rec of edited) this.index.set(rec.id, rec);
    if (!this.ordered) return;
    const next = this.ordered.slice();
    if (edited.length <= FEW) {
      for (const rec of edited) {
        const at = positionOf(next, rec);
        if (at >= 0) next[at] = rec;
      }
    } else {
      const byId = new Map(edited.map((r) => [r.id, r] as const));
      for (let i = 0; i < next.length; i++)
        next[i] = byId.get((next[i] as TableRecord).id) ?? (next[i] as TableRecord);
    }
    this.ordered = next;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(delta: RecordDelta): void {
    if (!delta.reset && delta.added.length + delta.updated.length + delta.removed.length === 0)
      return;
    for (const l of this.listeners) l(delta);
  }
}
