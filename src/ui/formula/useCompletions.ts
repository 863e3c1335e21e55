/**
 * The suggestion state of the formula editor: what suggestCompletions offers at the caret,
 * which item is highlighted, whether Esc dismissed the popup, and accepting an item.
 */
import { useMemo, useState } from 'react';
import type { CompletionItem, Completions } from '../../domain/formula';
import { FORMULA_FUNCTIONS, suggestCompletions } from '../../domain/formula';
import type { FieldId } from '../../domain/ids';
import type { Field } from '../../domain/model';

export interface CompletionState {
  completions: Completions | null;
  active: number;
  open: boolean;
  setCaret: (caret: number | null) => void;
  move: (delta: 1 | -1) => void;
  setActive: (index: number) => void;
  dismiss: () => void;
  /** Typing re-opens a popup that Esc closed. */
  reopen: () => void;
  /** The edit that accepts `item` in `value`. */
  apply: (value: string, item: CompletionItem) => CompletionEdit;
}

/** Accepting a suggestion: `insert` replaces `from`–`to`, giving `value`, with the caret at `caret`. */
export interface CompletionEdit {
  value: string;
  caret: number;
  from: number;
  to: number;
  insert: string;
}

/** The text with `item` put over the range the completions replace. */
export function applyCompletion(
  value: string,
  completions: Completions,
  item: CompletionItem,
): CompletionEdit {
  const { from, to } = completions;
  let insert = item.insertText;
  // `RO|UND(…` accepted as ROUND: keep the parenthesis that is already there.
  if (insert.endsWith('(') && value[to] === '(') insert = insert.slice(0, -1);
  const next = value.slice(0, from) + insert + value.slice(to);
  const caret = from + insert.length + (insert === item.insertText ? 0 : 1);
  return { value: next, caret, from, to, insert };
}

export function useCompletions(
  value: string,
  fields: readonly Field[],
  ownFieldId: FieldId | undefined,
): CompletionState {
  const [caret, setCaretState] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const completions = useMemo(
    () =>
      caret === null
        ? null
        : suggestCompletions(value, caret, fields, FORMULA_FUNCTIONS, { ownFieldId }),
    [value, caret, fields, ownFieldId],
  );
  const count = completions?.items.length ?? 0;
  const open = !dismissed && count > 0;
  const index = Math.min(active, Math.max(0, count - 1));
  return {
    completions,
    active: index,
    open,
    setCaret: (next) => {
      if (next !== caret) {
        setCaretState(next);
        setActive(0);
      }
    },
    move: (delta) => setActive(count === 0 ? 0 : (index + delta + count) % count),
    setActive,
    dismiss: () => setDismissed(true),
    reopen: () => setDismissed(false),
    apply: (text, item) => {
      setDismissed(false);
      return completions
        ? applyCompletion(text, completions, item)
        : { value: text, caret: 0, from: 0, to: 0, insert: '' };
    },
  };
}
