import type { SuppressKeyboardEventParams } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import type { RecordId } from '../../../src/domain/ids';
import type { Field, TableRecord } from '../../../src/domain/model';
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
const press = (
  key: string,
  colId: string,
  id: string,
  extra: Partial<KeyboardEvent> = {},
  field?: Field,
) =>
  ({
    event: {
      type: 'keydown',
      key,
      shiftKey: false,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      ...extra,
    },
    editing: false,
    colDef: field ? { colId, editable: false, context: { field, isPrimary: false } } : { colId },
    data: { id, values: {} } as unknown as TableRecord,
  }) as unknown as SuppressKeyboardEventParams<TableRecord>;

describe('cellKeyHandler', () => {
  it('ticks a row with Space in the checkbox column, and a run with Shift+Space', () => {
    const selection = new RowSelection();
    const handle = cellKeyHandler(
      selection,
      () => shown,
      () => undefined,
    );
    expect(handle(press(' ', SELECT_COLUMN, 'a'))).toBe(true);
    expect(handle(press(' ', SELECT_COLUMN, 'c', { shiftKey: true }))).toBe(true);
    expect(selection.list().sort()).toEqual(['a', 'b', 'c']);
  });

  it('leaves other keys and other columns to the grid, and takes undo everywhere', () => {
    const selection = new RowSelection();
    const handle = cellKeyHandler(
      selection,
      () => shown,
      () => undefined,
    );
    expect(handle(press('ArrowDown', SELECT_COLUMN, 'a'))).toBe(false);
    expect(handle(press(' ', 'fld_x', 'a'))).toBe(false);
    expect(handle(press('z', '__row', 'a', { ctrlKey: true }))).toBe(true);
    expect(selection.size).toBe(0);
  });

  it('says why a computed cell takes no typing, F2 or Delete, and leaves moving and links alone', () => {
    const said: string[] = [];
    const handle = cellKeyHandler(
      new RowSelection(),
      () => shown,
      (f) => said.push(f.name),
    );
    const field = (type: Field['type'], name: string) =>
      ({ id: 'fld_f', tableId: 't', name, type, options: {} }) as unknown as Field;
    const tier = field('formula', '会员等级');
    for (const key of ['9', 'a', '会', 'F2', 'Delete', 'Backspace'])
      expect(handle(press(key, 'fld_f', 'a', {}, tier))).toBe(true);
    expect(said).toEqual(Array(6).fill('会员等级'));
    expect(handle(press('1', 'fld_f', 'a', {}, field('createdTime', '创建时间')))).toBe(true);
    expect(said.at(-1)).toBe('创建时间');
    said.length = 0;
    for (const key of ['ArrowDown', 'Enter', 'Tab', ' ', 'Escape'])
      expect(handle(press(key, 'fld_f', 'a', {}, tier))).toBe(false);
    expect(handle(press('c', 'fld_f', 'a', { ctrlKey: true }, tier))).toBe(false);
    // A link is picked, not computed: no such message.
    handle(press('x', 'fld_f', 'a', {}, field('link', '客户')));
    expect(said).toEqual([]);
  });
});
