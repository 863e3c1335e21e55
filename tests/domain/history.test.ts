import type { Command } from '../../src/domain/changes';
import { invertCommand } from '../../src/domain/changes';
import type { History } from '../../src/domain/history';
import { EMPTY_HISTORY, pushCommand, takeRedo, takeUndo } from '../../src/domain/history';
import type { FieldId, RecordId, TableId } from '../../src/domain/ids';

const T = 'tbl_t' as TableId;
const F = 'fld_f' as FieldId;

/** A command that sets one cell from `n - 1` to `n`, so each is distinguishable. */
function cmd(n: number): Command {
  return {
    label: `label.${n}`,
    at: n,
    changes: [
      {
        kind: 'cell',
        tableId: T,
        recordId: 'rec_1' as RecordId,
        fieldId: F,
        before: n - 1,
        after: n,
      },
      {
        kind: 'cell',
        tableId: T,
        recordId: 'rec_2' as RecordId,
        fieldId: F,
        before: 'a',
        after: 'b',
      },
    ],
  };
}

function pushAll(h: History, ...commands: Command[]): History {
  return commands.reduce(pushCommand, h);
}

describe('history', () => {
  it('starts empty: nothing to undo or redo', () => {
    expect(takeUndo(EMPTY_HISTORY)).toBeNull();
    expect(takeRedo(EMPTY_HISTORY)).toBeNull();
  });

  it('push adds to the undo stack without mutating the old history', () => {
    const h1 = pushCommand(EMPTY_HISTORY, cmd(1));
    const h2 = pushCommand(h1, cmd(2));
    expect(h1.undo).toEqual([cmd(1)]);
    expect(h2.undo).toEqual([cmd(1), cmd(2)]);
    expect(EMPTY_HISTORY.undo).toEqual([]);
  });

  it('undo gives the inverse of the last command and moves it to the redo stack', () => {
    const c1 = cmd(1);
    const c2 = cmd(2);
    const step = takeUndo(pushAll(EMPTY_HISTORY, c1, c2));
    expect(step?.apply).toEqual(invertCommand(c2));
    expect(step?.apply.changes[0]).toMatchObject({ recordId: 'rec_2', before: 'b', after: 'a' });
    expect(step?.history.undo).toEqual([c1]);
    expect(step?.history.redo).toEqual([c2]);
  });

  it('redo after undo gives back the original command', () => {
    const c1 = cmd(1);
    const undone = takeUndo(pushCommand(EMPTY_HISTORY, c1));
    if (!undone) throw new Error('expected an undo step');
    const redone = takeRedo(undone.history);
    expect(redone?.apply).toBe(c1);
    expect(redone?.history).toEqual({ undo: [c1], redo: [] });
  });

  it('undoes several steps last-first and redoes them first-first', () => {
    let h = pushAll(EMPTY_HISTORY, cmd(1), cmd(2), cmd(3));
    const undone: string[] = [];
    for (let step = takeUndo(h); step; step = takeUndo(h)) {
      undone.push(step.apply.label);
      h = step.history;
    }
    expect(undone).toEqual(['label.3', 'label.2', 'label.1']);
    const redone: number[] = [];
    for (let step = takeRedo(h); step; step = takeRedo(h)) {
      redone.push(step.apply.at);
      h = step.history;
    }
    expect(redone).toEqual([1, 2, 3]);
    expect(h.undo.map((c) => c.at)).toEqual([1, 2, 3]);
  });

  it('a new command clears the redo stack', () => {
    const step = takeUndo(pushAll(EMPTY_HISTORY, cmd(1), cmd(2)));
    if (!step) throw new Error('expected an undo step');
    expect(step.history.redo).toHaveLength(1);
    const h = pushCommand(step.history, cmd(9));
    expect(h.redo).toEqual([]);
    expect(h.undo.map((c) => c.at)).toEqual([1, 9]);
    expect(takeRedo(h)).toBeNull();
  });

  it('keeps only the last 200 commands', () => {
    let h = EMPTY_HISTORY;
    for (let i = 1; i <= 205; i++) h = pushCommand(h, cmd(i));
    expect(h.undo).toHaveLength(200);
    expect(h.undo[0]?.at).toBe(6);
    expect(h.undo.at(-1)?.at).toBe(205);
    let undos = 0;
    for (let step = takeUndo(h); step; step = takeUndo(h)) {
      undos += 1;
      h = step.history;
    }
    expect(undos).toBe(200);
  });
});
