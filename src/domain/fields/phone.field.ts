import { normaliseWidth } from '../numbers';
import { createTextLikeType } from './textLike';

/** Punctuation people put in phone numbers: spaces, dashes, dots, brackets. */
const PUNCTUATION = /[\s\-.()（）]/g;

/** Valid when, punctuation removed, it is an optional + and 5 to 15 digits (no letters). */
export function isPhoneText(text: string): boolean {
  return /^\+?\d{5,15}$/.test(text.replace(PUNCTUATION, ''));
}

/**
 * Phone numbers are text, not numbers: leading zeros, +86, spaces and dashes are kept as
 * typed (only full-width digits become ASCII so that searching by digits works).
 */
export const phoneField = createTextLikeType({
  type: 'phone',
  normalise: (text) => normaliseWidth(text).trim(),
  check: { fits: isPhoneText, problem: 'notPhone' },
});
