import type { SuppressKeyboardEventParams } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import type { RecordId } from '../../../src/domain/ids';
import type { TableRecord } from '../../../src/domain/model';
import { cellKeyHandler } from '../../../src/ui/grid/cellKeys';
import { SELECT_COLUMN } from '../../../src/ui/grid/GutterColumns';
import type { ShownRows } from '../../../src/ui/grid/selection';
import { RowSelection } from '../../../src/ui/grid/selection';

const ids = ['a', 'b', 'c'] as RecordId[];
const shown: ShownRows = {
  count: 3,
  ids: () => ids,
  indexOf: (id) => ids.indexOf(id),
  rowAt: (i) => (ids[i] ? { id: ids[i] } : undefined),
};
const press = (key: string, colId: string, id: string, extra: Partial<KeyboardEvent> = {}) =>
  ({
    event: { type: 'keydown', key, shiftKey: false, ctrlKey: false, metaKey: false, ...extra },
    editing: false,
    colDef: { colId },
    data: { id } as TableRecord,
  }) as unknown as SuppressKeyboardEventParams<TableRecord>;

describe('cellKeyHandler', () => {
  it('ticks a row with Space in the checkbox column, and a run with Shift+Space', () => {
    const selection = new RowSelection();
    const handle = cellKeyHandler(selection, () => shown);
    expect(handle(press(' ', SELECT_COLUMN, 'a'))).toBe(true);
    expect(handle(press(' ', SELECT_COLUMN, 'c', { shiftKey: true }))).toBe(true);
    expect(selection.list().sort()).toEqual(['a', 'b', 'c']);
  });

  it('leaves other keys and other columns to the grid, and takes undo everywhere', () => {
    const selection = new RowSelection();
    const handle = cellKeyHandler(selection, () => shown);
    expect(handle(press('ArrowDown', SELECT_COLUMN, 'a'))).toBe(false);
    expect(handle(press(' ', 'fld_x', 'a'))).toBe(false);
    expect(handle(press('z', '__row', 'a', { ctrlKey: true }))).toBe(true);
    expect(selection.size).toBe(0);
  });
});
