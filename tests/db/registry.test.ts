import Dexie from 'dexie';
import { deleteWorkspaceDb, openWorkspaceDb } from '../../src/db/index';
import {
  closeRegistry,
  listWorkspaces,
  registerWorkspace,
  removeWorkspace,
} from '../../src/db/registry';
import { bulkInsertRecords } from '../../src/db/repository';
import { getWorkspaceDbName } from '../../src/db/schema';
import { makeMeta, makeRecord, nextWorkspaceId, T1 } from './helpers';

afterEach(async () => {
  closeRegistry();
  await Dexie.delete('regulars');
});

describe('workspace registry', () => {
  it('lists registered workspaces oldest first, with only id, name and createdAt', async () => {
    const a = { ...makeMeta(nextWorkspaceId(), '新店'), createdAt: 2000, language: 'en' as const };
    const b = { ...makeMeta(nextWorkspaceId(), '老店'), createdAt: 1000 };
    await registerWorkspace(a);
    await registerWorkspace(b);
    expect(await listWorkspaces()).toEqual([
      { id: b.id, name: '老店', createdAt: 1000 },
      { id: a.id, name: '新店', createdAt: 2000 },
    ]);
  });

  it('registering again updates the name', async () => {
    const meta = makeMeta(nextWorkspaceId(), '旧名');
    await registerWorkspace(meta);
    await registerWorkspace({ ...meta, name: '新名' });
    expect((await listWorkspaces()).map((w) => w.name)).toEqual(['新名']);
  });

  it('removeWorkspace forgets it and deletes its database, even while open', async () => {
    const keep = makeMeta(nextWorkspaceId(), 'keep');
    const gone = makeMeta(nextWorkspaceId(), 'gone');
    await registerWorkspace(keep);
    await registerWorkspace(gone);
    const db = await openWorkspaceDb(gone.id);
    await bulkInsertRecords(db, [makeRecord('rec_1', T1, 0)]);
    expect(await Dexie.exists(getWorkspaceDbName(gone.id))).toBe(true);
    // Dexie warns that it closes the open connection so the delete can go ahead.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await removeWorkspace(gone.id);
    warn.mockRestore();
    expect(db.isOpen()).toBe(false);
    expect(await Dexie.exists(getWorkspaceDbName(gone.id))).toBe(false);
    expect((await listWorkspaces()).map((w) => w.id)).toEqual([keep.id]);
  });
});

describe('openWorkspaceDb / deleteWorkspaceDb', () => {
  it('opens at the current version and deletes the database', async () => {
    const id = nextWorkspaceId();
    const db = await openWorkspaceDb(id);
    expect(db.isOpen()).toBe(true);
    expect(db.name).toBe(`regulars-ws-${id}`);
    db.close();
    await deleteWorkspaceDb(id);
    expect(await Dexie.exists(getWorkspaceDbName(id))).toBe(false);
  });
});
