/**
 * Sizes the grid and the first screen share: row and header heights, and starting column widths
 * that fit typical content of each type (users resize; the view keeps it).
 */
import type { Field } from '../domain/model';

export const ROW_HEIGHT = 34;
export const HEADER_HEIGHT = 36;

const DEFAULT_WIDTHS: Partial<Record<Field['type'], number>> = {
  longText: 240,
  multiSelect: 220,
  email: 200,
  url: 200,
  dateTime: 160,
  date: 120,
  checkbox: 96,
  rating: 130,
  number: 110,
  percent: 100,
  autoNumber: 90,
};

export function defaultColumnWidth(field: Field, isPrimary: boolean): number {
  return isPrimary ? 160 : (DEFAULT_WIDTHS[field.type] ?? 140);
}
