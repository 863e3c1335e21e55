/**
 * Session test support: a clean app between tests, and a check that what the app holds in
 * memory is exactly what a second connection reads back from IndexedDB.
 */
import { expect } from 'vitest';
import { loadAllRecords, loadEveryRecord, loadSchema, openWorkspaceDb } from '../../src/db';
import type { TableId } from '../../src/domain/ids';
import type { TableRecord } from '../../src/domain/model';
import type { SchemaState } from '../../src/domain/schemaState';
import { closeSession, ensureRecords, flushWrites, recordStore } from '../../src/state/session';
import { initialState, useAppStore } from '../../src/state/store';
import { createWorkspace } from '../../src/state/workspace';

export function resetApp(): void {
  closeSession();
  useAppStore.setState(initialState, true);
  localStorage.clear();
}

export function schemaNow(): SchemaState {
  const schema = useAppStore.getState().schema;
  if (!schema) throw new Error('no workspace open');
  return schema;
}

/** Opens a new empty workspace (table T, primary field Name, view All) with its records loaded. */
export async function openEmpty(): Promise<TableId> {
  await createWorkspace({
    kind: 'empty',
    language: 'en',
    names: { workspace: 'W', table: 'T', primaryField: 'Name', view: 'All' },
  });
  const tableId = useAppStore.getState().activeTableId;
  if (!tableId) throw new Error('workspace did not open');
  await ensureRecords(tableId);
  await flushWrites();
  return tableId;
}

const byId = <T extends { id: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** What the database holds, shaped like the in-memory state, read over a second connection. */
export async function readStored() {
  const id = useAppStore.getState().workspaceId;
  if (!id) throw new Error('no workspace open');
  const db = await openWorkspaceDb(id);
  try {
    const loaded = await loadSchema(db);
    const records: Record<string, TableRecord[]> = {};
    for (const t of loaded.tables) records[t.id] = await loadAllRecords(db, t.id);
    const total = (await loadEveryRecord(db)).length;
    return { ...loaded, records, total };
  } finally {
    db.close();
  }
}

/**
 * Waits for pending writes, then asserts memory and IndexedDB agree exactly. After a failed
 * write the in-memory rollback stamps the rows it restores with a new modifiedAt, which the
 * untouched database does not have: `ignoreModifiedAt` compares everything else.
 */
export async function expectStoredMatchesMemory(
  opts: { ignoreModifiedAt?: boolean } = {},
): Promise<void> {
  await flushWrites();
  const schema = schemaNow();
  const stored = await readStored();
  expect(stored.meta).toStrictEqual(schema.meta);
  expect(byId(stored.tables)).toStrictEqual(byId(Object.values(schema.tables)));
  expect(byId(stored.fields)).toStrictEqual(byId(Object.values(schema.fields)));
  expect(byId(stored.views)).toStrictEqual(byId(Object.values(schema.views)));
  let inMemory = 0;
  for (const tableId of Object.keys(schema.tables) as TableId[]) {
    await ensureRecords(tableId);
    const mine = recordStore(tableId).all();
    inMemory += mine.length;
    const strip = (list: readonly TableRecord[]) =>
      opts.ignoreModifiedAt ? list.map((r) => ({ ...r, modifiedAt: 0 })) : list;
    expect(strip(stored.records[tableId] ?? [])).toStrictEqual(strip(mine));
  }
  // No records left behind for tables that no longer exist.
  expect(stored.total).toBe(inMemory);
}
