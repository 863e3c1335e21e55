/** Undo/redo stacks of commands. Pure: `push`, `undo` and `redo` return new histories. */
import type { Command } from './changes';
import { invertCommand } from './changes';

export interface History {
  undo: readonly Command[];
  redo: readonly Command[];
}

export const EMPTY_HISTORY: History = { undo: [], redo: [] };
const LIMIT = 200;

export function pushCommand(h: History, command: Command): History {
  const undo = [...h.undo, command];
  return { undo: undo.length > LIMIT ? undo.slice(undo.length - LIMIT) : undo, redo: [] };
}

/** The command to apply to undo the last one, and the history after it. */
export function takeUndo(h: History): { apply: Command; history: History } | null {
  const last = h.undo.at(-1);
  if (!last) return null;
  return {
    apply: invertCommand(last),
    history: { undo: h.undo.slice(0, -1), redo: [...h.redo, last] },
  };
}

export function takeRedo(h: History): { apply: Command; history: History } | null {
  const last = h.redo.at(-1);
  if (!last) return null;
  return { apply: last, history: { undo: [...h.undo, last], redo: h.redo.slice(0, -1) } };
}
