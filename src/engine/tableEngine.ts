/**
 * One table's formula engine on HyperFormula: input columns hold values, each formula column
 * is a run of array formulas over row blocks, and every change goes in as one batch.
 */
import { DetailedCellError } from 'hyperformula';
import type { CellValue, ExportedChange, HyperFormula } from 'hyperformula';
import type { Language } from '../domain/model';
import type { EngineContext } from './crmPlugin';
import {
  CELL_OPEN,
  MARK_CLOSE,
  compileRanking,
  referencedIds,
  substituteBraces,
  injectEnvironment,
} from './formulaText';
import { chunkBlocks, toSpans } from './layout';
import type { Block } from './layout';
import {
  ENV_RANGE,
  POP_SHEET,
  blockFormula,
  createContext,
  createWorkbook,
  populationFormula,
  yieldToLoop,
} from './sheet';
import { EngineUsageError } from './types';
import type {
  BuildProgress,
  EngineValue,
  CellChange,
  ChangedCells,
  FormulaColumn,
  FormulaResult,
  InputColumn,
  InputKind,
  ResultType,
  RowValues,
  TableEngine,
  TableEngineOptions,
  ValidationResult,
} from './types';
import { DirectEvaluator, nodeRefs, populationRefs } from './directEval';
import type { RowValue } from './directEval';
import { isDirect, parseDirect } from './directParse';
import type { DirectNode } from './directParse';
import { createScratch, hfValue } from './directSupport';
import { checkBrackets, checkFunctionNames, danglingOperator } from './validate';
import { isoToSerial, serialToIso, toCellContent, toResult } from './values';

interface FormulaState {
  compiled: string;
  refs: string[];
  helpers: string[];
  blocks: Block[];
  perCell: boolean;
  written: boolean;
  /** Helper columns only: how many formulas use it. */
  users: number;
  stored?: string;
  /** Evaluated in JavaScript (see directEval) instead of by HyperFormula. */
  direct?: { node: DirectNode; refs: Set<string>; population: Set<string> };
}

const sameValue = (a: CellValue | undefined, b: CellValue): boolean =>
  a === b ||
  (a instanceof DetailedCellError &&
    b instanceof DetailedCellError &&
    a.type === b.type &&
    a.message === b.message);

export class HyperTableEngine implements TableEngine {
  private readonly ctx: EngineContext;
  private readonly hf: HyperFormula;
  private readonly sheet: number;
  private readonly envSheet: number;
  private readonly popSheet: number;
  /** Row of each population's RFM_POP cell on the Pop sheet. */
  private readonly popCells = new Map<string, number>();
  private readonly size: number;
  private cols: string[] = [];
  private colIndex = new Map<string, number>();
  private readonly inputs = new Map<string, InputKind>();
  /** Input values as given, kept to rewrite rows shifted by inserts and removals. */
  private readonly inputValues = new Map<string, EngineValue[]>();
  private readonly formulas = new Map<string, FormulaState>();
  private readonly helperByText = new Map<string, string>();
  private readonly results = new Map<string, CellValue[]>();
  private readonly types = new Map<string, ResultType>();
  private readonly pending = new Map<string, Set<number>>();
  private rows = 0;
  private helperSeq = 0;
  /** Input values as HyperFormula holds them, for the direct formulas. */
  private readonly hfInputs = new Map<string, RowValue[]>();
  /** Whether the input columns are in HyperFormula (only once a HyperFormula formula needs them). */
  private hfLoaded = false;
  private readonly evaluator: DirectEvaluator;

  constructor(private readonly options: TableEngineOptions) {
    this.ctx = createContext(options.asOf, options.language);
    const wb = createWorkbook(this.ctx);
    [this.hf, this.sheet, this.envSheet, this.popSheet] = [wb.hf, wb.table, wb.env, wb.pop];
    this.size = Math.max(1, options.blockSize ?? 1000);
    this.evaluator = new DirectEvaluator(
      this.ctx,
      (id, row) => this.hfInputs.get(id)?.[row] ?? null,
      () => this.rows,
      createScratch(this.hf),
    );
  }

  get rowCount(): number {
    return this.rows;
  }

