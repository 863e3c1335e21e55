/**
 * The shared state of one table's engine (HyperFormula sheets, columns, values, results) and
 * the bookkeeping of which formula cells really changed since the last flush.
 */
import { DetailedCellError } from 'hyperformula';
import type { CellValue, ExportedChange, HyperFormula } from 'hyperformula';
import type { EngineContext } from './crmPlugin';
import { DirectEvaluator } from './directEval';
import type { RowValue } from './directEval';
import type { DirectNode } from './directParse';
import { createScratch, hfValue } from './directSupport';
import type { Block } from './layout';
import { createContext, createScratchWorkbook, createWorkbook } from './sheet';
import { EngineUsageError } from './types';
import { isBlankResult } from './values';
import type {
  ChangedCells,
  EngineValue,
  InputColumn,
  InputKind,
  ResultType,
  TableEngineOptions,
} from './types';

export interface FormulaState {
  compiled: string;
  refs: string[];
  helpers: string[];
  blocks: Block[];
  perCell: boolean;
  written: boolean;
  /** Helper columns only: how many formulas use it. */
  users: number;
  stored?: string;
  /**
   * Evaluated in JavaScript (see directEval) instead of by HyperFormula: `node` with the
   * formulas of the formula columns it reads inlined (`via`), reading the inputs `refs`.
   */
  direct?: { node: DirectNode; refs: Set<string>; population: Set<string>; via: Set<string> };
}

export const sameValue = (a: CellValue | undefined, b: CellValue): boolean =>
  a === b ||
  (a instanceof DetailedCellError &&
    b instanceof DetailedCellError &&
    a.type === b.type &&
    a.message === b.message);

export class TableStore {
  readonly ctx: EngineContext;
  readonly hf: HyperFormula;
  readonly sheet: number;
  readonly envSheet: number;
  readonly popSheet: number;
  /** Row of each population's RFM_POP cell on the Pop sheet. */
  readonly popCells = new Map<string, number>();
  readonly size: number;
  cols: string[] = [];
  colIndex = new Map<string, number>();
  readonly inputs = new Map<string, InputKind>();
  /** Input values as given, kept to rewrite rows shifted by inserts and removals. */
  readonly inputValues = new Map<string, EngineValue[]>();
  readonly formulas = new Map<string, FormulaState>();
  readonly helperByText = new Map<string, string>();
  readonly results = new Map<string, CellValue[]>();
  readonly types = new Map<string, ResultType>();
  readonly pending = new Map<string, Set<number>>();
  rows = 0;
  helperSeq = 0;
  /** Input values as HyperFormula holds them, for the direct formulas. */
  readonly hfInputs = new Map<string, RowValue[]>();
  /** Whether the input columns are in HyperFormula (only once a HyperFormula formula needs them). */
  hfLoaded = false;
  readonly evaluator: DirectEvaluator;
  readonly destroyScratch: () => void;

  constructor(readonly options: TableEngineOptions) {
    this.ctx = createContext(options.asOf, options.language);
    const wb = createWorkbook(this.ctx);
    [this.hf, this.sheet, this.envSheet, this.popSheet] = [wb.hf, wb.table, wb.env, wb.pop];
    this.size = Math.max(1, options.blockSize ?? 1000);
    const scratch = createScratch(() => createScratchWorkbook(this.ctx));
    this.destroyScratch = scratch.destroy;
    this.evaluator = new DirectEvaluator(
      this.ctx,
      (id, row) => this.hfInputs.get(id)?.[row] ?? null,
      (id) => this.inputs.get(id) === 'date',
      () => this.rows,
      scratch.fallback,
      scratch.textKind,
    );
  }

  col(fieldId: string): number {
    const c = this.colIndex.get(fieldId);
    if (c === undefined) throw new EngineUsageError(`No column ${fieldId}.`);
    return c;
  }

  /** Takes the first free sheet column (see removeColumn), else a new one after the last. */
  addColumn(fieldId: string, kind?: InputKind): void {
    if (kind) this.inputs.set(fieldId, kind);
    const free = this.cols.indexOf('');
    const c = free >= 0 ? free : this.cols.length;
    this.colIndex.set(fieldId, c);
    this.cols[c] = fieldId;
  }

  /** Keeps an input column's values as given and as HyperFormula would hold them. */
  keepInput(c: InputColumn): void {
    this.addColumn(c.fieldId, c.kind);
    const values = Array.from({ length: this.rows }, (_, i) => c.values[i] ?? null);
    this.inputValues.set(c.fieldId, values);
    this.hfInputs.set(
      c.fieldId,
      values.map((v) => hfValue(v, c.kind)),
    );
  }

  /**
   * Empties sheet column `c`: a formula's blocks (`state`; a JavaScript column has none), or an
   * input's values once HyperFormula holds them. Runs inside a batch.
   */
  emptyColumn(c: number, state?: FormulaState): void {
    if (state) {
      for (const b of state.blocks)
        this.hf.setCellContents({ sheet: this.sheet, row: b.start, col: c }, null);
    } else if (this.hfLoaded && this.rows > 0) {
      const empty = Array.from({ length: this.rows }, () => [null]);
      this.hf.setCellContents({ sheet: this.sheet, row: 0, col: c }, empty);
    }
  }

  /**
   * Removes a column from the bookkeeping and empties it in the sheet; `first` runs in the same
   * batch before, with the column already unknown to `colIndex`. The sheet's column stays, free
   * for the next column added: HyperFormula 3.5 can fail removing a sheet column while an array
   * formula elsewhere holds an error as a whole ("Unknown node"), and nothing moves.
   */
  removeColumn(fieldId: string, first?: () => void): void {
    const c = this.col(fieldId);
    this.colIndex.delete(fieldId);
    const ch = this.mutate(() => {
      first?.();
      this.emptyColumn(c, this.formulas.get(fieldId));
    });
    this.cols[c] = '';
    [this.inputs, this.inputValues, this.formulas, this.results, this.types].forEach((m) =>
      m.delete(fieldId),
    );
    this.absorb(ch);
  }

  mutate(fn: () => void): ExportedChange[] {
    return this.hf.batch(fn);
  }

  /** Records the formula cells whose value really changed (HyperFormula reports whole arrays). */
  absorb(changes: readonly ExportedChange[]): void {
    for (const change of changes) {
      if (!('address' in change) || change.address.sheet !== this.sheet) continue;
      const id = this.cols[change.address.col];
      const raw = id === undefined ? undefined : this.results.get(id);
      const row = change.address.row;
      if (!id || !raw || row >= this.rows || sameValue(raw[row], change.newValue)) continue;
      raw[row] = change.newValue;
      this.retype(id, change.newValue);
      this.note(id, row);
    }
  }

  /**
   * A changed value keeps its column's inferred result type when it fits it; otherwise the type
   * is inferred again (over the whole column) the next time it is asked for.
   */
  retype(id: string, value: CellValue): void {
    const known = this.types.get(id);
    if (known === undefined || known === 'mixed') return;
    if (isBlankResult(value)) return;
    const kind = typeof value;
    const fits =
      known === 'text'
        ? kind === 'string'
        : known === 'boolean'
          ? kind === 'boolean'
          : kind === 'number';
    if (!fits) this.types.delete(id);
  }

  note(id: string, row: number): void {
    let rows = this.pending.get(id);
    if (!rows) this.pending.set(id, (rows = new Set()));
    rows.add(row);
  }

  flush(): ChangedCells[] {
    const out = [...this.pending].map(([fieldId, rows]) => ({
      fieldId,
      rows: [...rows].sort((a, b) => a - b),
    }));
    this.pending.clear();
    return out;
  }
}
