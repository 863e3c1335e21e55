/**
 * One table's formula engine on HyperFormula: input columns hold values, each formula column
 * is a run of array formulas over row blocks, and every change goes in as one batch.
 */
import type { CellValue } from 'hyperformula';
import type { Language } from '../domain/model';
import { hfValue } from './directSupport';
import {
  buildDirectColumns,
  moveDirect,
  recomputeAllDirect,
  recomputeDirect,
  updateDirect,
} from './directColumns';
import {
  compileText,
  declareFormula,
  demote,
  redeclareReaders,
  releaseHelpers,
} from './formulaColumns';
import { chunkBlocks, toSpans } from './layout';
import { yieldToEventLoop } from '../domain/pause';
import { blockFormula } from './sheet';
import { inferType, readColumn, readRows } from './sheetRead';
import {
  buildFormulaBlocks,
  loadInputs,
  removeColumn,
  reshapeSheet,
  rewriteDependents,
  unwrittenInOrder,
  writeUnwritten,
} from './sheetWrite';
import { runSliced } from './slicing';
import { TableStore } from './tableStore';
import { EngineUsageError } from './types';
import type {
  BuildProgress,
  CellChange,
  ChangedCells,
  EngineValue,
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
import type { RowValue } from './directEval';
import { checkBrackets, checkFunctionNames, danglingOperator } from './validate';
import { isoToSerial, toCellContent, toResult } from './values';
import { isoFromSerialDay } from '../domain/dates';

export class HyperTableEngine implements TableEngine {
  private readonly s: TableStore;

  constructor(options: TableEngineOptions) {
    this.s = new TableStore(options);
  }

  get rowCount(): number {
    return this.s.rows;
  }

  async build(
    rowCount: number,
    inputs: readonly InputColumn[],
    formulas: readonly FormulaColumn[],
    onProgress?: (p: BuildProgress) => void,
  ): Promise<void> {
    const s = this.s;
    if (s.cols.length > 0) throw new EngineUsageError('build() runs once per engine.');
    s.rows = rowCount;
    for (const c of inputs) {
      s.keepInput(c);
      await yieldToEventLoop();
    }
    const texts = new Map(formulas.map((f) => [f.fieldId, f.formula]));
    for (const f of formulas) declareFormula(s, f.fieldId, f.formula, (id) => texts.get(id));
    const order = unwrittenInOrder(s);
    const chunks = order.length > 0 ? chunkBlocks(0, rowCount, 2000) : [];
    const directIds = [...s.formulas].filter(([, f]) => f.direct).map(([id]) => id);
    const slices = chunkBlocks(0, rowCount, s.size);
    const total =
      chunks.length +
      order.length * Math.ceil(rowCount / s.size) +
      directIds.length * slices.length;
    let done = 0;
    const step = (n: number): void => onProgress?.({ done: (done += n), total });
    s.hfLoaded = order.length > 0;
    await runSliced(s, chunks, (part) => part.forEach((b) => loadInputs(s, inputs, b)), step);
    await buildDirectColumns(s, directIds, step);
    await buildFormulaBlocks(s, order, step);
    for (const [id, f] of s.formulas) if (!f.direct) readColumn(s, id);
    s.pending.clear();
  }

  column(fieldId: string): FormulaResult[] {
    const raw = this.s.results.get(fieldId);
    if (!raw) throw new EngineUsageError(`No formula column ${fieldId}.`);
    if (this.resultType(fieldId) === 'date') {
      return raw.map((v) => (typeof v === 'number' ? isoFromSerialDay(v) : toResult(v)));
    }
    return raw.map(toResult);
  }

  cells(fieldId: string, rows: readonly number[]): FormulaResult[] {
    const raw = this.s.results.get(fieldId);
    if (!raw) throw new EngineUsageError(`No formula column ${fieldId}.`);
    const dates = this.resultType(fieldId) === 'date';
    return rows.map((r) => {
      const v = raw[r] ?? null;
      return dates && typeof v === 'number' ? isoFromSerialDay(v) : toResult(v);
    });
  }

  resultType(fieldId: string): ResultType {
    const known = this.s.types.get(fieldId);
    if (known) return known;
    const type = inferType(this.s, fieldId);
    this.s.types.set(fieldId, type);
    return type;
  }

  setValues(changes: readonly CellChange[]): ChangedCells[] {
    const s = this.s;
    const ch = s.mutate(() => {
      for (const c of changes) {
        const kind = s.inputs.get(c.fieldId);
        if (!kind || c.row < 0 || c.row >= s.rows) {
          throw new EngineUsageError(`Not an input cell: ${c.fieldId} row ${c.row}.`);
        }
        const address = { sheet: s.sheet, row: c.row, col: s.col(c.fieldId) };
        (s.inputValues.get(c.fieldId) as EngineValue[])[c.row] = c.value;
        (s.hfInputs.get(c.fieldId) as RowValue[])[c.row] = hfValue(c.value, kind);
        if (s.hfLoaded) s.hf.setCellContents(address, [[toCellContent(c.value, kind)]]);
      }
    });
    s.absorb(ch);
    updateDirect(s, changes);
    return s.flush();
  }

  /**
   * Rows are positions, not HyperFormula structure: HyperFormula 3.5 crashes when rows move
   * under array formulas ("Unknown node", "Cannot move cell"). So the input values from `at`
   * down are rewritten shifted and the blocks stay on fixed row ranges; only the tail block
   * changes. An append costs its own rows; an insert near the top costs the rows below it.
   */
  insertRows(at: number, count: number, values?: readonly RowValues[]): ChangedCells[] {
    const s = this.s;
    if (at < 0 || at > s.rows || count <= 0) throw new EngineUsageError('Bad row insert.');
    for (const [id, column] of s.inputValues) {
      const given = values?.find((v) => v.fieldId === id)?.values ?? [];
      const added = Array.from({ length: count }, (_, i) => given[i] ?? null);
      column.splice(at, 0, ...added);
      const kind = s.inputs.get(id) as InputKind;
      s.hfInputs.get(id)?.splice(at, 0, ...added.map((v) => hfValue(v, kind)));
    }
    for (const raw of s.results.values()) {
      raw.splice(at, 0, ...new Array<CellValue>(count).fill(null));
    }
    reshapeSheet(s, s.rows + count, at);
    for (const [id, f] of s.formulas)
      if (!f.direct && s.results.has(id)) readRows(s, id, at, count);
    moveDirect(s, { inserted: { at, count } });
    return s.flush();
  }

  removeRows(rows: readonly number[]): ChangedCells[] {
    const s = this.s;
    const spans = toSpans(rows.filter((r) => r >= 0 && r < s.rows));
    if (spans.length === 0) return [];
    for (const [start, amount] of spans) {
      for (const column of s.inputValues.values()) column.splice(start, amount);
      for (const column of s.hfInputs.values()) column.splice(start, amount);
      for (const raw of s.results.values()) raw.splice(start, amount);
    }
    const removed = spans.reduce((n, [, amount]) => n + amount, 0);
    reshapeSheet(s, s.rows - removed, spans[spans.length - 1]?.[0] ?? 0);
    moveDirect(s, { removed: spans });
    return s.flush();
  }

  setFormula(fieldId: string, formula: string): ChangedCells[] {
    if (this.s.inputs.has(fieldId)) throw new EngineUsageError(`${fieldId} is an input column.`);
    this.assign(fieldId, formula);
    return this.reshaped();
  }

  private assign(fieldId: string, formula: string): void {
    const s = this.s;
    const old = s.formulas.get(fieldId);
    if (old) {
      s.absorb(s.mutate(() => s.emptyColumn(s.col(fieldId), old)));
      s.formulas.delete(fieldId);
    }
    declareFormula(s, fieldId, formula);
    if (s.formulas.get(fieldId)?.direct) recomputeDirect(s, fieldId);
    for (const id of redeclareReaders(s, fieldId)) recomputeDirect(s, id);
    writeUnwritten(s);
    if (old) releaseHelpers(s, old);
    else this.arrived(fieldId);
    if (old && !old.direct) this.released(old.refs);
  }

  /**
   * Formula columns a HyperFormula formula read before it changed or went: one no other formula
   * reads is declared again, and may go back to JavaScript (as in a new engine).
   */
  private released(refs: readonly string[]): void {
    const s = this.s;
    for (const id of refs) {
      const state = s.formulas.get(id);
      if (!state || state.direct || state.stored === undefined || id.startsWith('~')) continue;
      if ([...s.formulas.values()].some((f) => f.refs.includes(id))) continue;
      this.assign(id, state.stored);
    }
  }

  /**
   * A column the formulas may name arrived: those naming it read a missing column until now.
   * Declared again, they read it (and may now be JavaScript's, rankings included).
   */
  private arrived(fieldId: string): void {
    const s = this.s;
    rewriteDependents(s, fieldId);
    for (const [id, state] of [...s.formulas]) {
      if (id === fieldId || state.stored === undefined) continue;
      let names = false;
      compileText(s, state.stored, (ref) => (names ||= ref === fieldId));
      if (names) this.assign(id, state.stored);
    }
  }

  /**
   * After a change of columns: result types are inferred again when asked for (a column whose
   * values all turned to errors would keep its old type otherwise; a new engine would not).
   */
  private reshaped(): ChangedCells[] {
    this.s.types.clear();
    return this.s.flush();
  }

  removeFormula(fieldId: string): ChangedCells[] {
    const state = this.s.formulas.get(fieldId);
    if (!state) throw new EngineUsageError(`No formula column ${fieldId}.`);
    removeColumn(this.s, fieldId);
    releaseHelpers(this.s, state);
    // Formulas that inlined this one now read a missing column: #REF!, in HyperFormula.
    redeclareReaders(this.s, fieldId);
    writeUnwritten(this.s);
    if (!state.direct) this.released(state.refs);
    return this.reshaped();
  }

  addInput(column: InputColumn): ChangedCells[] {
    const s = this.s;
    if (s.colIndex.has(column.fieldId)) throw new EngineUsageError(`${column.fieldId} exists.`);
    // Rankings kept from an earlier input of this id (removed since) are not of these values.
    s.evaluator.invalidate(new Set([column.fieldId]));
    s.keepInput(column);
    const values = Array.from({ length: s.rows }, (_, i) => [
      toCellContent(column.values[i] ?? null, column.kind),
    ]);
    const address = { sheet: s.sheet, row: 0, col: s.col(column.fieldId) };
    if (s.rows > 0 && s.hfLoaded) {
      s.absorb(s.mutate(() => s.hf.setCellContents(address, values)));
    }
    this.arrived(column.fieldId);
    return this.reshaped();
  }

  removeInput(fieldId: string): ChangedCells[] {
    const s = this.s;
    if (!s.inputs.has(fieldId)) throw new EngineUsageError(`No input column ${fieldId}.`);
    for (const [id, f] of [...s.formulas]) if (f.direct?.refs.has(fieldId)) demote(s, id);
    removeColumn(s, fieldId);
    s.hfInputs.delete(fieldId);
    writeUnwritten(s);
    return this.reshaped();
  }

  setAsOf(iso: string): ChangedCells[] {
    const serial = isoToSerial(iso);
    if (serial === null) throw new EngineUsageError(`Not an ISO date: ${iso}`);
    [this.s.ctx.asOf, this.s.ctx.asOfSerial] = [iso, serial];
    recomputeAllDirect(this.s);
    return this.setEnv(0, serial);
  }

  setLanguage(language: Language): ChangedCells[] {
    this.s.ctx.language = language;
    recomputeAllDirect(this.s);
    return this.setEnv(1, language);
  }

  private setEnv(col: number, value: number | string): ChangedCells[] {
    const s = this.s;
    s.absorb(s.mutate(() => s.hf.setCellContents({ sheet: s.envSheet, row: 0, col }, value)));
    return s.flush();
  }

  validate(formula: string): ValidationResult {
    const text = formula.trimStart().startsWith('=') ? formula : `=${formula}`;
    for (const check of [checkBrackets, checkFunctionNames]) {
      const r = check(text);
      if (!r.ok) return r;
    }
    let missing: string | null = null;
    const state = compileText(this.s, text, (id) => {
      if (!this.s.colIndex.has(id) && missing === null) missing = id;
    });
    if (missing !== null) {
      const position = text.indexOf(`{${missing}}`);
      return {
        ok: false,
        message: `Unknown field {${missing}}.`,
        ...(position >= 0 ? { position } : {}),
      };
    }
    return this.probeSyntax(text, state.compiled);
  }

  /** Lets HyperFormula judge the compiled text as one block's formula. */
  private probeSyntax(text: string, compiled: string): ValidationResult {
    const columnOf = (id: string): number => this.s.colIndex.get(id) ?? 0;
    const probe = blockFormula(compiled, { start: 0, len: 1 }, columnOf);
    if (this.s.hf.validateFormula(probe)) return { ok: true };
    const position = danglingOperator(text);
    return {
      ok: false,
      message: 'The formula is not complete or not valid.',
      ...(position === undefined ? {} : { position }),
    };
  }

  destroy(): void {
    this.s.hf.destroy();
    this.s.destroyScratch();
  }
}

/** A formula engine for one table (see HyperTableEngine). */
export function createTableEngine(options: TableEngineOptions): TableEngine {
  return new HyperTableEngine(options);
}
