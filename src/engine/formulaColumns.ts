/**
 * Declaring formula columns: stored text compiled for HyperFormula (with hidden helper columns
 * for ranked expressions) or parsed for direct JavaScript evaluation when it reads only inputs
 * and formula columns of that kind (inlined).
 */
import { substituteReferences } from '../domain/formula';
import { nodeRefs, populationRefs } from './directEval';
import { isDirect, parseDirect } from './directParse';
import type { DirectNode } from './directParse';
import { CELL, REFERENCE_AWARE } from './directPlain';
import {
  CELL_OPEN,
  MARK_CLOSE,
  compileRanking,
  injectEnvironment,
  referencedIds,
} from './formulaText';
import { ENV_RANGE } from './sheet';
import { removeColumn } from './sheetWrite';
import type { FormulaState, TableStore } from './tableStore';

/** Compiles stored text for HyperFormula; with `seen`, only probes (no helpers registered). */
export function compileText(
  s: TableStore,
  stored: string,
  seen?: (id: string) => void,
): FormulaState {
  const text = toMarked(s, stored, seen);
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

export function declareFormula(
  s: TableStore,
  fieldId: string,
  stored: string,
  textOf: (id: string) => string | undefined = (id) => s.formulas.get(id)?.stored,
): void {
  const state = directState(s, fieldId, stored, textOf) ?? compileText(s, stored);
  state.stored = stored;
  if (!s.colIndex.has(fieldId)) s.addColumn(fieldId);
  s.formulas.set(fieldId, state);
  demoteReadColumns(s, state);
}

/** A HyperFormula formula reads its formula columns from the sheet: they must be there too. */
function demoteReadColumns(s: TableStore, state: FormulaState): void {
  if (!state.direct) for (const r of state.refs) if (s.formulas.get(r)?.direct) demote(s, r);
}

/** Larger inlined formulas (a column read many times over several levels) stay with HyperFormula. */
const MAX_DIRECT_NODES = 2000;

/**
 * A formula JavaScript can evaluate, unless a HyperFormula formula reads its column. It may
 * read input columns and other formula columns whose own formulas are of that kind: those are
 * inlined (evaluated again inside this one, their rankings shared), so it needs no order of
 * evaluation and its `refs` are the inputs it reads at any depth.
 */
function directState(
  s: TableStore,
  fieldId: string,
  stored: string,
  textOf: (id: string) => string | undefined,
): FormulaState | null {
  if (s.options.direct === false) return null;
  if ([...s.formulas.values()].some((f) => f.refs.includes(fieldId))) return null;
  const via = new Set<string>();
  let nodes = 0;
  const expand = (text: string, path: readonly string[]): DirectNode | null => {
    const node = parseDirect(toMarked(s, text));
    if (!node) return null;
    const inline = (n: DirectNode): DirectNode | null => {
      if (++nodes > MAX_DIRECT_NODES) return null;
      switch (n.k) {
        case 'num':
        case 'str':
          return n;
        case 'ref': {
          const text = s.inputs.has(n.id) ? undefined : textOf(n.id);
          if (text === undefined) return n;
          if (path.includes(n.id)) return null;
          via.add(n.id);
          return expand(text, [...path, n.id]);
        }
        case 'neg': {
          const a = inline(n.a);
          return a && { k: 'neg', a };
        }
        case 'bin': {
          const [a, b] = [inline(n.a), inline(n.b)];
          return a && b && { ...n, a, b };
        }
        case 'call': {
          const args = n.args.map((a) => {
            const inlined = inline(a);
            // Still a cell to a function that treats cells apart (see directPlain).
            const cell = a.k === 'ref' && REFERENCE_AWARE.has(n.name) && inlined !== a;
            return cell && inlined ? { k: 'call' as const, name: CELL, args: [inlined] } : inlined;
          });
          return args.every((a) => a !== null) ? { ...n, args: args as DirectNode[] } : null;
        }
      }
    };
    return inline(node);
  };
  const node = expand(stored, [fieldId]);
  if (!node || !isDirect(node, (id) => s.inputs.get(id))) return null;
  const refs = nodeRefs(node);
  const direct = { node, refs, population: populationRefs(node), via };
  const base = { compiled: '', helpers: [], blocks: [], perCell: false, written: true, users: 0 };
  return { ...base, refs: [...refs], direct };
}

/** Stored text with its references as cell markers and without the leading '='. */
export function toMarked(s: TableStore, stored: string, seen?: (id: string) => void): string {
  const substitute = s.options.substitute ?? substituteReferences;
  const marked = substitute(stored, (id) => {
    seen?.(id);
    return `${CELL_OPEN}${id}${MARK_CLOSE}`;
  });
  return marked.replace(/^\s*=/, '');
}

/**
 * Declares again the direct formulas that inlined `fieldId`'s formula (it changed or went);
 * returns those that are still direct, to be evaluated again (the others wait to be written).
 */
export function redeclareReaders(s: TableStore, fieldId: string): string[] {
  const readers = [...s.formulas].filter(([, f]) => f.direct?.via.has(fieldId));
  for (const [id, f] of readers) declareFormula(s, id, f.stored ?? '');
  return readers.map(([id]) => id).filter((id) => s.formulas.get(id)?.direct);
}

/** Moves a direct column into HyperFormula (another formula reads it, or an input goes). */
export function demote(s: TableStore, fieldId: string): void {
  const state = s.formulas.get(fieldId);
  if (!state?.direct) return;
  const next = compileText(s, state.stored ?? '');
  next.stored = state.stored;
  s.formulas.set(fieldId, next);
  demoteReadColumns(s, next);
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
    removeColumn(s, id);
    releaseHelpers(s, helper);
  }
}
