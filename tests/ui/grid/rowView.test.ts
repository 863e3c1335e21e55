import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/domain/changes';
import type { FieldId, RecordId, TableId } from '../../../src/domain/ids';
import type { TableRecord } from '../../../src/domain/model';
import { RecordStore } from '../../../src/state/recordStore';
import type { RowViewChange, RowViewSpec, SortKey } from '../../../src/ui/grid/rowView';
import { RowView, SHOW_ALL } from '../../../src/ui/grid/rowView';

const TABLE = 'tbl_a' as TableId;
const AMOUNT = 'fld_amount' as FieldId;
const NAME = 'fld_name' as FieldId;

const record = (id: string, order: number, amount: number | null, name = id): TableRecord => ({
  id: id as RecordId,
  tableId: TABLE,
  order,
  values: { [AMOUNT]: amount, [NAME]: name },
  createdAt: 0,
  modifiedAt: 0,
});

const byAmount = (descending = false): SortKey => ({
  fieldId: AMOUNT,
  read: (r) => r.values[AMOUNT],
  compare: (a, b) => (a as number) - (b as number),
  descending,
});

const sorted = (...keys: SortKey[]): RowViewSpec => ({
  sorts: keys,
  filter: null,
  reads: new Set(keys.map((k) => k.fieldId)),
});

function setUp(records: TableRecord[]) {
  const store = new RecordStore(TABLE);
  store.reset(records, true);
  const changes: RowViewChange[] = [];
  const view = new RowView(store, (c) => changes.push(c));
  store.subscribe((d) => view.storeChanged(d));
  const shown = () => view.ids() as string[];
  const edit = (id: string, amount: number | null) => {
    const change: Change = {
      kind: 'cell',
      tableId: TABLE,
      recordId: id as RecordId,
      fieldId: AMOUNT,
      before: null,
      after: amount,
    };
    store.apply([change], 1);
  };
  return { store, view, changes, shown, edit };
}

const five = () => [
  record('a', 1, 30),
  record('b', 2, 10),
  record('c', 3, null),
  record('d', 4, 50),
  record('e', 5, 10),
];

