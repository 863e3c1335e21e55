import type { Change } from '../../src/domain/changes';
import type { FieldId, RecordId, TableId } from '../../src/domain/ids';
import type { TableRecord } from '../../src/domain/model';
import type { RecordDelta } from '../../src/state/recordStore';
import { RecordStore } from '../../src/state/recordStore';

const T = 'tbl_t' as TableId;
const OTHER = 'tbl_other' as TableId;
const F = 'fld_name' as FieldId;
const G = 'fld_note' as FieldId;
const NOW = 9_000;

function rec(
  id: string,
  order: number,
  values: TableRecord['values'] = {},
  tableId = T,
): TableRecord {
  return { id: id as RecordId, tableId, order, values, createdAt: 1, modifiedAt: 2 };
}
const rid = (id: string) => id as RecordId;
const cell = (recordId: string, fieldId: FieldId, before: unknown, after: unknown, tableId = T) =>
  ({ kind: 'cell', tableId, recordId: rid(recordId), fieldId, before, after }) as Change;
const add = (r: TableRecord): Change => ({ kind: 'record', id: r.id, after: r });
const remove = (r: TableRecord): Change => ({ kind: 'record', id: r.id, before: r });

/** A store holding a (0), b (1), c (2), with a listener recording every delta. */
function makeStore() {
  const store = new RecordStore(T);
  store.reset([rec('a', 0, { [F]: 'A' }), rec('b', 1, { [F]: 'B' }), rec('c', 2)], true);
  const deltas: RecordDelta[] = [];
  store.subscribe((d) => deltas.push(d));
  return { store, deltas };
}
const ids = (store: RecordStore) => store.all().map((r) => r.id);

describe('RecordStore basics', () => {
  it('reset replaces the contents, sets completeness and announces a reset', () => {
    const store = new RecordStore(T);
    const deltas: RecordDelta[] = [];
    const off = store.subscribe((d) => deltas.push(d));
    store.reset([rec('x', 0)], false);
    expect(store.size).toBe(1);
    expect(store.complete).toBe(false);
    expect(deltas).toEqual([{ added: [], updated: [], removed: [], reset: true }]);
    off();
    store.reset([], true);
    expect(deltas).toHaveLength(1);
    expect(store.size).toBe(0);
  });

  it('orders records by order, then id, and caches the list until a change', () => {
    const store = new RecordStore(T);
    store.reset([rec('a', 0)], true);
    store.apply([add(rec('z', -1)), add(rec('m', 0.5)), add(rec('b', 0))], NOW);
    expect(ids(store)).toEqual(['z', 'a', 'b', 'm']);
    expect(store.all()).toBe(store.all());
  });
});

describe('RecordStore.apply', () => {
  it('adds, updates and removes whole records and reports each in the delta', () => {
    const { store, deltas } = makeStore();
    const newer = rec('b', 1, { [F]: 'B2' });
    const d = store.apply([add(rec('d', 3)), add(newer), remove(rec('a', 0))], NOW);
    expect(d.added.map((r) => r.id)).toEqual(['d']);
    expect(d.updated).toEqual([newer]);
    expect(d.removed).toEqual(['a']);
    expect(d.reset).toBe(false);
    expect(deltas).toEqual([d]);
    expect(ids(store)).toEqual(['b', 'c', 'd']);
    expect(store.get(rid('b'))).toBe(newer);
  });

  it('patches cells into new record objects, stamping modifiedAt', () => {
    const { store } = makeStore();
    const before = store.get(rid('a'));
    const listBefore = store.all();
    const d = store.apply([cell('a', F, 'A', 'A2'), cell('a', G, undefined, 'note')], NOW);
    const after = store.get(rid('a'));
    expect(after).not.toBe(before);
    expect(before?.values).toEqual({ [F]: 'A' });
    expect(after?.values).toEqual({ [F]: 'A2', [G]: 'note' });
    expect(after?.modifiedAt).toBe(NOW);
    expect(d.updated).toEqual([after]);
    expect(store.all()).not.toBe(listBefore);
    expect(store.all()[0]).toBe(after);
  });

  it('deletes the key when a cell change sets it to undefined', () => {
    const { store } = makeStore();
    store.apply([cell('a', F, 'A', undefined)], NOW);
    expect(store.get(rid('a'))?.values).toStrictEqual({});
  });

  it('ignores changes for other tables and cells of unknown records', () => {
    const { store, deltas } = makeStore();
    const d = store.apply(
      [add(rec('o', 0, {}, OTHER)), cell('a', F, 'A', 'X', OTHER), cell('nope', F, null, 'X')],
      NOW,
    );
    expect(d).toEqual({ added: [], updated: [], removed: [], reset: false });
    expect(deltas).toEqual([]);
    expect(store.size).toBe(3);
    expect(store.get(rid('a'))?.values[F]).toBe('A');
  });

  it('applies cell changes after a record is created in the same command', () => {
    const store = new RecordStore(T);
    const d = store.apply([add(rec('n', 0)), cell('n', F, undefined, 'New')], NOW);
    expect(store.get(rid('n'))?.values).toEqual({ [F]: 'New' });
    expect(d.added.map((r) => r.id)).toEqual(['n']);
    expect(store.all().map((r) => r.values[F])).toEqual(['New']);
  });
});

