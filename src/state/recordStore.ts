/**
 * Records of one table, kept outside React/zustand because there can be 100,000+ of them.
 * Changes are applied in place (records themselves are replaced, never mutated) and
 * listeners learn which ids changed, so the grid can patch just those rows.
 */
import type { Change } from '../domain/changes';
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
    const touched = new Map<RecordId, TableRecord>();
    for (const c of changes) {
      if (c.kind === 'record') {
        const tableId = c.after?.tableId ?? c.before?.tableId;
        if (tableId !== this.tableId) continue;
        this.touchedDuringLoad?.add(c.id);
        if (c.after) {
          const existed = this.byId.has(c.id);
          this.byId.set(c.id, c.after);
          (existed ? delta.updated : delta.added).push(c.after);
        } else if (this.byId.delete(c.id)) {
          delta.removed.push(c.id);
        }
        this.ordered = null;
      } else if (c.kind === 'cell' && c.tableId === this.tableId) {
        const rec = touched.get(c.recordId) ?? this.byId.get(c.recordId);
        if (!rec) continue;
        this.touchedDuringLoad?.add(c.recordId);
        touched.set(c.recordId, withCells(rec, [[c.fieldId, c.after]], now));
      }
    }
    for (const rec of touched.values()) {
      this.byId.set(rec.id, rec);
      delta.updated.push(rec);
    }
    if (touched.size > 0 && this.ordered) {
      this.ordered = this.ordered.map((r) => touched.get(r.id) ?? r);
    }
    this.emit(delta);
    return delta;
  }

  /** Replaces records re-read from storage (another tab changed them). */
  replace(records: readonly TableRecord[], removed: readonly RecordId[]): void {
    const delta: RecordDelta = { added: [], updated: [], removed: [], reset: false };
    for (const r of records) {
      this.touchedDuringLoad?.add(r.id);
      (this.byId.has(r.id) ? delta.updated : delta.added).push(r);
      this.byId.set(r.id, r);
    }
    for (const id of removed) {
      this.touchedDuringLoad?.add(id);
      if (this.byId.delete(id)) delta.removed.push(id);
    }
    this.ordered = null;
    this.emit(delta);
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
