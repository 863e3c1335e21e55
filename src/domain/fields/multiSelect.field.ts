import type { Field } from '../model';
import { defineFieldType, ok } from './base';
import { findChoice, joinChoiceNames, splitChoiceText } from './choices';

/** Every name must be a choice; returns canonical names, or undefined if one is not. */
function matchAll(names: readonly unknown[], field: Field): string[] | undefined {
  const result: string[] = [];
  for (const name of names) {
    const choice = typeof name === 'string' ? findChoice(field, name) : undefined;
    if (!choice) return undefined;
    if (!result.includes(choice.name)) result.push(choice.name);
  }
  return result;
}

function positions(names: string[], field: Field): number[] {
  return names.map((n) => findChoice(field, n)?.index ?? 0).sort((x, y) => x - y);
}

/**
 * Tags: several choices, stored as their names. Typed text is split on , ， 、 ; ；.
 * Sorted by the first differing choice position (choice order), then by count.
 */
export const multiSelectField = defineFieldType<string[]>({
  type: 'multiSelect',
  defaultOptions: () => ({ choices: [] }),
  parseText(text, field) {
    const names = matchAll(splitChoiceText(text), field);
    return names && names.length > 0 ? ok(names) : { ok: false, reason: 'notChoice' };
  },
  accept: (value, field) =>
    Array.isArray(value) && value.length > 0 ? matchAll(value, field) : undefined,
  formatValue: (value) => joinChoiceNames(value),
  compareValues(a, b, field) {
    const pa = positions(a, field);
    const pb = positions(b, field);
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      const d = (pa[i] ?? 0) - (pb[i] ?? 0);
      if (d !== 0) return d;
    }
    return pa.length - pb.length;
  },
});