describe('RecordStore.apply: rows created in an empty table (imports)', () => {
  it('keeps them in table order, finds them by id and takes later edits', () => {
    const store = new RecordStore(T);
    const deltas: RecordDelta[] = [];
    store.subscribe((d) => deltas.push(d));
    const rows = [rec('r2', 2), rec('r0', 0), rec('r1b', 1), rec('r1a', 1)];
    const d = store.apply([...rows.map(add), add(rec('x', 0, {}, OTHER))], NOW);
    expect(ids(store)).toEqual(['r0', 'r1a', 'r1b', 'r2']);
    expect(d.added.map((r) => r.id).sort()).toEqual(['r0', 'r1a', 'r1b', 'r2']);
    expect(deltas).toHaveLength(1);
    expect(store.size).toBe(4);
    expect(store.get(rid('r1b'))).toBe(rows[2]);
    store.apply([cell('r1b', F, undefined, 'edited'), remove(rows[0] as TableRecord)], NOW);
    expect(ids(store)).toEqual(['r0', 'r1a', 'r1b']);
    expect(store.get(rid('r1b'))?.values[F]).toBe('edited');
  });
});

describe('RecordStore.replace (records re-read after another tab wrote them)', () => {
  it('adds, updates and removes by id and re-sorts', () => {
    const { store, deltas } = makeStore();
    const moved = rec('a', 5, { [F]: 'A moved' });
    store.replace([moved, rec('e', 1.5)], [rid('c'), rid('unknown')]);
    expect(ids(store)).toEqual(['b', 'e', 'a']);
    expect(deltas).toHaveLength(1);
    expect(deltas[0]?.updated).toEqual([moved]);
    expect(deltas[0]?.added.map((r) => r.id)).toEqual(['e']);
    expect(deltas[0]?.removed).toEqual(['c']);
  });
});

describe('RecordStore loading', () => {
  it('finishLoad replaces the contents with what was read and marks the store complete', () => {
    const store = new RecordStore(T);
    store.reset([rec('a', 0)], false);
    store.beginLoad();
    store.finishLoad([rec('a', 0), rec('b', 1)]);
    expect(store.complete).toBe(true);
    expect(ids(store)).toEqual(['a', 'b']);
  });

  it('keeps edits, additions and deletions made in memory while the load was reading', () => {
    const store = new RecordStore(T);
    store.reset([rec('a', 0, { [F]: 'old' })], false);
    store.beginLoad();
    // Edits made after the read started: the loaded snapshot does not contain them.
    store.apply([cell('a', F, 'old', 'mine')], NOW);
    store.apply([add(rec('new', 10, { [F]: 'added' }))], NOW);
    store.apply([remove(rec('b', 1))], NOW);
    store.replace([], [rid('c')]);
    const loaded = [rec('a', 0, { [F]: 'old' }), rec('b', 1), rec('c', 2), rec('d', 3)];
    store.finishLoad(loaded);
    expect(ids(store)).toEqual(['a', 'd', 'new']);
    expect(store.get(rid('a'))?.values[F]).toBe('mine');
    expect(store.get(rid('new'))?.values[F]).toBe('added');
  });

  it('forgets the touched set after a load', () => {
    const store = new RecordStore(T);
    store.beginLoad();
    store.apply([add(rec('x', 0))], NOW);
    store.finishLoad([]);
    expect(ids(store)).toEqual(['x']);
    // A second load without edits takes the database's word.
    store.beginLoad();
    store.finishLoad([rec('y', 0)]);
    expect(ids(store)).toEqual(['y']);
  });
});

describe('RecordStore: few changes patch the table order (no re-sort, no id index)', () => {
  it('places an inserted, moved and deleted record by its order, leaving earlier lists alone', () => {
    const store = new RecordStore(T);
    const many = Array.from({ length: 5000 }, (_, i) => rec(`r${i}`, i));
    store.reset(many, true);
    const before = store.all();
    store.apply([add(rec('mid', 2499.5))], NOW);
    const after = store.all();
    expect(after).not.toBe(before);
    expect(before).toHaveLength(5000);
    expect(after[2500]?.id).toBe('mid');
    expect(after).toHaveLength(5001);
    // Moved: the same record with another order (a row dragged to the top).
    store.apply([{ kind: 'record', id: rid('r10'), before: many[10], after: rec('r10', -1) }], NOW);
    expect(store.all()[0]?.id).toBe('r10');
    expect(store.all().filter((r) => r.id === 'r10')).toHaveLength(1);
    store.apply([remove(rec('mid', 2499.5))], NOW);
    expect(store.all().map((r) => r.id)).toEqual([
      'r10',
      ...many.filter((_, i) => i !== 10).map((r) => r.id),
    ]);
    expect(store.get(rid('r4999'))?.order).toBe(4999);
  });

  it('creates and then edits a record in one command, once', () => {
    const { store, deltas } = makeStore();
    store.apply([add(rec('d', 3)), cell('d', F, null, 'D'), cell('a', F, 'A', 'A2')], NOW);
    expect(ids(store)).toEqual(['a', 'b', 'c', 'd']);
    expect(store.get(rid('d'))?.values[F]).toBe('D');
    expect(store.all()[0]?.values[F]).toBe('A2');
    expect(deltas.at(-1)?.added.map((r) => r.id)).toEqual(['d']);
  });

  it('takes many records at once (an undo of a large delete) in table order', () => {
    const store = new RecordStore(T);
    store.reset([rec('a', 0), rec('z', 100)], true);
    const back = Array.from({ length: 100 }, (_, i) =>
      rec(`m${String(i).padStart(3, '0')}`, 99 - i),
    );
    store.apply(back.map(add), NOW);
    expect(ids(store)).toEqual(['a', ...[...back].reverse().map((r) => r.id), 'z']);
  });
});
