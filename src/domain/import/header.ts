/**
 * Finding the header row of an imported sheet: files often start with a title ("2024年会员名单")
 * or an export note above the real header. Pure; runs on the first rows only.
 */
import { parseNumberText } from '../numbers';
import type { RawCell } from './types';

/** Rows above the header we consider (the preview shows up to 10). */
export const MAX_HEADER_ROW = 10;
const LOOK_AHEAD = 30;
const DATE_LIKE = /^\d{4}\s*[-/.年]\s*\d{1,2}|^\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}/;

function isFilled(cell: RawCell | undefined): boolean {
  return cell !== null && cell !== undefined && !(typeof cell === 'string' && cell.trim() === '');
}

export function countFilled(row: readonly RawCell[]): number {
  let n = 0;
  for (const cell of row) if (isFilled(cell)) n++;
  return n;
}

/** A label a person wrote: text that is neither a number nor a date. */
function isLabel(cell: RawCell | undefined): boolean {
  if (typeof cell !== 'string') return false;
  const t = cell.trim();
  return t !== '' && parseNumberText(t) === null && !DATE_LIKE.test(t);
}

function labelShare(row: readonly RawCell[]): number {
  const filled = countFilled(row);
  if (filled === 0) return 0;
  let labels = 0;
  for (const cell of row) if (isLabel(cell)) labels++;
  return labels / filled;
}

/**
 * The 0-based header row: the first of the top rows that fills at least half of the widest row
 * below it and is mostly labels. Rows with one filled cell (titles) are passed over.
 */
export function detectHeaderRow(rows: readonly (readonly RawCell[])[]): number {
  const limit = Math.min(rows.length, LOOK_AHEAD);
  let width = 0;
  for (let i = 0; i < limit; i++) width = Math.max(width, countFilled(rows[i] ?? []));
  if (width === 0) return 0;
  let firstFilled = -1;
  for (let r = 0; r < Math.min(limit, MAX_HEADER_ROW + 1); r++) {
    const row = rows[r] ?? [];
    const filled = countFilled(row);
    if (filled === 0 || (filled === 1 && width > 1)) continue;
    if (firstFilled < 0) firstFilled = r;
    if (filled * 2 >= width && labelShare(row) >= 0.6) return r;
  }
  return Math.max(firstFilled, 0);
}
