/**
 * The rows a grid shows, in the order it shows them: a table's records searched and sorted by
 * us (the grid only pages through them), worked out a few milliseconds at a time so that even
 * a million rows never hold the page. Changed rows are placed again without sorting every row.
 */
import type { RecordId } from '../../domain/ids';
import type { CellValue, TableRecord } from '../../domain/model';
import { isEmptyValue } from '../../domain/model';
import { yieldToEventLoop } from '../../domain/pause';
import { mergePositions, sortPositions } from '../../domain/sortSlices';
import type { RecordDelta } from '../../state/recordStore';

/** One sort level: the value read from each record and how two values compare (ascending). */
export interface SortKey {
  fieldId: string;
  read: (rec: TableRecord) => unknown;
  compare: (a: unknown, b: unknown) => number;
  descending: boolean;
}

export interface RowViewSpec {
  sorts: readonly SortKey[];
  /** Which records are shown (the search); null shows every record. */
  filter: ((rec: TableRecord) => boolean) | null;
  /** Every field the sorts and the filter read. */
  reads: ReadonlySet<string>;
}

/** What changed in the view: `rows` means the rows at some positions are other records now. */
export type RowViewChange = { kind: 'rows' } | { kind: 'patched'; records: readonly TableRecord[] };

/** Where the view reads its records (a RecordStore). */
export interface RecordSource {
  all(): readonly TableRecord[];
}

export const SHOW_ALL: RowViewSpec = { sorts: [], filter: null, reads: new Set() };

/** Changed rows placed again one by one above this share of the rows: sorting all is cheaper. */
const DELTA_SHARE = 0.125;
const BUDGET_MS = 8;

/** Compares base positions by the sort keys; empty values last either way, then table order. */
function comparerOf(sorts: readonly SortKey[], keys: readonly unknown[][]) {
  return (a: number, b: number): number => {
    for (let s = 0; s < sorts.length; s++) {
      const sort = sorts[s] as SortKey;
      const column = keys[s] as unknown[];
      const va = column[a];
      const vb = column[b];
      const emptyA = isEmptyValue(va as CellValue);
      const emptyB = isEmptyValue(vb as CellValue);
      if (emptyA !== emptyB) return emptyA ? 1 : -1;
      if (emptyA) continue;
      const c = sort.compare(va, vb);
      if (c !== 0) return sort.descending ? -c : c;
    }
    return a - b;
  };
}

/** A pause whenever the budget is spent; false when the work was abandoned meanwhile. */
function pacer(cancelled: () => boolean): () => Promise<boolean> {
  let started = performance.now();
  return async () => {
    if (performance.now() - started < BUDGET_MS) return true;
    await yieldToEventLoop();
    started = performance.now();
    return !cancelled();
  };
}

export class RowView {
  private base: readonly TableRecord[];
  /** Base positions in shown order; null shows every base record in table order. */
  private order: Int32Array | null = null;
  /** Per sort level, the key of each base position in the view. */
  private keys: unknown[][] = [];
  private spec: RowViewSpec = SHOW_ALL;
  private generation = 0;
  private fullWanted = false;
  private changedIds: Set<RecordId> | null = null;
  private running: Promise<void> | null = null;
  /** True from the start of a pass until its result is shown. */
  private working = false;
  private source: RecordSource;
  private onChange: (change: RowViewChange) => void;

  /** Shows nothing until told of a spec or a change (`setSpec`, `storeChanged`). */
  constructor(source: RecordSource, onChange: (change: RowViewChange) => void) {
    this.source = source;
    this.onChange = onChange;
    this.base = [];
  }

  get count(): number {
    return this.order ? this.order.length : this.base.length;
  }

  rowAt(index: number): TableRecord | undefined {
    if (!this.order) return this.base[index];
    const position = this.order[index];
    return position === undefined ? undefined : this.base[position];
  }

  /** The shown records' ids, in shown order. */
  ids(): RecordId[] {
    const out = new Array<RecordId>(this.count);
    for (let i = 0; i < out.length; i++) out[i] = (this.rowAt(i) as TableRecord).id;
    return out;
  }

  indexOf(id: RecordId): number {
    for (let i = 0; i < this.count; i++) if (this.rowAt(i)?.id === id) return i;
    return -1;
  }

  /** Resolves once the view reflects every change it has been told of. */
  async whenCurrent(): Promise<void> {
    while (this.running) await this.running;
  }

  /** True while changes the view was told of are not shown yet. */
  get busy(): boolean {
    return this.fullWanted || this.changedIds !== null || this.working;
  }

  setSpec(spec: RowViewSpec): void {
    this.spec = spec;
    this.schedule(null);
  }

  /** The store changed: rows added or removed re-run the view, edited rows are placed again. */
  storeChanged(delta: RecordDelta): void {
    if (delta.reset || delta.added.length > 0 || delta.removed.length > 0) {
      this.schedule(null);
      return;
    }
    if (delta.updated.length === 0) return;
    const plain = !this.order && !this.fullWanted && !this.running;
    if (plain) this.base = this.source.all();
    // The new values show at once; in a sorted or searched view the rows move a moment later.
    this.onChange({ kind: 'patched', records: delta.updated });
    if (!plain) this.schedule(delta.updated.map((r) => r.id));
  }

