/**
 * Shared shapes of the formula language: scanner tokens and the problems shown in the editor.
 * Offsets are UTF-16 indices into the text the user typed; `end` is exclusive.
 */
import type { FieldId } from '../ids';

/** A `"…"` literal (Excel style: `""` inside is one quote). `text` is the raw source. */
export interface StringToken {
  kind: 'string';
  start: number;
  end: number;
  text: string;
  closed: boolean;
}

/** A `{…}` field reference; `name` is decoded (`\}` → `}`, `\\` → `\`). */
export interface ReferenceToken {
  kind: 'reference';
  start: number;
  end: number;
  name: string;
  closed: boolean;
}

/** Everything else (operators, numbers, function names, spaces), kept verbatim. */
export interface TextToken {
  kind: 'text';
  start: number;
  end: number;
  text: string;
}

export type FormulaToken = StringToken | ReferenceToken | TextToken;

interface Span {
  start: number;
  end: number;
}

export type FormulaProblem =
  | { kind: 'empty' }
  | ({ kind: 'unclosedReference' } & Span)
  | ({ kind: 'unclosedString' } & Span)
  /** A `}` outside any reference or string. */
  | ({ kind: 'unexpectedBrace' } & Span)
  | ({ kind: 'unknownField'; name: string } & Span)
  /** Several fields match the name once case and surrounding spaces are ignored. */
  | ({ kind: 'ambiguousField'; name: string; candidates: FieldId[] } & Span)
  | ({ kind: 'selfReference'; name: string } & Span)
  /**
   * A word outside braces that the engine would read as an undefined name (#NAME? in every
   * row); `field` is the name of the field it matches, when it matches one.
   */
  | ({ kind: 'bareName'; name: string; field?: string; cell?: true } & Span)
  /**
   * A function called with `count` arguments, which is not one of `min`…`max` (max may be ∞)
   * in steps of `step` from `min`.
   */
  | ({
      kind: 'argumentCount';
      name: string;
      count: number;
      min: number;
      max: number;
      step: number;
    } & Span)
  /** Saving would close a loop of formulas; `path` starts and ends with the edited field. */
  | { kind: 'cycle'; path: FieldId[] };

export type FormulaProblemKind = FormulaProblem['kind'];

/** Something that has a name (a Field, or a lighter record the engine keeps). */
export interface Named {
  readonly name: string;
}

/** Fields by id, as a Map or as the schema state's record. */
export type FieldsById<F extends Named = Named> =
  ReadonlyMap<FieldId, F> | Readonly<Partial<Record<FieldId, F>>>;

/** Looks up `id` in either shape of FieldsById without touching prototype keys. */
export function getFieldById<F extends Named>(fields: FieldsById<F>, id: FieldId): F | undefined {
  if (fields instanceof Map) return fields.get(id);
  const record = fields as Readonly<Partial<Record<FieldId, F>>>;
  return Object.hasOwn(record, id) ? record[id] : undefined;
}
