/**
 * Gives the records read from the database one shared copy of each string a field repeats.
 *
 * Why: reading a value back from IndexedDB makes a new string for every string in it, so a
 * million customers held a million copies of "男", of each city and of each day. Every copy is
 * one more object for V8's collector to copy out of the young generation and to mark while the
 * records are read: the long pauses of opening a table of 1,000,000 rows (issue 3). A copy
 * replaced at once dies young, and costs a scavenge nothing.
 *
 * Each field decides for itself from what it has seen: a field whose values rarely repeat
 * (phones, e-mails, notes) stops being looked up after a first sample, so it costs little.
 */
import type { CellValue } from '../domain/model';

/** Strings longer than this are left as read (long texts seldom repeat). */
const MAX_LENGTH = 40;
/** Values a field is tried on before it is judged. */
const SAMPLE = 2048;
/** The share of repeats below which a field stops being looked up. */
const MIN_HIT_RATE = 0.25;
/** Distinct strings kept per field; past this, known strings are still shared. */
const MAX_DISTINCT = 50_000;

interface FieldStrings {
  seen: number;
  hits: number;
  judged: boolean;
  /** The shared copies; null once the field was judged not to repeat. */
  known: Map<string, string> | null;
}

export class ValueInterner {
  private readonly fields = new Map<string, FieldStrings>();

  /** Replaces, in place, each string of `values` by the copy already shared, if any. */
  internValues(values: Partial<Record<string, CellValue>>): void {
    for (const key in values) {
      const value = values[key];
      // Assigned unconditionally: `!==` compares strings by content, so it cannot tell the copy
      // read from the copy shared.
      if (typeof value === 'string') values[key] = this.share(key, value);
      else if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) value[i] = this.share(key, value[i] as string);
      }
    }
  }

  /** How many distinct strings of field `key` are shared; null once it stopped (or never began). */
  distinct(key: string): number | null {
    return this.fields.get(key)?.known?.size ?? null;
  }

  /** `value`, or the equal string seen before in field `key`. */
  share(key: string, value: string): string {
    if (value.length > MAX_LENGTH) return value;
    let field = this.fields.get(key);
    if (!field)
      this.fields.set(key, (field = { seen: 0, hits: 0, judged: false, known: new Map() }));
    const known = field.known;
    if (!known) return value;
    field.seen++;
    if (!field.judged && field.seen > SAMPLE) {
      field.judged = true;
      if (field.hits < SAMPLE * MIN_HIT_RATE) {
        field.known = null;
        return value;
      }
    }
    const shared = known.get(value);
    if (shared !== undefined) {
      field.hits++;
      return shared;
    }
    if (known.size < MAX_DISTINCT) known.set(value, value);
    return value;
  }
}
