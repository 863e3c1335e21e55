/**
 * Declaring formula columns: stored text compiled for HyperFormula (with hidden helper columns
 * for ranked expressions) or parsed for direct JavaScript evaluation when it only reads inputs.
 */
import { substituteReferences } from '../domain/formula';
import { nodeRefs, populationRefs } from './directEval';
import { isDirect, parseDirect } from './directParse';
import {
  CELL_OPEN,
  MARK_CLOSE,
  compileRanking,
  injectEnvironment,
  referencedIds,
} from './formulaText';
import { ENV_RANGE } from './sheet';
import type { FormulaState, TableStore } from './tableStore';

/** Compiles stored text for HyperFormula; with `seen`, only probes (no helpers registered). */
export function compileText(
  s: TableStore,
  stored: string,
  seen?: (id: string) => void,
): FormulaState {
  const substitute = s.options.substitute ?? substituteReferences;
  const text = substitute(stored, (id) => {
    seen?.(id);
    return `${CELL_OPEN}${id}${MARK_CLOSE}`;
  }).replace(/^\s*=/, '');
  return compileExpression(s, text, !seen);
}

function compileExpression(s: TableStore, text: string, register: boolean): FormulaState {
  const helpers: string[] = [];
  const ranked = compileRanking(text, (expression) => {
    const id = register ? helperFor(s, expression) : '~probe';
    helpers.push(id);
    return id;
  });
  const compiled = injectEnvironment(ranked, ENV_RANGE);
  const refs = referencedIds(compiled);
  const base = { blocks: [], perCell: false, written: false, users: 0 };
  return { ...base, compiled, refs, helpers };
}

export function declareFormula(s: TableStore, fieldId: string, stored: string): void {
  const state = directState(s, fieldId, stored) ?? compileText(s, stored);
  state.stored = stored;
  if (!state.direct) for (const r of state.refs) if (s.formulas.get(r)?.direct) demote(s, r);
  if (!s.colIndex.has(fieldId)) s.addColumn(fieldId);
  s.formulas.set(fieldId, state);
}

/** A formula JavaScript can evaluate over input columns, unless a formula reads its column. */
function directState(s: TableStore, fieldId: string, stored: string): FormulaState | null {
  if (s.options.direct === false) return null;
  if ([...s.formulas.values()].some((f) => f.refs.includes(fieldId))) return null;
  const substitute = s.options.substitute ?? substituteReferences;
  const text = substitute(stored, (id) => `${CELL_OPEN}${id}${MARK_CLOSE}`).replace(/^\s*=/, '');
  const node = parseDirect(text);
  if (!node || !isDirect(node, (id) => s.inputs.get(id))) return null;
  const refs = nodeRefs(node);
  const direct = { node, refs, population: populationRefs(node) };
  const base = { compiled: '', helpers: [], blocks: [], perCell: false, written: true, users: 0 };
  return { ...base, refs: [...refs], direct };
}

/** Moves a direct column into HyperFormula (another formula reads it, or an input goes). */
export function demote(s: TableStore, fieldId: string): void {
  const state = s.formulas.get(fieldId);
  if (!state?.direct) return;
  const next = compileText(s, state.stored ?? '');
  next.stored = state.stored;
  s.formulas.set(fieldId, next);
}

/** A hidden column holding an expression whose whole column a ranking function needs. */
function helperFor(s: TableStore, expression: string): string {
  let id = s.helperByText.get(expression);
  if (id === undefined) {
    id = `~h${++s.helperSeq}`;
    s.helperByText.set(expression, id);
    const state = compileExpression(s, expression, true);
    s.addColumn(id);
    s.formulas.set(id, state);
  }
  (s.formulas.get(id) as FormulaState).users += 1;
  return id;
}

export function releaseHelpers(s: TableStore, state: FormulaState): void {
  for (const id of state.helpers) {
    const helper = s.formulas.get(id);
    if (!helper || --helper.users > 0) continue;
    for (const [text, hid] of s.helperByText) if (hid === id) s.helperByText.delete(text);
    s.removeColumn(id);
    releaseHelpers(s, helper);
  }
}
