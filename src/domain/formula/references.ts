/**
 * Reading and rewriting the field references of a stored formula (`{fld_…}` by id).
 * Braces inside string literals are text, never references, so everything goes via the scanner.
 */
import type { FieldId } from '../ids';
import { RANKING_FUNCTIONS } from './functions';
import { scanFormula } from './scan';
import type { FieldsById, Named } from './types';
import { getFieldById } from './types';

/** Ids referenced by `stored`, each once, in order of first appearance. */
export function formulaDependencies(stored: string): FieldId[] {
  const seen = new Set<FieldId>();
  for (const token of scanFormula(stored).tokens) {
    if (token.kind === 'reference' && token.closed) seen.add(token.name as FieldId);
  }
  return [...seen];
}

/** Referenced ids that are not (any longer) fields: the engine shows #REF! for them. */
export function missingReferences(stored: string, fieldsById: FieldsById): FieldId[] {
  return formulaDependencies(stored).filter((id) => getFieldById(fieldsById, id) === undefined);
}

/**
 * Replaces every `{fld_x}` outside string literals with `replace(fld_x)`, e.g. the engine's own
 * cell or range reference, or `#REF!` for a missing field. Unclosed references stay verbatim.
 */
export function substituteReferences(
  stored: string,
  replace: (fieldId: FieldId) => string,
): string {
  let out = '';
  for (const token of scanFormula(stored).tokens) {
    if (token.kind === 'reference' && token.closed) out += replace(token.name as FieldId);
    else out += token.kind === 'reference' ? stored.slice(token.start, token.end) : token.text;
  }
  return out;
}

/** Reads `refNames[id]` without falling for prototype keys. */
export function lastKnownName(
  refNames: Readonly<Partial<Record<FieldId, string>>> | undefined,
  id: FieldId,
): string | undefined {
  return refNames !== undefined && Object.hasOwn(refNames, id) ? refNames[id] : undefined;
}

/**
 * The `formulaRefNames` to store beside `stored`: each referenced field's current name, or
 * the previously known one for fields already gone. Call it when a formula is saved and
 * before a referenced field is renamed or deleted, so the editor can still name it later.
 */
export function collectRefNames(
  stored: string,
  fieldsById: FieldsById<Named>,
  previous?: Readonly<Partial<Record<FieldId, string>>>,
): Record<FieldId, string> {
  const names: Record<FieldId, string> = {};
  for (const id of formulaDependencies(stored)) {
    const name = getFieldById(fieldsById, id)?.name ?? lastKnownName(previous, id);
    if (name !== undefined) names[id] = name;
  }
  return names;
}

/** A field as far as ranking goes: a formula field has its formula in its options. */
interface WithFormula extends Named {
  readonly type: string;
  readonly options: { readonly formula?: string };
}

const CALL = /([A-Za-z_][\w.]*)\s*\(/g;

/**
 * Whether `stored` ranks a row against its whole column: it calls a ranking function (RFM_R,
 * RFM_F, RFM_M, RFM_SCORE, RFM_SEGMENT) or reads a formula field that does, at any depth. Its
 * results for a few rows then depend on every row of the table.
 */
export function ranksWholeColumns(stored: string, fieldsById: FieldsById<WithFormula>): boolean {
  const seen = new Set<string>();
  const ranks = (formula: string): boolean =>
    scanFormula(formula).tokens.some((token) => {
      if (token.kind === 'text')
        return [...token.text.matchAll(CALL)].some(([, name]) =>
          RANKING_FUNCTIONS.has((name as string).toUpperCase()),
        );
      if (token.kind !== 'reference' || !token.closed || seen.has(token.name)) return false;
      seen.add(token.name);
      const read = getFieldById(fieldsById, token.name as FieldId);
      const next = read?.type === 'formula' ? read.options.formula : undefined;
      return next !== undefined && ranks(next);
    });
  return ranks(stored);
}
