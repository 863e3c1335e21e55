import { collator, defineFieldType, ok } from './base';
import { findChoice } from './choices';

/**
 * One choice, stored as its name. Text that names no choice does not fit: the UI and the
 * importer offer to add it as a new choice. Sorted by the order of the choices.
 */
export const singleSelectField = defineFieldType<string>({
  type: 'singleSelect',
  defaultOptions: () => ({ choices: [] }),
  parseText(text, field) {
    const choice = findChoice(field, text);
    return choice ? ok(choice.name) : { ok: false, reason: 'notChoice' };
  },
  accept: (value, field) =>
    typeof value === 'string' ? findChoice(field, value)?.name : undefined,
  formatValue: (value) => value,
  compareValues(a, b, field) {
    const ia = findChoice(field, a)?.index ?? 0;
    const ib = findChoice(field, b)?.index ?? 0;
    return ia - ib || collator.compare(a, b);
  },
});
