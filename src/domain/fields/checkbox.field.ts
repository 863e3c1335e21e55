import type { Language } from '../model';
import { normaliseWidth } from '../numbers';
import { defineFieldType, ok } from './base';

const TRUE_WORDS = new Set([
  'true',
  'yes',
  'y',
  '1',
  '是',
  '对',
  '√',
  '✓',
  '✔',
  'x',
  'checked',
  'on',
]);
const FALSE_WORDS = new Set([
  'false',
  'no',
  'n',
  '0',
  '否',
  '错',
  '×',
  '✗',
  '✘',
  'unchecked',
  'off',
]);

/** "是" / "yes" / "√" … → true; "否" / "no" / "×" … → false; anything else → undefined. */
export function readBooleanText(text: string): boolean | undefined {
  const word = normaliseWidth(text).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

export function booleanText(value: boolean, language: Language): string {
  if (language === 'zh-CN') return value ? '是' : '否';
  return value ? 'yes' : 'no';
}

/** Ticked or not. Shown as ✓ (the grid draws a box); copied as 是/否 or yes/no. */
export const checkboxField = defineFieldType<boolean>({
  type: 'checkbox',
  defaultOptions: () => ({}),
  parseText(text) {
    const value = readBooleanText(text);
    return value === undefined ? { ok: false, reason: 'notBoolean' } : ok(value);
  },
  accept: (value) => (typeof value === 'boolean' ? value : undefined),
  formatValue: (value) => (value ? '✓' : ''),
  textValue: (value, _field, ctx) => booleanText(value, ctx.language),
  compareValues: (a, b) => Number(a) - Number(b),
});
