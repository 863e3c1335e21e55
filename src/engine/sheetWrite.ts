/**
 * Writing one table into HyperFormula: input values, formula columns as array formulas over
 * fixed row blocks (or per cell), and the RFM_POP population cells on the Pop sheet.
 */
import { chunkBlocks } from './layout';
import type { Block } from './layout';
import { POP_SHEET, blockFormula, foldsRanges, populationFormula } from './sheet';
import { readColumn } from './sheetRead';
import { runSliced } from './slicing';
import type { FormulaState, TableStore } from './tableStore';
import type { InputColumn, InputKind } from './types';
import { toCellContent } from './values';

/** Unwritten formula columns, each after the formula columns it reads. */
export function unwrittenInOrder(s: TableStore): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string): void => {
    const state = s.formulas.get(id);
    if (!state || state.written || seen.has(id)) return;
    seen.add(id);
    state.refs.forEach(visit);
    order.push(id);
  };
  [...s.formulas.keys()].forEach(visit);
  return order;
}

/** Writes every formula column not yet in HyperFormula (inputs loaded first). */
export function writeUnwritten(s: TableStore): void {
  const order = unwrittenInOrder(s);
  if (order.length > 0) ensureInputsLoaded(s);
  for (const id of order) {
    const blocks = probeLayout(s, id);
    s.absorb(s.mutate(() => writeBlocks(s, id, blocks)));
    (s.formulas.get(id) as FormulaState).written = true;
    readColumn(s, id);
  }
}

function ensureInputsLoaded(s: TableStore): void {
  if (s.hfLoaded) return;
  s.hfLoaded = true;
  const inputs = [...s.inputValues].map(([fieldId, values]) => ({
    fieldId,
    kind: s.inputs.get(fieldId) as InputKind,
    values,
  }));
  s.absorb(s.mutate(() => loadInputs(s, inputs, { start: 0, len: s.rows })));
}

/**
 * Writes the inputs' values of some rows into their own columns: runs of neighbouring columns
 * (all of them, in a build) as one rectangle. An input added later sits behind the formulas.
 */
export function loadInputs(s: TableStore, inputs: readonly InputColumn[], rows: Block): void {
  const sorted = [...inputs].sort((a, b) => s.col(a.fieldId) - s.col(b.fieldId));
  for (let i = 0; i < sorted.length;) {
    const col = s.col((sorted[i] as InputColumn).fieldId);
    let end = i + 1;
    while (end < sorted.length && s.col((sorted[end] as InputColumn).fieldId) === col + end - i)
      end += 1;
    const run = sorted.slice(i, end);
    const data = Array.from({ length: rows.len }, (_, r) =>
      run.map((c) => toCellContent(c.values[rows.start + r] ?? null, c.kind)),
    );
    s.hf.setCellContents({ sheet: s.sheet, row: rows.start, col }, data);
    i = end;
  }
}

/** The address of a population's RFM_POP cell, written on first use. */
function populationCell(s: TableStore, spec: string): string {
  let row = s.popCells.get(spec);
  if (row === undefined) {
    row = s.popCells.size;
    s.popCells.set(spec, row);
    writePopulation(s, spec, row);
  }
  return `${POP_SHEET}!$A$${row + 1}`;
}

function writePopulation(s: TableStore, spec: string, row: number): void {
  const text = populationFormula(spec, (f) => s.colIndex.get(f));
  s.hf.setCellContents({ sheet: s.popSheet, row, col: 0 }, text);
}

/** Rewrites the populations and written formulas that name `fieldId` (its column moved in). */
export function rewriteDependents(s: TableStore, fieldId: string): void {
  for (const [spec, row] of s.popCells) {
    if (spec.split('|').includes(fieldId)) {
      s.absorb(s.mutate(() => writePopulation(s, spec, row)));
    }
  }
  for (const [id, state] of s.formulas) {
    if (id === fieldId || !state.written || !state.refs.includes(fieldId)) continue;
    s.absorb(s.mutate(() => writeBlocks(s, id, state.blocks)));
  }
}

/**
 * Removes a column. The HyperFormula formulas reading it are written again first, in the same
 * batch, as #REF! in every row: left to HyperFormula, such a formula fails as a whole, and
 * HyperFormula 3.5 cannot read a block whose array failed as a whole ("Unknown array").
 */