  async build(
    rowCount: number,
    inputs: readonly InputColumn[],
    formulas: readonly FormulaColumn[],
    onProgress?: (p: BuildProgress) => void,
  ): Promise<void> {
    if (this.cols.length > 0) throw new EngineUsageError('build() runs once per engine.');
    this.rows = rowCount;
    for (const c of inputs) {
      this.addColumn(c.fieldId, c.kind);
      const values = Array.from({ length: rowCount }, (_, i) => c.values[i] ?? null);
      this.inputValues.set(c.fieldId, values);
      this.hfInputs.set(
        c.fieldId,
        values.map((v) => hfValue(v, c.kind)),
      );
      await yieldToLoop();
    }
    for (const f of formulas) this.declareFormula(f.fieldId, f.formula);
    const order = this.unwrittenInOrder();
    const chunks = order.length > 0 ? chunkBlocks(0, rowCount, 2000) : [];
    const directIds = [...this.formulas].filter(([, f]) => f.direct).map(([id]) => id);
    const slices = chunkBlocks(0, rowCount, this.size);
    const total =
      chunks.length +
      order.length * Math.ceil(rowCount / this.size) +
      directIds.length * slices.length;
    let done = 0;
    const step = (n: number): void => onProgress?.({ done: (done += n), total });
    this.hfLoaded = order.length > 0;
    await this.sliced(chunks, (part) => part.forEach((b) => this.loadInputs(inputs, b)), step);
    const pause = this.pauser();
    for (const id of directIds) {
      const node = this.formulas.get(id)?.direct?.node as DirectNode;
      await this.evaluator.warm(node, this.size, pause);
      this.results.set(id, new Array<CellValue>(rowCount).fill(null));
      await this.slicedPlain(slices, (b) => this.evaluateRows(id, b.start, b.start + b.len), step);
    }
    for (const id of order) {
      const blocks = this.probeLayout(id);
      await this.sliced(blocks, (part) => this.writeBlocks(id, part), step);
      (this.formulas.get(id) as FormulaState).written = true;
    }
    for (const [id, f] of this.formulas) if (!f.direct) this.readColumn(id);
    this.pending.clear();
  }

  column(fieldId: string): FormulaResult[] {
    const raw = this.results.get(fieldId);
    if (!raw) throw new EngineUsageError(`No formula column ${fieldId}.`);
    if (this.resultType(fieldId) === 'date') {
      return raw.map((v) => (typeof v === 'number' ? serialToIso(v) : toResult(v)));
    }
    return raw.map(toResult);
  }

  resultType(fieldId: string): ResultType {
    const known = this.types.get(fieldId);
    if (known) return known;
    const type = this.inferType(fieldId);
    this.types.set(fieldId, type);
    return type;
  }

  setValues(changes: readonly CellChange[]): ChangedCells[] {
    const ch = this.mutate(() => {
      for (const c of changes) {
        const kind = this.inputs.get(c.fieldId);
        if (!kind || c.row < 0 || c.row >= this.rows) {
          throw new EngineUsageError(`Not an input cell: ${c.fieldId} row ${c.row}.`);
        }
        const address = { sheet: this.sheet, row: c.row, col: this.col(c.fieldId) };
        (this.inputValues.get(c.fieldId) as EngineValue[])[c.row] = c.value;
        (this.hfInputs.get(c.fieldId) as RowValue[])[c.row] = hfValue(c.value, kind);
        if (this.hfLoaded) this.hf.setCellContents(address, [[toCellContent(c.value, kind)]]);
      }
    });
    this.absorb(ch);
    this.updateDirect(changes);
    return this.flush();
  }

  /**
   * Rows are positions, not HyperFormula structure: HyperFormula 3.5 crashes when rows move
   * under array formulas ("Unknown node", "Cannot move cell"). So the input values from `at`
   * down are rewritten shifted and the blocks stay on fixed row ranges; only the tail block
   * changes. An append costs its own rows; an insert near the top costs the rows below it.
   */
  insertRows(at: number, count: number, values?: readonly RowValues[]): ChangedCells[] {
    if (at < 0 || at > this.rows || count <= 0) throw new EngineUsageError('Bad row insert.');
    for (const [id, column] of this.inputValues) {
      const given = values?.find((v) => v.fieldId === id)?.values ?? [];
      const added = Array.from({ length: count }, (_, i) => given[i] ?? null);
      column.splice(at, 0, ...added);
      const kind = this.inputs.get(id) as InputKind;
      this.hfInputs.get(id)?.splice(at, 0, ...added.map((v) => hfValue(v, kind)));
    }
    for (const raw of this.results.values()) {
      raw.splice(at, 0, ...new Array<CellValue>(count).fill(null));
    }
    this.reshape(this.rows + count, at);
    return this.flush();
  }

