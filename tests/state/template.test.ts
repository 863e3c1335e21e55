import { listTables } from '../../src/domain/schemaState';
import { ensureRecords, recordStore, redo, undo } from '../../src/state/session';
import { useAppStore } from '../../src/state/store';
import { createWorkspace, removeSampleData } from '../../src/state/workspace';
import { expectStoredMatchesMemory, readStored, resetApp, schemaNow } from './helpers';

beforeEach(resetApp);
afterEach(resetApp);

async function openTemplate(): Promise<void> {
  await createWorkspace({
    kind: 'template',
    language: 'en',
    names: { workspace: 'W', table: 'T', primaryField: 'Name', view: 'All' },
  });
  for (const t of listTables(schemaNow())) await ensureRecords(t.id);
}

const counts = () => listTables(schemaNow()).map((t) => recordStore(t.id).size);

describe('the shop template workspace', () => {
  it('creates three sample tables with 200 customers, stored and open', async () => {
    await openTemplate();
    const tables = listTables(schemaNow());
    expect(tables).toHaveLength(3);
    expect(tables.every((t) => t.sample === true)).toBe(true);
    expect(useAppStore.getState().activeTableId).toBe(tables[0]?.id);
    const [customers, orders, followUps] = counts();
    expect(customers).toBe(200);
    expect(orders).toBeGreaterThan(1000);
    expect(followUps).toBeGreaterThan(50);
    await expectStoredMatchesMemory();
  }, 60_000);

  it('removes the sample data in one undoable step, durably', async () => {
    await openTemplate();
    const before = counts();
    const tableIds = listTables(schemaNow()).map((t) => t.id);
    const steps = useAppStore.getState().history.undo.length;

    await removeSampleData();
    expect(listTables(schemaNow())).toEqual([]);
    expect(Object.keys(schemaNow().fields)).toEqual([]);
    expect(Object.keys(schemaNow().views)).toEqual([]);
    expect(useAppStore.getState().activeTableId).toBeNull();
    expect(useAppStore.getState().history.undo).toHaveLength(steps + 1);
    await expectStoredMatchesMemory();
    expect((await readStored()).total).toBe(0);

    await undo();
    expect(listTables(schemaNow()).map((t) => t.id)).toEqual(tableIds);
    expect(counts()).toEqual(before);
    await expectStoredMatchesMemory();

    await redo();
    expect(listTables(schemaNow())).toEqual([]);
    await expectStoredMatchesMemory();
    expect((await readStored()).total).toBe(0);
  }, 60_000);
});
