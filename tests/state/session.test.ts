import type { FieldId, TableId } from '../../src/domain/ids';
import type { Field } from '../../src/domain/model';
import { listFields, listTables, listViews } from '../../src/domain/schemaState';
import {
  addField,
  addRecord,
  createTable,
  deleteField,
  deleteRecords,
  deleteTable,
  duplicateTable,
  editCellText,
  renameTable,
  reorderColumns,
  retypeField,
  setColumnHidden,
  showAllColumns,
} from '../../src/state/actions';
import { recordStore, redo, undo } from '../../src/state/session';
import { selectCanRedo, selectCanUndo, useAppStore } from '../../src/state/store';
import { lastWorkspaceId } from '../../src/state/workspace';
import { expectStoredMatchesMemory, openEmpty, readStored, resetApp, schemaNow } from './helpers';

beforeEach(resetApp);
afterEach(resetApp);

const history = () => useAppStore.getState().history;
const names = (tableId: TableId) =>
  recordStore(tableId)
    .all()
    .map((r) => r.values);

function fieldNamed(tableId: TableId, name: string): Field {
  const f = listFields(schemaNow(), tableId).find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
}

async function undoAndCheck(): Promise<void> {
  await undo();
  await expectStoredMatchesMemory();
}
async function redoAndCheck(): Promise<void> {
  await redo();
  await expectStoredMatchesMemory();
}

describe('createWorkspace (empty)', () => {
  it('writes one table with a primary field and a view, opens it, and remembers it', async () => {
    expect(lastWorkspaceId()).toBeNull();
    const tableId = await openEmpty();
    const state = useAppStore.getState();
    expect(state.status).toBe('ready');
    expect(state.schema?.meta).toMatchObject({ name: 'W', language: 'en' });
    expect(listTables(schemaNow()).map((t) => t.name)).toEqual(['T']);
    expect(listFields(schemaNow(), tableId).map((f) => [f.name, f.type])).toEqual([
      ['Name', 'text'],
    ]);
    expect(listViews(schemaNow(), tableId).map((v) => v.name)).toEqual(['All']);
    expect(state.activeViewId).toBe(listViews(schemaNow(), tableId)[0]?.id);
    expect(localStorage.getItem('regulars.workspace')).toBe(state.workspaceId);
    // The next launch knows a workspace opens: the grid's code loads from the start.
    expect(lastWorkspaceId()).toBe(state.workspaceId);
    expect(state.history.undo).toEqual([]);
    await expectStoredMatchesMemory();
  });
});

describe('records and cells', () => {
  it('adds records and edits cells durably, and undo/redo are durable too', async () => {
    const tableId = await openEmpty();
    const name = fieldNamed(tableId, 'Name');
    const first = await addRecord(tableId);
    const second = await addRecord(tableId);
    const middle = await addRecord(tableId, { recordId: second.id, side: 'above' });
    expect(
      recordStore(tableId)
        .all()
        .map((r) => r.id),
    ).toEqual([first.id, middle.id, second.id]);
    await editCellText(name, first.id, 'Ann', 'en');
    await editCellText(name, second.id, 'Bob', 'en');
    await expectStoredMatchesMemory();
    expect(history().undo).toHaveLength(5);

    await undoAndCheck();
    expect(recordStore(tableId).get(second.id)?.values[name.id]).toBeUndefined();
    await undoAndCheck();
    expect(recordStore(tableId).get(first.id)?.values).toEqual({});
    await undoAndCheck();
    expect(recordStore(tableId).size).toBe(2);
    expect(selectCanRedo(useAppStore.getState())).toBe(true);

    await redoAndCheck();
    await redoAndCheck();
    await redoAndCheck();
    expect(names(tableId)).toEqual([{ [name.id]: 'Ann' }, {}, { [name.id]: 'Bob' }]);
    expect(selectCanRedo(useAppStore.getState())).toBe(false);
  });

  it('editing the same value again is not a command', async () => {
    const tableId = await openEmpty();
    const name = fieldNamed(tableId, 'Name');
    const rec = await addRecord(tableId);
    await editCellText(name, rec.id, 'Ann', 'en');
    await editCellText(name, rec.id, 'Ann', 'en');
    expect(history().undo).toHaveLength(2);
  });

  it('deletes records and undo restores them in place', async () => {
    const tableId = await openEmpty();
    const name = fieldNamed(tableId, 'Name');
    const recs = [await addRecord(tableId), await addRecord(tableId), await addRecord(tableId)];
    for (const [i, r] of recs.entries()) await editCellText(name, r.id, `P${i}`, 'en');
    const before = recordStore(tableId).all();
    await deleteRecords(
      tableId,
      [recs[0]?.id, recs[2]?.id].filter((x) => x !== undefined),
    );
    await expectStoredMatchesMemory();
    expect(names(tableId)).toEqual([{ [name.id]: 'P1' }]);
    await undoAndCheck();
    expect(recordStore(tableId).all()).toStrictEqual(before);
    await redoAndCheck();
    expect(recordStore(tableId).size).toBe(1);
  });

  it('a new command clears the redo stack', async () => {
    const tableId = await openEmpty();
    await addRecord(tableId);
    await undo();
    expect(selectCanRedo(useAppStore.getState())).toBe(true);
    await addRecord(tableId);
    expect(selectCanRedo(useAppStore.getState())).toBe(false);
    await redo();
    expect(recordStore(tableId).size).toBe(1);
    await expectStoredMatchesMemory();
  });
});

