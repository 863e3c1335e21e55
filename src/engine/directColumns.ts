/**
 * Direct (plain JavaScript) formula columns: evaluating their rows with the DirectEvaluator
 * and keeping them current after input edits, row moves and as-of or language changes.
 */
import type { CellValue } from 'hyperformula';
import type { DirectNode } from './directParse';
import { chunkBlocks } from './layout';
import { createPauser, runSlicedPlain } from './slicing';
import { sameValue } from './tableStore';
import type { FormulaState, TableStore } from './tableStore';
import type { CellChange } from './types';

/** Evaluates rows [from, to) of a direct column into its results, noting real changes. */
export function evaluateRows(
  s: TableStore,
  id: string,
  from: number,
  to: number,
  rows?: Iterable<number>,
): void {
  const node = (s.formulas.get(id) as FormulaState).direct?.node as DirectNode;
  const raw = s.results.get(id) as CellValue[];
  const ranked = rows ? null : s.evaluator.rankedRange(node, from, to);
  const visit = (row: number): void => {
    const v = ranked ? (ranked[row - from] ?? null) : s.evaluator.evaluate(node, row);
    if (sameValue(raw[row], v)) return;
    raw[row] = v;
    s.retype(id, v);
    s.note(id, row);
  };
  if (rows) for (const r of rows) visit(r);
  else for (let r = from; r < to; r++) visit(r);
}

export function recomputeDirect(s: TableStore, id: string): void {
  if (!s.results.has(id)) s.results.set(id, new Array<CellValue>(s.rows).fill(null));
  const raw = s.results.get(id) as CellValue[];
  raw.length = s.rows;
  evaluateRows(s, id, 0, s.rows);
}

export function recomputeAllDirect(s: TableStore): void {
  s.evaluator.invalidate(null);
  for (const [id, f] of s.formulas) if (f.direct) recomputeDirect(s, id);
}

/**
 * After rows moved (the results moved with them): a ranking that a row coming or going takes
 * part in sees a new population, so ranked columns are evaluated whole; when none does (a blank
 * row added, a customer without purchases removed), every row keeps its score and, as for
 * row-local columns, only the inserted rows are evaluated. `removed` are the spans that went.
 */
export function moveDirect(
  s: TableStore,
  moved: { inserted: { at: number; count: number } } | { removed: readonly [number, number][] },
): void {
  let kept: boolean;
  let rows: number[] = [];
  if ('inserted' in moved) {
    const { at, count } = moved.inserted;
    kept = s.evaluator.insertRows(at, count);
    rows = Array.from({ length: count }, (_, i) => at + i);
  } else kept = s.evaluator.removeRows(moved.removed);
  for (const [id, f] of s.formulas) {
    if (!f.direct) continue;
    if (f.direct.population.size > 0 && !kept) recomputeDirect(s, id);
    else if (rows.length > 0) evaluateRows(s, id, 0, 0, rows);
  }
}

/** After input edits: whole columns whose ranking read them, else just the edited rows. */
export function updateDirect(s: TableStore, changes: readonly CellChange[]): void {
  const ids = new Set(changes.map((c) => c.fieldId));
  s.evaluator.invalidate(ids);
  for (const [id, f] of s.formulas) {
    if (!f.direct) continue;
    if ([...f.direct.population].some((r) => ids.has(r))) recomputeDirect(s, id);
    else {
      const rows = changes.filter((c) => f.direct?.refs.has(c.fieldId)).map((c) => c.row);
      evaluateRows(s, id, 0, 0, rows);
    }
  }
}

/** Build: evaluates each direct column in time slices (its rankings' populations warmed first). */
export async function buildDirectColumns(
  s: TableStore,
  ids: readonly string[],
  step: (n: number) => void,
): Promise<void> {
  const budget = s.options.sliceMs ?? 30;
  const pause = createPauser(budget);
  const slices = chunkBlocks(0, s.rows, s.size);
  for (const id of ids) {
    const node = s.formulas.get(id)?.direct?.node as DirectNode;
    await s.evaluator.warm(node, s.size, pause);
    const raw = new Array<CellValue>(s.rows).fill(null);
    s.results.set(id, raw);
    // A fresh column: every row is new, so nothing is compared or noted as changed.
    const run = (b: { start: number; len: number }): void => {
      const end = b.start + b.len;
      const ranked = s.evaluator.rankedRange(node, b.start, end);
      for (let r = b.start; r < end; r++) {
        raw[r] = ranked ? (ranked[r - b.start] ?? null) : s.evaluator.evaluate(node, r);
      }
    };
    await runSlicedPlain(budget, slices, run, step);
    s.types.delete(id);
  }
}
