/**
 * Stored formula (`{fld_…}` by id) → the text users read and edit (`{消费金额}` by name).
 * Because storage uses ids, a renamed field shows its new name without rewriting anything.
 */
import type { FieldId } from '../ids';
import { lastKnownName } from './references';
import { encodeReference, scanFormula } from './scan';
import type { FieldsById, Named } from './types';
import { getFieldById } from './types';

export interface MissingReference {
  id: FieldId;
  /** The last known name (from formulaRefNames), or the id when none was recorded. */
  name: string;
}

export interface DisplayFormula {
  display: string;
  /** Referenced fields that no longer exist, each once, in order of appearance. */
  missing: MissingReference[];
}

/** Writes `stored` with field names; a deleted field keeps its last known name. */
export function toDisplayFormula(
  stored: string,
  fieldsById: FieldsById<Named>,
  refNames?: Readonly<Partial<Record<FieldId, string>>>,
): DisplayFormula {
  let display = '';
  const missing: MissingReference[] = [];
  for (const token of scanFormula(stored).tokens) {
    if (token.kind !== 'reference' || !token.closed) {
      display += stored.slice(token.start, token.end);
      continue;
    }
    const id = token.name as FieldId;
    const field = getFieldById(fieldsById, id);
    if (field !== undefined) {
      display += encodeReference(field.name);
      continue;
    }
    const name = lastKnownName(refNames, id) ?? id;
    display += encodeReference(name);
    if (!missing.some((m) => m.id === id)) missing.push({ id, name });
  }
  return { display, missing };
}