describe('fields', () => {
  it('adds, retypes and deletes a field; each step undoes and redoes durably', async () => {
    const tableId = await openEmpty();
    const name = fieldNamed(tableId, 'Name');
    const rec = await addRecord(tableId);
    await editCellText(name, rec.id, 'Ann', 'en');
    await addField(tableId, { name: 'Visits', type: 'number', options: {} }, {});
    const visits = fieldNamed(tableId, 'Visits');
    await editCellText(visits, rec.id, '12', 'en');
    expect(recordStore(tableId).get(rec.id)?.values[visits.id]).toBe(12);
    await expectStoredMatchesMemory();

    await retypeField(visits, 'Visits (text)', 'text', undefined, 'en');
    expect(schemaNow().fields[visits.id]).toMatchObject({ name: 'Visits (text)', type: 'text' });
    expect(recordStore(tableId).get(rec.id)?.values[visits.id]).toBe('12');
    await expectStoredMatchesMemory();
    await undoAndCheck();
    expect(schemaNow().fields[visits.id]).toStrictEqual(visits);
    expect(recordStore(tableId).get(rec.id)?.values[visits.id]).toBe(12);
    await redoAndCheck();
    expect(recordStore(tableId).get(rec.id)?.values[visits.id]).toBe('12');

    await deleteField(visits.id);
    expect(schemaNow().fields[visits.id]).toBeUndefined();
    expect(listViews(schemaNow(), tableId)[0]?.columns.map((c) => c.fieldId)).toEqual([name.id]);
    await expectStoredMatchesMemory();
    await undoAndCheck();
    expect(listFields(schemaNow(), tableId).map((f) => f.name)).toEqual(['Name', 'Visits (text)']);
    expect(recordStore(tableId).get(rec.id)?.values[visits.id]).toBe('12');
    await redoAndCheck();
    expect(schemaNow().fields[visits.id]).toBeUndefined();
  });

  it('refuses to delete the primary field', async () => {
    const tableId = await openEmpty();
    await deleteField(fieldNamed(tableId, 'Name').id);
    expect(listFields(schemaNow(), tableId)).toHaveLength(1);
    expect(history().undo).toEqual([]);
  });

  it('hides and reorders columns durably', async () => {
    const tableId = await openEmpty();
    await addField(tableId, { name: 'A', type: 'text', options: {} }, {});
    await addField(tableId, { name: 'B', type: 'text', options: {} }, {});
    const [n, a, b] = ['Name', 'A', 'B'].map((x) => fieldNamed(tableId, x).id) as FieldId[];
    const viewId = useAppStore.getState().activeViewId;
    if (!viewId || !n || !a || !b) throw new Error('setup failed');
    const columns = () => schemaNow().views[viewId]?.columns;

    await setColumnHidden(viewId, a, true);
    expect(columns()).toEqual([{ fieldId: n }, { fieldId: a, hidden: true }, { fieldId: b }]);
    await expectStoredMatchesMemory();
    await reorderColumns(viewId, [n, b, a]);
    expect(columns()?.map((c) => c.fieldId)).toEqual([n, b, a]);
    await expectStoredMatchesMemory();

    await undoAndCheck();
    expect(columns()?.map((c) => c.fieldId)).toEqual([n, a, b]);
    await undoAndCheck();
    expect(columns()).toStrictEqual([{ fieldId: n }, { fieldId: a }, { fieldId: b }]);
    await redoAndCheck();
    await redoAndCheck();
    expect(columns()).toEqual([{ fieldId: n }, { fieldId: b }, { fieldId: a, hidden: true }]);
  });

  it('shows all hidden columns in one undoable step', async () => {
    const tableId = await openEmpty();
    await addField(tableId, { name: 'A', type: 'text', options: {} }, {});
    await addField(tableId, { name: 'B', type: 'text', options: {} }, {});
    const [n, a, b] = ['Name', 'A', 'B'].map((x) => fieldNamed(tableId, x).id) as FieldId[];
    const viewId = useAppStore.getState().activeViewId;
    if (!viewId || !n || !a || !b) throw new Error('setup failed');
    const columns = () => schemaNow().views[viewId]?.columns;
    await setColumnHidden(viewId, a, true);
    await setColumnHidden(viewId, b, true);
    await showAllColumns(viewId);
    expect(columns()).toStrictEqual([{ fieldId: n }, { fieldId: a }, { fieldId: b }]);
    await expectStoredMatchesMemory();
    await undoAndCheck();
    expect(columns()).toEqual([
      { fieldId: n },
      { fieldId: a, hidden: true },
      { fieldId: b, hidden: true },
    ]);
  });
});

