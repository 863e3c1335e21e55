/**
 * Text, long text, phone, email and URL all store the text as typed; they differ only in
 * which texts fit. Shared here so that each of those modules is a few lines.
 */
import type { FieldType } from '../model';
import type { FieldTypeModule, ParseProblem } from './fieldType';
import { collator, defineFieldType, ok } from './base';

export interface TextLikeSpec {
  type: FieldType;
  /** Rejects text that does not fit; absent means any text fits. */
  check?: { fits(text: string): boolean; problem: ParseProblem };
  /** Stored form of fitting text (default: trimmed). */
  normalise?(text: string): string;
}

export function createTextLikeType(spec: TextLikeSpec): FieldTypeModule {
  const { check } = spec;
  const normalise = spec.normalise ?? ((text: string) => text.trim());
  return defineFieldType<string>({
    type: spec.type,
    absorbsInvalid: !check,
    defaultOptions: () => ({}),
    parseText(text) {
      const value = normalise(text);
      if (check && !check.fits(value)) return { ok: false, reason: check.problem };
      return ok(value);
    },
    accept(value) {
      if (typeof value !== 'string') return undefined;
      return !check || check.fits(value) ? value : undefined;
    },
    formatValue: (value) => value,
    compareValues: (a, b) => collator.compare(a, b),
  });
}
