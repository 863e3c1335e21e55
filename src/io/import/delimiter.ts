/**
 * Which character separates the fields of a text file: the candidate that splits the first
 * lines (outside quotes) into the same number of fields, more than once, wins.
 */
import type { Delimiter } from '../../domain/import/types';

const CANDIDATES: readonly Delimiter[] = ['\t', ',', ';', '|'];
const SAMPLE_LINES = 30;
const SAMPLE_CHARS = 64 * 1024;

/** Per line, how many times `delimiter` occurs outside double quotes. */
function countPerLine(text: string, delimiter: string): number[] {
  const counts: number[] = [];
  let count = 0;
  let quoted = false;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end && counts.length < SAMPLE_LINES; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) count++;
    else if (!quoted && ch === '\n') {
      counts.push(count);
      count = 0;
    }
  }
  if (counts.length < SAMPLE_LINES && count > 0) counts.push(count);
  return counts;
}

/** Higher is better: lines agreeing on the most common non-zero count, weighted by it. */
function score(counts: readonly number[]): number {
  const freq = new Map<number, number>();
  for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
  let best = 0;
  for (const [fields, lines] of freq) {
    const agreement = lines / Math.max(1, counts.length);
    best = Math.max(best, agreement * 100 + Math.min(fields, 50));
  }
  return best;
}

export function sniffDelimiter(text: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const s = score(countPerLine(text, d));
    if (s > bestScore) {
      best = d;
      bestScore = s;
    }
  }
  return best;
}
