import { applyChanges, StorageQuotaError } from '../../src/db';
import type * as DbModule from '../../src/db';
import type { RecordId, TableId, ViewId } from '../../src/domain/ids';
import type { Field } from '../../src/domain/model';
import { listFields } from '../../src/domain/schemaState';
import { addField, addRecord, editCellText } from '../../src/state/actions';
import { recordStore, redo, undo } from '../../src/state/session';
import { selectCanRedo, selectCanUndo, useAppStore } from '../../src/state/store';
import { expectStoredMatchesMemory, openEmpty, readStored, resetApp, schemaNow } from './helpers';

// The real write, wrapped so that a test can make the next one fail.
vi.mock('../../src/db', async (importOriginal) => {
  const actual = await importOriginal<typeof DbModule>();
  return { ...actual, applyChanges: vi.fn(actual.applyChanges) };
});
const failNextWrite = (err: unknown) => vi.mocked(applyChanges).mockRejectedValueOnce(err);

beforeEach(resetApp);
afterEach(resetApp);

const lastNotice = () => useAppStore.getState().notices.at(-1);
const undoCount = () => useAppStore.getState().history.undo.length;

async function tableWithAnn(): Promise<{ tableId: TableId; name: Field; recId: RecordId }> {
  const tableId = await openEmpty();
  const name = listFields(schemaNow(), tableId)[0] as Field;
  const rec = await addRecord(tableId);
  await editCellText(name, rec.id, 'Ann', 'en');
  return { tableId, name, recId: rec.id };
}

describe('a write that fails', () => {
  it('quota: rolls the edit back, drops it from the history and says the disk is full', async () => {
    const { tableId, name, recId } = await tableWithAnn();
    const steps = undoCount();
    failNextWrite(new StorageQuotaError(new Error('disk full')));
    await editCellText(name, recId, 'Bob', 'en');
    expect(recordStore(tableId).all()[0]?.values[name.id]).toBe('Ann');
    expect(undoCount()).toBe(steps);
    expect(lastNotice()).toMatchObject({ kind: 'error', message: 'errors.quota' });
    await expectStoredMatchesMemory({ ignoreModifiedAt: true });
  });

  it('other errors: rolls a schema change back and reports a failed save', async () => {
    const { tableId } = await tableWithAnn();
    const steps = undoCount();
    failNextWrite(new Error('boom'));
    await addField(tableId, { name: 'Phone', type: 'phone', options: {} }, {});
    expect(listFields(schemaNow(), tableId).map((f) => f.name)).toEqual(['Name']);
    expect(schemaNow().views[useAppStore.getState().activeViewId as ViewId]?.columns).toHaveLength(
      1,
    );
    expect(undoCount()).toBe(steps);
    expect(lastNotice()).toMatchObject({
      kind: 'error',
      message: 'errors.saveFailed',
      params: { detail: 'boom' },
    });
    await expectStoredMatchesMemory();
  });

  it('a failed record insert leaves no record behind, and later writes still go through', async () => {
    const { tableId } = await tableWithAnn();
    failNextWrite(new Error('boom'));
    await addRecord(tableId);
    expect(recordStore(tableId).size).toBe(1);
    await addRecord(tableId);
    expect(recordStore(tableId).size).toBe(2);
    expect((await readStored()).total).toBe(2);
    await expectStoredMatchesMemory();
  });

  it('a failed undo keeps the command undoable and the state as it was', async () => {
    const { tableId, name } = await tableWithAnn();
    const steps = undoCount();
    failNextWrite(new StorageQuotaError(new Error('disk full')));
    await undo();
    expect(recordStore(tableId).all()[0]?.values[name.id]).toBe('Ann');
    expect(undoCount()).toBe(steps);
    expect(selectCanRedo(useAppStore.getState())).toBe(false);
    expect(lastNotice()?.message).toBe('errors.quota');
    await expectStoredMatchesMemory({ ignoreModifiedAt: true });
    // The same undo then works once storage is back.
    await undo();
    expect(recordStore(tableId).all()[0]?.values[name.id]).toBeUndefined();
    await expectStoredMatchesMemory();
  });

  it('a failed redo keeps the command redoable', async () => {
    const { tableId, name } = await tableWithAnn();
    await undo();
    failNextWrite(new Error('boom'));
    await redo();
    expect(recordStore(tableId).all()[0]?.values[name.id]).toBeUndefined();
    expect(selectCanRedo(useAppStore.getState())).toBe(true);
    expect(lastNotice()?.message).toBe('errors.saveFailed');
    await expectStoredMatchesMemory({ ignoreModifiedAt: true });
    await redo();
    expect(recordStore(tableId).all()[0]?.values[name.id]).toBe('Ann');
    expect(selectCanUndo(useAppStore.getState())).toBe(true);
    await expectStoredMatchesMemory();
  });
});