  removeRows(rows: readonly number[]): ChangedCells[] {
    const spans = toSpans(rows.filter((r) => r >= 0 && r < this.rows));
    if (spans.length === 0) return [];
    for (const [start, amount] of spans) {
      for (const column of this.inputValues.values()) column.splice(start, amount);
      for (const column of this.hfInputs.values()) column.splice(start, amount);
      for (const raw of this.results.values()) raw.splice(start, amount);
    }
    const removed = spans.reduce((n, [, amount]) => n + amount, 0);
    this.reshape(this.rows - removed, spans[spans.length - 1]?.[0] ?? 0);
    return this.flush();
  }

  setFormula(fieldId: string, formula: string): ChangedCells[] {
    if (this.inputs.has(fieldId)) throw new EngineUsageError(`${fieldId} is an input column.`);
    const old = this.formulas.get(fieldId);
    if (old) {
      this.absorb(this.mutate(() => this.clearAll(fieldId, old)));
      this.formulas.delete(fieldId);
    }
    this.declareFormula(fieldId, formula);
    if (this.formulas.get(fieldId)?.direct) this.recomputeDirect(fieldId);
    this.writeUnwritten();
    if (old) this.releaseHelpers(old);
    else this.rewriteDependents(fieldId);
    return this.flush();
  }

  /** Writes every formula column not yet in HyperFormula (inputs loaded first). */
  private writeUnwritten(): void {
    const order = this.unwrittenInOrder();
    if (order.length > 0) this.ensureInputsLoaded();
    for (const id of order) {
      const blocks = this.probeLayout(id);
      this.absorb(this.mutate(() => this.writeBlocks(id, blocks)));
      (this.formulas.get(id) as FormulaState).written = true;
      this.readColumn(id);
    }
  }

  removeFormula(fieldId: string): ChangedCells[] {
    const state = this.formulas.get(fieldId);
    if (!state) throw new EngineUsageError(`No formula column ${fieldId}.`);
    this.removeColumn(fieldId);
    this.releaseHelpers(state);
    return this.flush();
  }

  addInput(column: InputColumn): ChangedCells[] {
    if (this.colIndex.has(column.fieldId)) throw new EngineUsageError(`${column.fieldId} exists.`);
    this.addColumn(column.fieldId, column.kind);
    this.inputValues.set(
      column.fieldId,
      Array.from({ length: this.rows }, (_, i) => column.values[i] ?? null),
    );
    const values = Array.from({ length: this.rows }, (_, i) => [
      toCellContent(column.values[i] ?? null, column.kind),
    ]);
    this.hfInputs.set(
      column.fieldId,
      (this.inputValues.get(column.fieldId) as EngineValue[]).map((v) => hfValue(v, column.kind)),
    );
    const address = { sheet: this.sheet, row: 0, col: this.col(column.fieldId) };
    if (this.rows > 0 && this.hfLoaded) {
      this.absorb(this.mutate(() => this.hf.setCellContents(address, values)));
    }
    this.rewriteDependents(column.fieldId);
    return this.flush();
  }

  removeInput(fieldId: string): ChangedCells[] {
    if (!this.inputs.has(fieldId)) throw new EngineUsageError(`No input column ${fieldId}.`);
    for (const [id, f] of [...this.formulas]) if (f.direct?.refs.has(fieldId)) this.demote(id);
    this.removeColumn(fieldId);
    this.hfInputs.delete(fieldId);
    this.writeUnwritten();
    return this.flush();
  }

  setAsOf(iso: string): ChangedCells[] {
    const serial = isoToSerial(iso);
    if (serial === null) throw new EngineUsageError(`Not an ISO date: ${iso}`);
    [this.ctx.asOf, this.ctx.asOfSerial] = [iso, serial];
    this.recomputeAllDirect();
    return this.setEnv(0, serial);
  }

  setLanguage(language: Language): ChangedCells[] {
    this.ctx.language = language;
    this.recomputeAllDirect();
    return this.setEnv(1, language);
  }

