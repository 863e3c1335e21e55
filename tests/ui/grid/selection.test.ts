import { describe, expect, it, vi } from 'vitest';
import type { RecordId } from '../../../src/domain/ids';
import type { ShownRows } from '../../../src/ui/grid/selection';
import { RowSelection } from '../../../src/ui/grid/selection';

function rows(...ids: string[]): ShownRows {
  return {
    count: ids.length,
    ids: () => ids as RecordId[],
    indexOf: (id) => ids.indexOf(id),
    rowAt: (i) => (ids[i] === undefined ? undefined : { id: ids[i] as RecordId }),
  };
}
const id = (s: string) => s as RecordId;

describe('RowSelection', () => {
  it('ticks and clears single rows and tells its listeners', () => {
    const s = new RowSelection();
    const heard = vi.fn();
    s.subscribe(heard);
    const shown = rows('a', 'b', 'c');
    s.toggle(id('b'), shown, false);
    expect(s.list()).toEqual(['b']);
    s.toggle(id('b'), shown, false);
    expect(s.size).toBe(0);
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it('shift ticks the run of shown rows from the last ticked one, in either direction', () => {
    const s = new RowSelection();
    const shown = rows('a', 'b', 'c', 'd', 'e');
    s.toggle(id('d'), shown, false);
    s.toggle(id('b'), shown, true);
    expect(s.list().sort()).toEqual(['b', 'c', 'd']);
    s.toggle(id('e'), shown, true);
    expect(s.list().sort()).toEqual(['b', 'c', 'd', 'e']);
  });

  it('a search that hides ticked rows unticks them and tells its listeners once', () => {
    const s = new RowSelection();
    const all = rows('a', 'b', 'c', 'd');
    s.toggle(id('a'), all, false);
    s.toggle(id('c'), all, true);
    const heard = vi.fn();
    s.subscribe(heard);
    s.keepShown(rows('b', 'c', 'd'));
    expect(s.list().sort()).toEqual(['b', 'c']);
    expect(heard).toHaveBeenCalledTimes(1);
    // Nothing hidden: nothing changes, nobody is told.
    s.keepShown(rows('a', 'b', 'c', 'd'));
    expect(heard).toHaveBeenCalledTimes(1);
    // The anchor went with its row: shift-click now ticks one row.
    s.keepShown(rows('d'));
    expect(s.size).toBe(0);
    s.toggle(id('d'), all, true);
    expect(s.list()).toEqual(['d']);
  });

  it('the header box ticks every shown row, then clears, and says some/all/none', () => {
    const s = new RowSelection();
    const shown = rows('a', 'b', 'c');
    expect(s.headerState(shown)).toBe('none');
    s.toggle(id('a'), shown, false);
    expect(s.headerState(shown)).toBe('some');
    s.toggleAll(shown);
    expect(s.headerState(shown)).toBe('all');
    // A search shows fewer rows: they are all ticked.
    expect(s.headerState(rows('a', 'c'))).toBe('all');
    s.toggleAll(shown);
    expect(s.size).toBe(0);
  });

  it('forgets deleted rows', () => {
    const s = new RowSelection();
    const shown = rows('a', 'b');
    s.toggleAll(shown);
    s.drop([id('a')]);
    expect(s.list()).toEqual(['b']);
    const heard = vi.fn();
    s.subscribe(heard);
    s.drop([id('zzz')]);
    expect(heard).not.toHaveBeenCalled();
  });
});
