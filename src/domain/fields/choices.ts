/**
 * Select choices: matching typed names to the field's choices (case-insensitive, trimmed),
 * splitting multi-select text, sort positions, and creating missing choices on retype.
 */
import { newOptionId } from '../ids';
import type { Field, SelectOption } from '../model';
import { OPTION_COLORS } from '../model';

interface ChoiceEntry {
  index: number;
  name: string;
}

/** Built once per choices array: sorts compare thousands of cells against the same list. */
const indexCache = new WeakMap<SelectOption[], Map<string, ChoiceEntry>>();

const keyOf = (name: string): string => name.trim().toLocaleLowerCase();

function indexChoices(choices: SelectOption[]): Map<string, ChoiceEntry> {
  let index = indexCache.get(choices);
  if (!index) {
    index = new Map();
    choices.forEach((choice, i) => {
      const key = keyOf(choice.name);
      if (!index?.has(key)) index?.set(key, { index: i, name: choice.name });
    });
    indexCache.set(choices, index);
  }
  return index;
}

/** The choice a typed name means, or undefined. */
export function findChoice(field: Field, name: string): ChoiceEntry | undefined {
  const choices = field.options.choices;
  return choices ? indexChoices(choices).get(keyOf(name)) : undefined;
}

/** Multi-select text: "a, b、c；d" → ['a', 'b', 'c', 'd'] (trimmed, no empties, no repeats). */
export function splitChoiceText(text: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const part of text.split(/[,，、;；\n]/)) {
    const name = part.trim();
    if (name !== '' && !seen.has(keyOf(name))) {
      seen.add(keyOf(name));
      names.push(name);
    }
  }
  return names;
}

export function joinChoiceNames(names: readonly string[]): string {
  return names.join(', ');
}

/** Returns `choices` plus a new choice for every name not among them (colours round-robin). */
export function addMissingChoices(
  choices: SelectOption[],
  names: Iterable<string>,
): SelectOption[] {
  const result = [...choices];
  const known = new Set(choices.map((c) => keyOf(c.name)));
  for (const raw of names) {
    const name = raw.trim();
    if (name === '' || known.has(keyOf(name))) continue;
    known.add(keyOf(name));
    const color = OPTION_COLORS[result.length % OPTION_COLORS.length] ?? 'gray';
    result.push({ id: newOptionId(), name, color });
  }
  return result;
}
