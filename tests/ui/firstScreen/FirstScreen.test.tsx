import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TableRecord } from '../../../src/domain/model';
import { RecordStore } from '../../../src/state/recordStore';
import { initialState, useAppStore } from '../../../src/state/store';
import { FirstScreen } from '../../../src/ui/FirstScreen';
import { buildSchema, CUSTOMERS, customerRecords, switchLanguage } from '../shell/fixtures';

const stores = vi.hoisted(() => new Map<string, unknown>());
vi.mock('../../../src/state/session', () => ({
  recordStore: (tableId: string) => stores.get(tableId),
}));

let store: RecordStore;
beforeEach(async () => {
  await switchLanguage('en');
  store = new RecordStore(CUSTOMERS);
  stores.set(CUSTOMERS, store);
  useAppStore.setState({ ...initialState, status: 'ready', schema: buildSchema() });
});

function renderScreen(follow: boolean) {
  const schema = buildSchema();
  const table = schema.tables[CUSTOMERS]!;
  const view = Object.values(schema.views)[0]!;
  return render(<FirstScreen table={table} view={view} follow={follow} />);
}

const names = () => screen.queryAllByText(/Alice Wang|Bob Li/).map((el) => el.textContent);

function manyRecords(n: number): TableRecord[] {
  const [first] = customerRecords();
  return Array.from(
    { length: n },
    (_, i) => ({ ...first!, id: `rec_${i}`, order: i }) as TableRecord,
  );
}

describe('FirstScreen', () => {
  it('draws the rows as they are read while it follows the store', () => {
    renderScreen(true);
    expect(names()).toEqual([]);
    act(() => store.reset(customerRecords(), true));
    expect(names()).toEqual(['Alice Wang', 'Bob Li']);
  });

  it('keeps what it shows once the grid is up, instead of drawing the rows twice', () => {
    store.reset(customerRecords().slice(0, 1), false);
    const { rerender } = renderScreen(true);
    expect(names()).toEqual(['Alice Wang']);
    const schema = buildSchema();
    const table = schema.tables[CUSTOMERS]!;
    const view = Object.values(schema.views)[0]!;
    rerender(<FirstScreen table={table} view={view} follow={false} />);
    act(() => store.reset(customerRecords(), true));
    expect(names()).toEqual(['Alice Wang']);
  });

  it('draws only the rows a window of its height shows', () => {
    store.reset(manyRecords(100), true);
    window.innerHeight = 34 * 20;
    renderScreen(true);
    expect(screen.getAllByText('Alice Wang')).toHaveLength(20);
    window.innerHeight = 34 * 200;
    act(() => store.reset(manyRecords(99), true));
    expect(screen.getAllByText('Alice Wang')).toHaveLength(40);
  });
});