  validate(formula: string): ValidationResult {
    const text = formula.trimStart().startsWith('=') ? formula : `=${formula}`;
    for (const check of [checkBrackets, checkFunctionNames]) {
      const r = check(text);
      if (!r.ok) return r;
    }
    let missing: string | null = null;
    const state = this.compileText(text, (id) => {
      if (!this.colIndex.has(id) && missing === null) missing = id;
    });
    if (missing !== null) {
      const position = text.indexOf(`{${missing}}`);
      return {
        ok: false,
        message: `Unknown field {${missing}}.`,
        ...(position >= 0 ? { position } : {}),
      };
    }
    const probe = blockFormula(
      state.compiled,
      { start: 0, len: 1 },
      (id) => this.colIndex.get(id) ?? 0,
    );
    if (this.hf.validateFormula(probe)) return { ok: true };
    const position = danglingOperator(text);
    return {
      ok: false,
      message: 'The formula is not complete or not valid.',
      ...(position === undefined ? {} : { position }),
    };
  }

  destroy(): void {
    this.hf.destroy();
  }

  // ---- columns and formulas ----

  private col(fieldId: string): number {
    const c = this.colIndex.get(fieldId);
    if (c === undefined) throw new EngineUsageError(`No column ${fieldId}.`);
    return c;
  }

  private addColumn(fieldId: string, kind?: InputKind): void {
    if (kind) this.inputs.set(fieldId, kind);
    this.colIndex.set(fieldId, this.cols.length);
    this.cols.push(fieldId);
  }

  private removeColumn(fieldId: string): void {
    const c = this.col(fieldId);
    const ch = this.mutate(() => this.hf.removeColumns(this.sheet, [c, 1]));
    this.cols.splice(c, 1);
    this.colIndex = new Map(this.cols.map((id, i) => [id, i]));
    [this.inputs, this.inputValues, this.formulas, this.results, this.types].forEach((m) =>
      m.delete(fieldId),
    );
    this.absorb(ch);
  }

  private compileText(stored: string, seen?: (id: string) => void): FormulaState {
    const substitute = this.options.substitute ?? substituteBraces;
    const text = substitute(stored, (id) => {
      seen?.(id);
      return `${CELL_OPEN}${id}${MARK_CLOSE}`;
    }).replace(/^\s*=/, '');
    return this.compileExpression(text, !seen);
  }

  private compileExpression(text: string, register: boolean): FormulaState {
    const helpers: string[] = [];
    const ranked = compileRanking(text, (expression) => {
      const id = register ? this.helperFor(expression) : '~probe';
      helpers.push(id);
      return id;
    });
    const compiled = injectEnvironment(ranked, ENV_RANGE);
    const refs = referencedIds(compiled);
    const base = { blocks: [], perCell: false, written: false, users: 0 };
    return { ...base, compiled, refs, helpers };
  }

  private declareFormula(fieldId: string, stored: string): void {
    const state = this.directState(fieldId, stored) ?? this.compileText(stored);
    state.stored = stored;
    if (!state.direct) for (const r of state.refs) if (this.formulas.get(r)?.direct) this.demote(r);
    if (!this.colIndex.has(fieldId)) this.addColumn(fieldId);
    this.formulas.set(fieldId, state);
  }

  /** A formula JavaScript can evaluate over input columns, unless a formula reads its column. */
  private directState(fieldId: string, stored: string): FormulaState | null {
    if (this.options.direct === false) return null;
    if ([...this.formulas.values()].some((f) => f.refs.includes(fieldId))) return null;
    const substitute = this.options.substitute ?? substituteBraces;
    const text = substitute(stored, (id) => `${CELL_OPEN}${id}${MARK_CLOSE}`).replace(/^\s*=/, '');
    const node = parseDirect(text);
    if (!node || !isDirect(node, (id) => this.inputs.get(id))) return null;
    const refs = nodeRefs(node);
    const direct = { node, refs, population: populationRefs(node) };
    const base = { compiled: '', helpers: [], blocks: [], perCell: false, written: true, users: 0 };
    return { ...base, refs: [...refs], direct };
  }