describe('tables', () => {
  it('creates, renames, duplicates and deletes tables; undoing all returns to the start', async () => {
    const tableId = await openEmpty();
    const name = fieldNamed(tableId, 'Name');
    const rec = await addRecord(tableId);
    await editCellText(name, rec.id, 'Ann', 'en');
    await expectStoredMatchesMemory();
    const start = await readStored();
    const steps = history().undo.length;

    await createTable({ table: 'T', primaryField: 'Title', view: 'Grid' });
    const created = useAppStore.getState().activeTableId as TableId;
    expect(schemaNow().tables[created]?.name).toBe('T 2');
    // A new table is loaded at once (pasting into it needs that), without reading storage.
    expect(useAppStore.getState().loaded[created]).toBe(true);
    expect(recordStore(created).complete).toBe(true);
    await expectStoredMatchesMemory();

    await renameTable(created, 'Orders');
    expect(schemaNow().tables[created]?.name).toBe('Orders');
    await expectStoredMatchesMemory();

    await duplicateTable(tableId, 'copy');
    const copy = useAppStore.getState().activeTableId as TableId;
    expect(schemaNow().tables[copy]?.name).toBe('T copy');
    const copyName = fieldNamed(copy, 'Name');
    expect(copyName.id).not.toBe(name.id);
    expect(names(copy)).toEqual([{ [copyName.id]: 'Ann' }]);
    await expectStoredMatchesMemory();

    await deleteTable(tableId);
    expect(schemaNow().tables[tableId]).toBeUndefined();
    expect(useAppStore.getState().activeTableId).not.toBe(tableId);
    await expectStoredMatchesMemory();

    await undoAndCheck();
    expect(names(tableId)).toEqual([{ [name.id]: 'Ann' }]);
    await undoAndCheck();
    expect(schemaNow().tables[copy]).toBeUndefined();
    await undoAndCheck();
    expect(schemaNow().tables[created]?.name).toBe('T 2');
    await undoAndCheck();
    expect(history().undo).toHaveLength(steps);
    const back = await readStored();
    expect({ ...back, meta: undefined }).toStrictEqual({ ...start, meta: undefined });

    for (let i = 0; i < 4; i++) await redoAndCheck();
    expect(listTables(schemaNow()).map((t) => t.name)).toEqual(['Orders', 'T copy']);
  });
});

describe('undo and redo with nothing to do', () => {
  it('do nothing', async () => {
    await openEmpty();
    const before = await readStored();
    await undo();
    await redo();
    expect(selectCanUndo(useAppStore.getState())).toBe(false);
    expect(await readStored()).toStrictEqual(before);
  });
});
