/**
 * What the column UI knows about each field type: which ones the picker offers, the glyph
 * shown in headers and the picker, and which option editors a type needs.
 */
import type { DateFormat, FieldType } from '../../domain/model';
import { FIELD_TYPES } from '../../domain/model';

/** Link, lookup, roll-up and formula columns arrive with their own dialogs later. */
const NOT_YET_PICKABLE: readonly FieldType[] = ['formula', 'link', 'lookup', 'rollup'];

export const PICKABLE_FIELD_TYPES: readonly FieldType[] = FIELD_TYPES.filter(
  (t) => !NOT_YET_PICKABLE.includes(t),
);

/** The picker's types; formula only when the dialog was given the engine's formula support. */
export function listPickableTypes(withFormula: boolean): readonly FieldType[] {
  if (!withFormula) return PICKABLE_FIELD_TYPES;
  return FIELD_TYPES.filter((t) => t === 'formula' || !NOT_YET_PICKABLE.includes(t));
}

/** Plain symbols, not emoji: they render in every system font, in the header's text colour. */
const GLYPHS: Record<FieldType, string> = {
  text: 'A',
  longText: '¶',
  number: '#',
  currency: '¥',
  percent: '%',
  date: '▦',
  dateTime: '◷',
  singleSelect: '◉',
  multiSelect: '☰',
  checkbox: '☑',
  phone: '☎',
  email: '@',
  url: '↗',
  rating: '★',
  link: '⇄',
  lookup: '⤷',
  rollup: 'Σ',
  formula: 'ƒ',
  autoNumber: '№',
  createdTime: '⏱',
  modifiedTime: '✎',
};

/** Every type's glyph, once: the font warm-up measures them (see ui/fontWarmup). */
export const TYPE_GLYPHS: string = [...new Set(Object.values(GLYPHS))].join('');

export function getTypeGlyph(type: FieldType): string {
  return GLYPHS[type];
}

export const DATE_FORMATS: readonly DateFormat[] = [
  'YYYY-MM-DD',
  'YYYY/MM/DD',
  'YYYY年M月D日',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
];

/** The format applied to one fixed day, so the picker shows what dates will look like. */
export function formatExampleDate(format: DateFormat): string {
  return format
    .replace('YYYY', '2025')
    .replace('MM', '03')
    .replace('DD', '08')
    .replace('M', '3')
    .replace('D', '8');
}

export const CURRENCY_SUGGESTIONS: readonly string[] = ['¥', '$', '€', 'HK$', 'NT$'];

export const MAX_DECIMALS = 6;
export const MAX_RATING = 10;

export function isSelectType(type: FieldType): boolean {
  return type === 'singleSelect' || type === 'multiSelect';
}

export function hasDecimals(type: FieldType): boolean {
  return type === 'number' || type === 'currency' || type === 'percent';
}

export function hasDateFormat(type: FieldType): boolean {
  return type === 'date' || type === 'dateTime';
}