  /** Moves a direct column into HyperFormula (another formula reads it, or an input goes). */
  private demote(fieldId: string): void {
    const state = this.formulas.get(fieldId);
    if (!state?.direct) return;
    const next = this.compileText(state.stored ?? '');
    next.stored = state.stored;
    this.formulas.set(fieldId, next);
  }

  private ensureInputsLoaded(): void {
    if (this.hfLoaded) return;
    this.hfLoaded = true;
    const inputs = [...this.inputValues].map(([fieldId, values]) => ({
      fieldId,
      kind: this.inputs.get(fieldId) as InputKind,
      values,
    }));
    this.absorb(this.mutate(() => this.loadInputs(inputs, { start: 0, len: this.rows })));
  }

  // ---- direct columns ----

  /** Evaluates rows [from, to) of a direct column into its results, noting real changes. */
  private evaluateRows(id: string, from: number, to: number, rows?: Iterable<number>): void {
    const node = (this.formulas.get(id) as FormulaState).direct?.node as DirectNode;
    const raw = this.results.get(id) as CellValue[];
    const visit = (row: number): void => {
      const v = this.evaluator.evaluate(node, row);
      if (sameValue(raw[row], v)) return;
      raw[row] = v;
      this.note(id, row);
    };
    if (rows) for (const r of rows) visit(r);
    else for (let r = from; r < to; r++) visit(r);
    this.types.delete(id);
  }

  private recomputeDirect(id: string): void {
    if (!this.results.has(id)) this.results.set(id, new Array<CellValue>(this.rows).fill(null));
    const raw = this.results.get(id) as CellValue[];
    raw.length = this.rows;
    this.evaluateRows(id, 0, this.rows);
  }

  private recomputeAllDirect(): void {
    this.evaluator.invalidate(null);
    for (const [id, f] of this.formulas) if (f.direct) this.recomputeDirect(id);
  }

  /** After input edits: whole columns whose ranking read them, else just the edited rows. */
  private updateDirect(changes: readonly CellChange[]): void {
    const ids = new Set(changes.map((c) => c.fieldId));
    this.evaluator.invalidate(ids);
    for (const [id, f] of this.formulas) {
      if (!f.direct) continue;
      if ([...f.direct.population].some((r) => ids.has(r))) this.recomputeDirect(id);
      else {
        const rows = changes.filter((c) => f.direct?.refs.has(c.fieldId)).map((c) => c.row);
        this.evaluateRows(id, 0, 0, rows);
      }
    }
  }

  /** A hidden column holding an expression whose whole column a ranking function needs. */
  private helperFor(expression: string): string {
    let id = this.helperByText.get(expression);
    if (id === undefined) {
      id = `~h${++this.helperSeq}`;
      this.helperByText.set(expression, id);
      const state = this.compileExpression(expression, true);
      this.addColumn(id);
      this.formulas.set(id, state);
    }
    (this.formulas.get(id) as FormulaState).users += 1;
    return id;
  }

  private releaseHelpers(state: FormulaState): void {
    for (const id of state.helpers) {
      const helper = this.formulas.get(id);
      if (!helper || --helper.users > 0) continue;
      for (const [text, hid] of this.helperByText) if (hid === id) this.helperByText.delete(text);
      this.removeColumn(id);
      this.releaseHelpers(helper);
    }
  }

  /** Unwritten formula columns, each after the formula columns it reads. */
  private unwrittenInOrder(): string[] {
    const order: string[] = [];
    const seen = new Set<string>();
    const visit = (id: string): void => {
      const state = this.formulas.get(id);
      if (!state || state.written || seen.has(id)) return;
      seen.add(id);
      state.refs.forEach(visit);
      order.push(id);
    };
    [...this.formulas.keys()].forEach(visit);
    return order;
  }

  /** The address of a population's RFM_POP cell, written on first use. */
  private populationCell(spec: string): string {
    let row = this.popCells.get(spec);
    if (row === undefined) {
      row = this.popCells.size;
      this.popCells.set(spec, row);
      this.writePopulation(spec, row);
    }
    return `${POP_SHEET}!$A$${row + 1}`;
  }

  private writePopulation(spec: string, row: number): void {
    const text = populationFormula(spec, (f) => this.colIndex.get(f));
    this.hf.setCellContents({ sheet: this.popSheet, row, col: 0 }, text);
  }

