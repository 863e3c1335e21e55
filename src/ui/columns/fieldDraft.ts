/**
 * The add/edit column form's state as plain data: switching types, editing select choices,
 * and checking the draft before it is submitted. No React here, so it is easy to test.
 */
import type { FieldNameProblem } from '../../domain/commands/fieldCommands';
import { getFieldType } from '../../domain/fields';
import { newOptionId } from '../../domain/ids';
import type { FieldOptions, FieldType, OptionColor, SelectOption } from '../../domain/model';
import { OPTION_COLORS } from '../../domain/model';
import { isSelectType } from './fieldTypeMeta';

export interface FieldDraft {
  name: string;
  type: FieldType;
  options: FieldOptions;
}

export type ChoiceProblem = 'choiceEmpty' | 'choiceDuplicate';
export type DraftProblem = FieldNameProblem | ChoiceProblem;

/**
 * Options for `type` when the user picks it: the type's defaults, except that going back to
 * the column's original type restores its options and select ↔ tags keep their choices.
 */
export function switchDraftType(
  draft: FieldDraft,
  type: FieldType,
  original?: FieldDraft,
): FieldDraft {
  if (original && original.type === type) return { ...draft, type, options: original.options };
  const options = getFieldType(type).defaultOptions();
  if (isSelectType(type) && isSelectType(draft.type) && draft.options.choices) {
    return { ...draft, type, options: { ...options, choices: draft.options.choices } };
  }
  return { ...draft, type, options };
}

const keyOf = (name: string) => name.trim().toLocaleLowerCase();

/** One entry per choice: null when fine. */
export function findChoiceProblems(choices: readonly SelectOption[]): (ChoiceProblem | null)[] {
  const seen = new Set<string>();
  return choices.map((c) => {
    const key = keyOf(c.name);
    if (key === '') return 'choiceEmpty';
    if (seen.has(key)) return 'choiceDuplicate';
    seen.add(key);
    return null;
  });
}

/** The first problem that blocks saving, name first. */
export function findDraftProblem(
  draft: FieldDraft,
  nameProblem: FieldNameProblem | null,
): DraftProblem | null {
  if (nameProblem) return nameProblem;
  if (!isSelectType(draft.type)) return null;
  return findChoiceProblems(draft.options.choices ?? []).find((p) => p !== null) ?? null;
}

/** The draft as submitted: trimmed names, only the options the type uses. */
export function finishDraft(draft: FieldDraft): FieldDraft {
  const options: FieldOptions = { ...draft.options };
  if (options.choices)
    options.choices = options.choices.map((c) => ({ ...c, name: c.name.trim() }));
  if (options.currencySymbol !== undefined)
    options.currencySymbol = options.currencySymbol.trim() || '¥';
  return { name: draft.name.trim(), type: draft.type, options };
}

function nextColor(choices: readonly SelectOption[]): OptionColor {
  const used = new Set(choices.map((c) => c.color));
  const free = OPTION_COLORS.find((c) => c !== 'gray' && !used.has(c));
  return free ?? OPTION_COLORS[choices.length % OPTION_COLORS.length] ?? 'gray';
}

export function addChoice(choices: readonly SelectOption[]): SelectOption[] {
  return [...choices, { id: newOptionId(), name: '', color: nextColor(choices) }];
}

export function updateChoice(
  choices: readonly SelectOption[],
  index: number,
  patch: Partial<Pick<SelectOption, 'name' | 'color'>>,
): SelectOption[] {
  return choices.map((c, i) => (i === index ? { ...c, ...patch } : c));
}

export function removeChoice(choices: readonly SelectOption[], index: number): SelectOption[] {
  return choices.filter((_, i) => i !== index);
}

/** Swaps a choice with its neighbour; out-of-range moves change nothing. */
export function moveChoice(
  choices: readonly SelectOption[],
  index: number,
  delta: -1 | 1,
): SelectOption[] {
  const target = index + delta;
  const a = choices[index];
  const b = choices[target];
  if (!a || !b) return [...choices];
  const next = [...choices];
  next[index] = b;
  next[target] = a;
  return next;
}
