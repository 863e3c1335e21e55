import { collator, defineFieldType } from './base';

function acceptIds(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.every((v) => typeof v === 'string' && v !== '') ? (value as string[]) : undefined;
}

/**
 * Links to records of another table, stored as record ids. Not typed into for now (the UI
 * picks records); format joins the ids and the UI shows the linked records' titles instead.
 */
export const linkField = defineFieldType<string[]>({
  type: 'link',
  editable: false,
  defaultOptions: () => ({}),
  parseText: () => ({ ok: false, reason: 'readOnly' }),
  accept: acceptIds,
  formatValue: (value) => value.join(', '),
  compareValues: (a, b) => collator.compare(a.join(','), b.join(',')) || a.length - b.length,
});
