/**
 * Which rows are ticked in the grid's checkbox column. Kept by record id outside the grid (the
 * grid holds nodes only for the rows on screen); a shift-click ticks the run of shown rows
 * from the last ticked one, and the header box ticks or clears every shown row. Only shown rows
 * stay ticked: a search that hides a ticked row unticks it.
 */
import type { RecordId } from '../../domain/ids';

/** The shown rows, in order, as the selection needs them. */
export interface ShownRows {
  readonly count: number;
  ids(): RecordId[];
  indexOf(id: RecordId): number;
  rowAt(index: number): { id: RecordId } | undefined;
}

export type HeaderState = 'none' | 'some' | 'all';

export class RowSelection {
  private selected = new Set<RecordId>();
  private anchor: RecordId | null = null;
  private listeners = new Set<() => void>();
  private rowListeners = new Set<() => void>();

  has(id: RecordId): boolean {
    return this.selected.has(id);
  }

  get size(): number {
    return this.selected.size;
  }

  list(): RecordId[] {
    return [...this.selected];
  }

  /** Ticks or clears one row; with `extend`, every shown row between the anchor and it. */
  toggle(id: RecordId, rows: ShownRows, extend: boolean): void {
    const on = !this.selected.has(id);
    const from = extend && this.anchor ? rows.indexOf(this.anchor) : -1;
    const to = from >= 0 ? rows.indexOf(id) : -1;
    if (from >= 0 && to >= 0) {
      const [lo, hi] = from <= to ? [from, to] : [to, from];
      for (let i = lo; i <= hi; i++) {
        const row = rows.rowAt(i);
        if (row) this.selected.add(row.id);
      }
    } else if (on) this.selected.add(id);
    else this.selected.delete(id);
    this.anchor = id;
    this.emit();
  }

  /** Every shown row ticked, or none. */
  headerState(rows: ShownRows): HeaderState {
    if (this.selected.size === 0) return 'none';
    if (this.selected.size < rows.count) return 'some';
    for (let i = 0; i < rows.count; i++) {
      const row = rows.rowAt(i);
      if (row && !this.selected.has(row.id)) return 'some';
    }
    return 'all';
  }

  /** The header box: ticks every shown row, or clears all when they all are. */
  toggleAll(rows: ShownRows): void {
    if (this.headerState(rows) === 'all') this.selected.clear();
    else for (const id of rows.ids()) this.selected.add(id);
    this.anchor = null;
    this.emit();
  }

  /** Forgets rows that no longer exist. */
  drop(ids: readonly RecordId[]): void {
    let changed = false;
    for (const id of ids) changed = this.selected.delete(id) || changed;
    if (this.anchor && ids.includes(this.anchor)) this.anchor = null;
    if (changed) this.emit();
  }

  /**
   * Forgets ticked rows that are no longer shown (a search or filter hid them), so what the
   * toolbar deletes is always what the user can see ticked.
   */
  keepShown(rows: ShownRows): void {
    if (this.selected.size === 0) return;
    const kept = new Set<RecordId>();
    for (let i = 0; i < rows.count && kept.size < this.selected.size; i++) {
      const row = rows.rowAt(i);
      if (row && this.selected.has(row.id)) kept.add(row.id);
    }
    if (kept.size === this.selected.size) return;
    this.selected = kept;
    if (this.anchor && !kept.has(this.anchor)) this.anchor = null;
    this.emit();
  }

  clear(): void {
    if (this.selected.size === 0) return;
    this.selected.clear();
    this.anchor = null;
    this.emit();
  }

  /** Hears every change of the ticked rows. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hears changes of the ticked rows and of the shown rows (the header box reads both). */
  subscribeHeader(listener: () => void): () => void {
    this.listeners.add(listener);
    this.rowListeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      this.rowListeners.delete(listener);
    };
  }

  /** The shown rows changed (search, new or deleted rows). */
  refreshHeader(): void {
    for (const l of this.rowListeners) l();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
