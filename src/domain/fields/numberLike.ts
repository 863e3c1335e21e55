/**
 * Number, currency and percent all store a plain JS number and read the same typed forms
 * (¥1,234.50, 1，234元, ２５%, 1.5万); they differ in how a value is shown.
 */
import type { CellValue, Field, FieldOptions, FieldType } from '../model';
import { parseNumberText } from '../numbers';
import type { FieldTypeModule, TypeContext } from './fieldType';
import { defineFieldType, ok } from './base';

export interface NumberLikeSpec {
  type: FieldType;
  defaultOptions(): FieldOptions;
  /** Typed number (and whether it ended in %) → stored number. */
  scale(value: number, percent: boolean): number;
  formatValue(value: number, field: Field, ctx: TypeContext): string;
  textValue(value: number, field: Field, ctx: TypeContext): string;
}

export function acceptFiniteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function createNumberLikeType(spec: NumberLikeSpec): FieldTypeModule {
  return defineFieldType<number>({
    type: spec.type,
    defaultOptions: spec.defaultOptions,
    parseText(text) {
      const parsed = parseNumberText(text);
      if (!parsed) return { ok: false, reason: 'notNumber' };
      return ok(spec.scale(parsed.value, parsed.percent) satisfies CellValue);
    },
    accept: acceptFiniteNumber,
    formatValue: spec.formatValue,
    textValue: spec.textValue,
    compareValues: (a, b) => a - b,
  });
}
