/**
 * Finds the field a typed name refers to: the exact name first, then, forgivingly, the one
 * field whose name matches once case and surrounding spaces are ignored.
 */
import type { FieldId } from '../ids';

export interface NamedField {
  readonly id: FieldId;
  readonly name: string;
}

export type NameResolution<F extends NamedField> =
  | { ok: true; field: F }
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: 'ambiguous'; candidates: FieldId[] };

function normaliseName(name: string): string {
  return name.trim().toLowerCase();
}

/** Resolves `name` among `fields`; an exact (case-sensitive) match always wins. */
export function resolveFieldName<F extends NamedField>(
  name: string,
  fields: readonly F[],
): NameResolution<F> {
  const exact = fields.filter((f) => f.name === name);
  if (exact.length === 1) return { ok: true, field: exact[0] as F };
  const wanted = normaliseName(name);
  const loose = exact.length > 1 ? exact : fields.filter((f) => normaliseName(f.name) === wanted);
  if (loose.length === 1) return { ok: true, field: loose[0] as F };
  if (loose.length === 0 || wanted === '') return { ok: false, reason: 'unknown' };
  return { ok: false, reason: 'ambiguous', candidates: loose.map((f) => f.id) };
}