describe('RowView', () => {
  it('shows every record in table order at once when nothing sorts or searches', () => {
    const { view, shown, changes } = setUp(five());
    view.setSpec(SHOW_ALL);
    expect(shown()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(view.busy).toBe(false);
    expect(changes).toEqual([{ kind: 'rows' }]);
  });

  it('sorts ascending and descending with empty cells last both ways, ties in table order', async () => {
    const { view, shown } = setUp(five());
    view.setSpec(sorted(byAmount()));
    expect(view.busy).toBe(true);
    await view.whenCurrent();
    expect(shown()).toEqual(['b', 'e', 'a', 'd', 'c']);
    view.setSpec(sorted(byAmount(true)));
    await view.whenCurrent();
    expect(shown()).toEqual(['d', 'a', 'b', 'e', 'c']);
  });

  it('sorts by a second key within ties of the first', async () => {
    const { view, shown } = setUp([
      record('a', 1, 10, 'z'),
      record('b', 2, 20, 'y'),
      record('c', 3, 10, 'x'),
    ]);
    const byName: SortKey = {
      fieldId: NAME,
      read: (r) => r.values[NAME],
      compare: (a, b) => String(a).localeCompare(String(b)),
      descending: false,
    };
    view.setSpec(sorted(byAmount(), byName));
    await view.whenCurrent();
    expect(shown()).toEqual(['c', 'a', 'b']);
  });

  it('shows only the records the search keeps, in the sort order', async () => {
    const { view, shown } = setUp(five());
    view.setSpec({
      sorts: [byAmount(true)],
      filter: (r) => (r.values[AMOUNT] as number | null) !== 10,
      reads: new Set([AMOUNT]),
    });
    await view.whenCurrent();
    expect(shown()).toEqual(['d', 'a', 'c']);
    expect(view.count).toBe(3);
    expect(view.indexOf('a' as RecordId)).toBe(1);
    expect(view.indexOf('b' as RecordId)).toBe(-1);
  });

  it('places an edited row again where its new value belongs, and drops it when the search no longer keeps it', async () => {
    const { view, shown, edit, changes } = setUp(five());
    view.setSpec({
      sorts: [byAmount()],
      filter: (r) => (r.values[AMOUNT] as number | null) !== 99,
      reads: new Set([AMOUNT]),
    });
    await view.whenCurrent();
    changes.length = 0;
    edit('b', 40);
    await view.whenCurrent();
    // The new value first (the cell on screen), then the rows in their new order.
    expect(changes.map((c) => c.kind)).toEqual(['patched', 'rows']);
    expect(shown()).toEqual(['e', 'a', 'b', 'd', 'c']);
    expect(view.rowAt(2)?.values[AMOUNT]).toBe(40);
    edit('b', 99);
    await view.whenCurrent();
    expect(shown()).toEqual(['e', 'a', 'd', 'c']);
    edit('b', 5);
    await view.whenCurrent();
    expect(shown()).toEqual(['b', 'e', 'a', 'd', 'c']);
  });

  it('patches edited rows in place when nothing sorts or searches', () => {
    const { view, changes, edit } = setUp(five());
    view.setSpec(SHOW_ALL);
    changes.length = 0;
    edit('c', 7);
    expect(changes).toHaveLength(1);
    const change = changes[0];
    expect(change?.kind).toBe('patched');
    expect(view.rowAt(2)?.values[AMOUNT]).toBe(7);
  });

  it('works out added and deleted rows again', async () => {
    const { store, view, shown } = setUp(five());
    view.setSpec(sorted(byAmount()));
    await view.whenCurrent();
    store.apply([{ kind: 'record', id: 'f' as RecordId, after: record('f', 6, 20) }], 1);
    await view.whenCurrent();
    expect(shown()).toEqual(['b', 'e', 'f', 'a', 'd', 'c']);
    store.apply([{ kind: 'record', id: 'a' as RecordId, before: record('a', 1, 30) }], 1);
    await view.whenCurrent();
    expect(shown()).toEqual(['b', 'e', 'f', 'd', 'c']);
  });

  it('follows values it reads outside the records (formula results), a few rows or all', async () => {
    const results = new Map<string, number>([
      ['a', 3],
      ['b', 1],
      ['c', 2],
    ]);
    const byResult: SortKey = {
      fieldId: 'fld_m',
      read: (r) => results.get(r.id),
      compare: (a, b) => (a as number) - (b as number),
      descending: false,
    };
    const { view, shown } = setUp(five().slice(0, 3));
    view.setSpec(sorted(byResult));
    await view.whenCurrent();
    expect(shown()).toEqual(['b', 'c', 'a']);
    expect(view.valuesChanged(['fld_other'], null)).toBe(false);
    results.set('a', 0);
    expect(view.valuesChanged(['fld_m'], ['a' as RecordId])).toBe(true);
    await view.whenCurrent();
    expect(shown()).toEqual(['a', 'b', 'c']);
    results.set('a', 9).set('b', 8).set('c', 7);
    view.valuesChanged(['fld_m'], null);
    await view.whenCurrent();
    expect(shown()).toEqual(['c', 'b', 'a']);
  });

  it('keeps only the latest spec when specs change faster than a large view sorts', async () => {
    const many = Array.from({ length: 30_000 }, (_, i) => record(`r${i}`, i, (i * 7919) % 1000));
    const { view, changes } = setUp(many);
    view.setSpec(sorted(byAmount()));
    view.setSpec(sorted(byAmount(true)));
    await view.whenCurrent();
    const amounts = Array.from(
      { length: view.count },
      (_, i) => view.rowAt(i)?.values[AMOUNT] as number,
    );
    const expected = many
      .map((r, i) => ({ v: r.values[AMOUNT] as number, i }))
      .sort((x, y) => y.v - x.v || x.i - y.i)
      .map((x) => x.v);
    expect(amounts).toEqual(expected);
    expect(changes.filter((c) => c.kind === 'rows')).toHaveLength(1);
  });
});