  private rewriteDependents(fieldId: string): void {
    for (const [spec, row] of this.popCells) {
      if (spec.split('|').includes(fieldId)) {
        this.absorb(this.mutate(() => this.writePopulation(spec, row)));
      }
    }
    for (const [id, state] of this.formulas) {
      if (id === fieldId || !state.written || !state.refs.includes(fieldId)) continue;
      this.absorb(this.mutate(() => this.writeBlocks(id, state.blocks)));
    }
  }

  // ---- blocks ----

  /** Writes the first block alone: a formula that does not spill over its rows goes per cell. */
  private probeLayout(id: string): Block[] {
    const state = this.formulas.get(id) as FormulaState;
    state.blocks = chunkBlocks(0, this.rows, this.size);
    const first = state.blocks[0];
    if (!first) return [];
    this.absorb(this.mutate(() => this.writeBlocks(id, [first])));
    const col = this.col(id);
    if (first.len > 1 && !this.hf.isCellPartOfArray({ sheet: this.sheet, row: 1, col })) {
      this.mutate(() => this.hf.setCellContents({ sheet: this.sheet, row: 0, col }, null));
      state.perCell = true;
      state.blocks = chunkBlocks(0, this.rows, 1);
      return state.blocks;
    }
    return state.blocks.slice(1);
  }

  private writeBlocks(id: string, blocks: readonly Block[]): void {
    const state = this.formulas.get(id) as FormulaState;
    const col = this.col(id);
    const text = (b: Block): string =>
      blockFormula(
        state.compiled,
        b,
        (f) => this.colIndex.get(f),
        (spec) => this.populationCell(spec),
      );
    const first = blocks[0];
    if (state.perCell && first) {
      const column = blocks.map((b) => [text(b)]);
      this.hf.setCellContents({ sheet: this.sheet, row: first.start, col }, column);
      return;
    }
    for (const b of blocks)
      this.hf.setCellContents({ sheet: this.sheet, row: b.start, col }, [[text(b)]]);
  }

  /** Rewrites the inputs from row `from` on and fits every formula's blocks to `rowCount` rows. */
  private reshape(rowCount: number, from: number): void {
    const oldRows = this.rows;
    const ch = this.mutate(() => {
      for (const [id, column] of this.hfLoaded ? this.inputValues : []) {
        const kind = this.inputs.get(id) as InputKind;
        const data = Array.from({ length: Math.max(rowCount, oldRows) - from }, (_, i) => [
          toCellContent(column[from + i] ?? null, kind),
        ]);
        if (data.length > 0) {
          this.hf.setCellContents({ sheet: this.sheet, row: from, col: this.col(id) }, data);
        }
      }
      this.rows = rowCount;
      for (const [id, state] of this.formulas) if (!state.direct) this.refitBlocks(id, state);
    });
    this.absorb(ch);
    this.recomputeAllDirect();
  }

  /** Drops blocks past the last row, shortens or extends the tail, adds new blocks. */
  private refitBlocks(id: string, state: FormulaState): void {
    const size = state.perCell ? 1 : this.size;
    const target = chunkBlocks(0, this.rows, size);
    const col = this.col(id);
    const same = (a: Block | undefined, b: Block | undefined): boolean =>
      !!a && !!b && a.start === b.start && a.len === b.len;
    const stale = state.blocks.filter((b, i) => !same(b, target[i]));
    for (const b of stale) this.hf.setCellContents({ sheet: this.sheet, row: b.start, col }, null);
    const fresh = target.filter((b, i) => !same(b, state.blocks[i]));
    state.blocks = target;
    if (fresh.length > 0) this.writeBlocks(id, fresh);
  }

  private clearAll(id: string, state: FormulaState): void {
    const col = this.col(id);
    for (const b of state.blocks)
      this.hf.setCellContents({ sheet: this.sheet, row: b.start, col }, null);
  }

  // ---- values and changes ----

  private loadInputs(inputs: readonly InputColumn[], rows: Block): void {
    if (inputs.length === 0) return;
    const data = Array.from({ length: rows.len }, (_, i) =>
      inputs.map((c) => toCellContent(c.values[rows.start + i] ?? null, c.kind)),
    );
    this.hf.setCellContents({ sheet: this.sheet, row: rows.start, col: 0 }, data);
  }