export function removeColumn(s: TableStore, fieldId: string): void {
  s.removeColumn(fieldId, () => {
    for (const [id, state] of s.formulas) {
      if (id === fieldId || !state.written || !state.refs.includes(fieldId)) continue;
      writeBlocks(s, id, state.blocks);
    }
  });
}

/** Build: writes each HyperFormula column (in reading order) in time-sliced batches. */
export async function buildFormulaBlocks(
  s: TableStore,
  order: readonly string[],
  step: (n: number) => void,
): Promise<void> {
  for (const id of order) {
    const blocks = probeLayout(s, id);
    await runSliced(s, blocks, (part) => writeBlocks(s, id, part), step);
    (s.formulas.get(id) as FormulaState).written = true;
  }
}

/**
 * Writes the first block alone: a formula that does not spill over its rows goes per cell, as
 * does one that folds ranges (see foldsRanges) without being written first.
 */
export function probeLayout(s: TableStore, id: string): Block[] {
  const state = s.formulas.get(id) as FormulaState;
  if (foldsRanges(state.compiled)) {
    state.perCell = true;
    state.blocks = chunkBlocks(0, s.rows, 1);
    return state.blocks;
  }
  state.blocks = chunkBlocks(0, s.rows, s.size);
  const first = state.blocks[0];
  if (!first) return [];
  s.absorb(s.mutate(() => writeBlocks(s, id, [first])));
  const col = s.col(id);
  if (first.len > 1 && !s.hf.isCellPartOfArray({ sheet: s.sheet, row: 1, col })) {
    s.mutate(() => s.hf.setCellContents({ sheet: s.sheet, row: 0, col }, null));
    state.perCell = true;
    state.blocks = chunkBlocks(0, s.rows, 1);
    return state.blocks;
  }
  return state.blocks.slice(1);
}

export function writeBlocks(s: TableStore, id: string, blocks: readonly Block[]): void {
  const state = s.formulas.get(id) as FormulaState;
  const col = s.col(id);
  const text = (b: Block): string =>
    blockFormula(
      state.compiled,
      b,
      (f) => s.colIndex.get(f),
      (spec) => populationCell(s, spec),
    );
  const first = blocks[0];
  if (state.perCell && first) {
    const column = blocks.map((b) => [text(b)]);
    s.hf.setCellContents({ sheet: s.sheet, row: first.start, col }, column);
    return;
  }
  for (const b of blocks) s.hf.setCellContents({ sheet: s.sheet, row: b.start, col }, [[text(b)]]);
}

/** Rewrites the inputs from row `from` on and fits every formula's blocks to `rowCount` rows. */
export function reshapeSheet(s: TableStore, rowCount: number, from: number): void {
  const oldRows = s.rows;
  const ch = s.mutate(() => {
    for (const [id, column] of s.hfLoaded ? s.inputValues : []) {
      const kind = s.inputs.get(id) as InputKind;
      const data = Array.from({ length: Math.max(rowCount, oldRows) - from }, (_, i) => [
        toCellContent(column[from + i] ?? null, kind),
      ]);
      if (data.length > 0) {
        s.hf.setCellContents({ sheet: s.sheet, row: from, col: s.col(id) }, data);
      }
    }
    s.rows = rowCount;
    for (const [id, state] of s.formulas) if (!state.direct) refitBlocks(s, id, state);
  });
  s.absorb(ch);
}

/** Drops blocks past the last row, shortens or extends the tail, adds new blocks. */
function refitBlocks(s: TableStore, id: string, state: FormulaState): void {
  const size = state.perCell ? 1 : s.size;
  const target = chunkBlocks(0, s.rows, size);
  const col = s.col(id);
  const same = (a: Block | undefined, b: Block | undefined): boolean =>
    !!a && !!b && a.start === b.start && a.len === b.len;
  const stale = state.blocks.filter((b, i) => !same(b, target[i]));
  for (const b of stale) s.hf.setCellContents({ sheet: s.sheet, row: b.start, col }, null);
  const fresh = target.filter((b, i) => !same(b, state.blocks[i]));
  state.blocks = target;
  if (fresh.length > 0) writeBlocks(s, id, fresh);
}
