/**
 * Syntax highlighting for the formula editor: the display text cut into coloured segments
 * that, joined, give back the text exactly.
 */
import type { FieldId } from '../ids';
import type { NamedField } from './resolve';
import { normalizeFormulaInput } from './normalize';
import { resolveFieldName } from './resolve';
import { scanFormula } from './scan';
import type { ReferenceToken } from './types';

export type HighlightKind =
  'field' | 'missingField' | 'string' | 'function' | 'number' | 'operator' | 'plain';

export interface HighlightSegment {
  text: string;
  kind: HighlightKind;
  /** For 'field' segments: the field the reference resolves to. */
  fieldId?: FieldId;
}

// One alternative per kind, tried in order at each position (sticky, so no skipping ahead).
const LEXEME =
  /(\s+)|(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_.]*)(?=\s*\()|([A-Za-z_][A-Za-z0-9_.]*)|([-+*/^&=<>,;:()%])/y;

function kindOfMatch(match: RegExpExecArray): HighlightKind {
  if (match[2] !== undefined) return 'number';
  if (match[3] !== undefined) return 'function';
  if (match[5] !== undefined) return 'operator';
  return 'plain';
}

/** Splits text outside strings and references into numbers, functions, operators, plain. */
function highlightText(text: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let i = 0;
  while (i < text.length) {
    LEXEME.lastIndex = i;
    const match = LEXEME.exec(text);
    const piece = match?.[0] ?? (text[i] as string);
    segments.push({ text: piece, kind: match === null ? 'plain' : kindOfMatch(match) });
    i += piece.length;
  }
  return segments;
}

function highlightReference(
  token: ReferenceToken,
  display: string,
  fields: readonly NamedField[],
): HighlightSegment {
  const text = display.slice(token.start, token.end);
  const found = token.closed ? resolveFieldName(token.name, fields) : undefined;
  return found?.ok === true
    ? { text, kind: 'field', fieldId: found.field.id }
    : { text, kind: 'missingField' };
}

/** Joins neighbouring plain or operator pieces so the editor renders fewer spans. */
function mergeSegments(segments: readonly HighlightSegment[]): HighlightSegment[] {
  const merged: HighlightSegment[] = [];
  for (const s of segments) {
    const last = merged.at(-1);
    if (
      last !== undefined &&
      last.kind === s.kind &&
      (s.kind === 'plain' || s.kind === 'operator')
    ) {
      last.text += s.text;
    } else {
      merged.push({ ...s });
    }
  }
  return merged;
}

/**
 * Segments of `display` in order; unresolvable or unclosed references are 'missingField'. The
 * kinds are those of the text as the engine reads it (“VIP” is text, （ a bracket, 1E3 a
 * number), the segments' text is as typed: normalizing keeps every length.
 */
export function highlightFormula(
  display: string,
  fields: readonly NamedField[],
): HighlightSegment[] {
  const read = normalizeFormulaInput(display);
  const segments: HighlightSegment[] = [];
  for (const token of scanFormula(read).tokens) {
    if (token.kind === 'string') segments.push({ text: token.text, kind: 'string' });
    else if (token.kind === 'reference') segments.push(highlightReference(token, read, fields));
    else segments.push(...highlightText(token.text));
  }
  let at = 0;
  for (const segment of segments) {
    segment.text = display.slice(at, at + segment.text.length);
    at += segment.text.length;
  }
  return mergeSegments(segments);
}