  private readColumn(id: string): void {
    if (id.startsWith('~')) return;
    const col = this.col(id);
    const values =
      this.rows === 0
        ? []
        : this.hf
            .getRangeValues({
              start: { sheet: this.sheet, row: 0, col },
              end: { sheet: this.sheet, row: this.rows - 1, col },
            })
            .map((r) => r[0] ?? null);
    this.results.set(id, values);
    this.types.delete(id);
  }

  private inferType(id: string): ResultType {
    const raw = this.results.get(id) ?? [];
    const kinds = new Set<string>();
    const numericRows: number[] = [];
    raw.forEach((v, row) => {
      if (v === null || v instanceof DetailedCellError) return;
      kinds.add(typeof v);
      if (typeof v === 'number' && numericRows.length < 20) numericRows.push(row);
    });
    if (kinds.size !== 1) return kinds.size === 0 ? 'text' : 'mixed';
    if (kinds.has('string')) return 'text';
    if (kinds.has('boolean')) return 'boolean';
    const col = this.col(id);
    const dated = numericRows.filter((row) =>
      /DATE/.test(this.hf.getCellValueDetailedType({ sheet: this.sheet, row, col })),
    );
    return dated.length * 2 > numericRows.length ? 'date' : 'number';
  }

  private mutate(fn: () => void): ExportedChange[] {
    return this.hf.batch(fn);
  }

  private setEnv(col: number, value: number | string): ChangedCells[] {
    this.absorb(
      this.mutate(() => this.hf.setCellContents({ sheet: this.envSheet, row: 0, col }, value)),
    );
    return this.flush();
  }

  /** Records the formula cells whose value really changed (HyperFormula reports whole arrays). */
  private absorb(changes: readonly ExportedChange[]): void {
    for (const change of changes) {
      if (!('address' in change) || change.address.sheet !== this.sheet) continue;
      const id = this.cols[change.address.col];
      const raw = id === undefined ? undefined : this.results.get(id);
      const row = change.address.row;
      if (!id || !raw || row >= this.rows || sameValue(raw[row], change.newValue)) continue;
      raw[row] = change.newValue;
      this.types.delete(id);
      this.note(id, row);
    }
  }

  private note(id: string, row: number): void {
    let rows = this.pending.get(id);
    if (!rows) this.pending.set(id, (rows = new Set()));
    rows.add(row);
  }

  private flush(): ChangedCells[] {
    const out = [...this.pending].map(([fieldId, rows]) => ({
      fieldId,
      rows: [...rows].sort((a, b) => a - b),
    }));
    this.pending.clear();
    return out;
  }

  /** A pause that yields to the event loop only once half the time budget has been used. */
  private pauser(): () => Promise<void> {
    const budget = this.options.sliceMs ?? 30;
    let t0 = performance.now();
    return async () => {
      if (performance.now() - t0 < budget / 2) return;
      await yieldToLoop();
      t0 = performance.now();
    };
  }

  /** Runs `run` on each item, yielding whenever a slice of the time budget is used up. */
  private async slicedPlain<T>(
    items: readonly T[],
    run: (item: T) => void,
    step: (n: number) => void,
  ): Promise<void> {
    const budget = this.options.sliceMs ?? 30;
    let t0 = performance.now();
    for (const item of items) {
      run(item);
      step(1);
      if (performance.now() - t0 > budget / 2) {
        await yieldToLoop();
        t0 = performance.now();
      }
    }
  }

  /** Runs `run` over parts of `items`, yielding to the event loop between time slices. */
  private async sliced<T>(
    items: readonly T[],
    run: (part: T[]) => void,
    step: (n: number) => void,
  ): Promise<void> {
    const budget = this.options.sliceMs ?? 30;
    let per = 1;
    for (let i = 0; i < items.length;) {
      const part = items.slice(i, i + per);
      const t0 = performance.now();
      this.absorb(this.mutate(() => run(part)));
      const took = performance.now() - t0;
      i += part.length;
      step(part.length);
      per = took < budget / 3 ? per * 2 : took > budget ? Math.max(1, per >> 1) : per;
      await yieldToLoop();
    }
  }
}

/** A formula engine for one table (see HyperTableEngine). */
export function createTableEngine(options: TableEngineOptions): TableEngine {
  return new HyperTableEngine(options);
}
