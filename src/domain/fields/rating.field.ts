import type { Field } from '../model';
import { normaliseWidth } from '../numbers';
import type { ParseResult } from './fieldType';
import { defineFieldType, ok } from './base';

export const DEFAULT_RATING_MAX = 5;

export function ratingMax(field: Field): number {
  const max = field.options.max;
  return max !== undefined && Number.isInteger(max) && max > 0 ? max : DEFAULT_RATING_MAX;
}

function readStars(text: string): number | undefined {
  const s = normaliseWidth(text).trim();
  if (/^[★☆]+$/.test(s)) return [...s].filter((c) => c === '★').length;
  const m = /^(\d+)\s*(?:星|颗星|stars?)?$/i.exec(s);
  return m ? Number(m[1]) : undefined;
}

function parseRating(text: string, field: Field): ParseResult {
  const stars = readStars(text);
  if (stars === undefined) return { ok: false, reason: 'notNumber' };
  return stars <= ratingMax(field) ? ok(stars) : { ok: false, reason: 'outOfRange' };
}

/** Whole stars 0..max (default 5); accepts "3", "★★★" and "3星". Shown as stars. */
export const ratingField = defineFieldType<number>({
  type: 'rating',
  defaultOptions: () => ({ max: DEFAULT_RATING_MAX }),
  parseText: parseRating,
  accept: (value, field) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= ratingMax(field)
      ? value
      : undefined,
  formatValue: (value) => '★'.repeat(value),
  textValue: (value) => String(value),
  compareValues: (a, b) => a - b,
});