  /**
   * Values the view may read changed outside the records (formula results): `ids` null means
   * any row. Returns whether the view reads any of `fields` (and so will be worked out again).
   */
  valuesChanged(fields: readonly string[], ids: readonly RecordId[] | null): boolean {
    if (!fields.some((f) => this.spec.reads.has(f))) return false;
    this.schedule(ids && ids.length <= this.base.length * DELTA_SHARE ? ids : null);
    return true;
  }

  /** `ids` null: the whole view again; else these records placed again. */
  private schedule(ids: readonly RecordId[] | null): void {
    if (ids === null) {
      this.fullWanted = true;
      this.changedIds = null;
      this.generation += 1;
    } else if (!this.fullWanted) {
      this.changedIds ??= new Set();
      for (const id of ids) this.changedIds.add(id);
    }
    if (!this.running) {
      // The plain view needs no work: shown at once, in the same task.
      if (this.fullWanted && this.isPlain()) {
        this.fullWanted = false;
        this.showPlain();
        return;
      }
      this.running = this.run().finally(() => (this.running = null));
    }
  }

  private isPlain(): boolean {
    return this.spec.sorts.length === 0 && this.spec.filter === null;
  }

  private showPlain(): void {
    this.show(this.source.all(), null, []);
  }

  private async run(): Promise<void> {
    while (this.fullWanted || this.changedIds) {
      this.working = true;
      try {
        if (this.fullWanted) {
          this.fullWanted = false;
          await this.recompute();
        } else {
          const ids = this.changedIds as Set<RecordId>;
          this.changedIds = null;
          await this.placeAgain(ids);
        }
      } finally {
        this.working = false;
      }
    }
  }

  /** Shows a finished pass. */
  private show(base: readonly TableRecord[], order: Int32Array | null, keys: unknown[][]): void {
    this.base = base;
    this.order = order;
    this.keys = keys;
    this.working = false;
    this.onChange({ kind: 'rows' });
  }

  private async recompute(): Promise<void> {
    const generation = this.generation;
    const cancelled = () => generation !== this.generation;
    if (this.isPlain()) {
      this.showPlain();
      return;
    }
    const { sorts, filter } = this.spec;
    const base = this.source.all();
    const pace = pacer(cancelled);
    let positions: Int32Array;
    if (filter) {
      const kept: number[] = [];
      for (let p = 0; p < base.length; p++) {
        if (filter(base[p] as TableRecord)) kept.push(p);
        if ((p & 1023) === 1023 && !(await pace())) return;
      }
      positions = Int32Array.from(kept);
    } else {
      positions = new Int32Array(base.length);
      for (let p = 0; p < base.length; p++) positions[p] = p;
    }
    const keys: unknown[][] = sorts.map(() => new Array<unknown>(base.length));
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i] as number;
      const rec = base[p] as TableRecord;
      for (let s = 0; s < sorts.length; s++)
        (keys[s] as unknown[])[p] = (sorts[s] as SortKey).read(rec);
      if ((i & 1023) === 1023 && !(await pace())) return;
    }
    const order =
      sorts.length > 0
        ? await sortPositions(positions, comparerOf(sorts, keys), {
            budgetMs: BUDGET_MS,
            cancelled,
          })
        : positions;
    if (!order || cancelled()) return;
    this.show(base, order, keys);
  }

  /** Takes the changed records out and merges them back in where they belong now. */
  private async placeAgain(ids: ReadonlySet<RecordId>): Promise<void> {
    if (this.isPlain()) {
      this.showPlain();
      return;
    }
    const generation = this.generation;
    const cancelled = () => generation !== this.generation;
    const pace = pacer(cancelled);
    const base = this.source.all();
    const { sorts, filter } = this.spec;
    const changed = new Uint8Array(base.length);
    const incoming: number[] = [];
    for (let p = 0; p < base.length; p++) {
      const rec = base[p] as TableRecord;
      if (ids.has(rec.id)) {
        changed[p] = 1;
        for (let s = 0; s < sorts.length; s++)
          (this.keys[s] as unknown[])[p] = (sorts[s] as SortKey).read(rec);
        if (!filter || filter(rec)) incoming.push(p);
      }
      if ((p & 16383) === 16383 && !(await pace())) return;
    }
    const order = this.order ?? new Int32Array(0);
    const kept = new Int32Array(order.length);
    let k = 0;
    for (let i = 0; i < order.length; i++) {
      const p = order[i] as number;
      if (!changed[p]) kept[k++] = p;
    }
    const compare = comparerOf(sorts, this.keys);
    incoming.sort(compare);
    this.show(
      base,
      mergePositions(kept.subarray(0, k), Int32Array.from(incoming), compare),
      this.keys,
    );
  }
}
