import { listWorkspaces } from '../../src/db';
import type { TableId } from '../../src/domain/ids';
import { listTables, listViews } from '../../src/domain/schemaState';
import {
  addRecord,
  deleteRecords,
  deleteTable,
  setCellValue,
  setColumnHidden,
  setSorts,
} from '../../src/state/actions';
import {
  createBackup,
  isBackupReminderDue,
  readBackupFile,
  restoreBackup,
  snoozeBackupReminder,
} from '../../src/state/backup';
import { ensureRecords, flushWrites, recordStore } from '../../src/state/session';
import { useAppStore } from '../../src/state/store';
import { createWorkspace, updateMeta } from '../../src/state/workspace';
import { expectStoredMatchesMemory, readStored, resetApp, schemaNow } from './helpers';

beforeEach(resetApp);
afterEach(resetApp);

const DAY = 24 * 60 * 60 * 1000;

async function openTemplate(): Promise<void> {
  await createWorkspace({
    kind: 'template',
    language: 'zh-CN',
    names: { workspace: '我的店', table: '客户', primaryField: '姓名', view: '全部' },
  });
  for (const t of listTables(schemaNow())) await ensureRecords(t.id);
}

/** A few edits so the backup holds more than the template: settings, a view, odd values. */
async function editWorkspace(): Promise<void> {
  const schema = schemaNow();
  const table = listTables(schema)[0];
  if (!table) throw new Error('no table');
  const view = listViews(schema, table.id)[0];
  const fields = Object.values(schema.fields).filter((f) => f.tableId === table.id);
  const number = fields.find((f) => f.type === 'currency' || f.type === 'number');
  const text = fields.find((f) => f.id === table.primaryFieldId);
  const [first, second] = recordStore(table.id).all();
  if (!view || !number || !text || !first || !second) throw new Error('template changed');
  await setCellValue(number, first.id, { invalid: '一百块' });
  await setCellValue(text, second.id, '=HYPERLINK("x")\n第二行');
  await setColumnHidden(view.id, number.id, true);
  await setSorts(view.id, [{ fieldId: text.id, direction: 'desc' }]);
  await updateMeta({ asOfDate: '2024-05-01' }, false);
  await flushWrites();
}

describe('backup and restore', () => {
  it('restores into a new workspace exactly (every table, field, view, record and the meta)', async () => {
    await openTemplate();
    await editWorkspace();
    const now = Date.now();
    const { blob, fileName } = await createBackup(now);
    expect(fileName).toMatch(/^我的店 - \d{4}-\d{2}-\d{2}\.regulars$/);
    expect(schemaNow().meta.lastBackupAt).toBe(now);
    const before = await readStored();
    const oldId = useAppStore.getState().workspaceId;

    const read = await readBackupFile(blob);
    if (!read.ok) throw new Error(`backup unreadable: ${read.problem}`);
    const outcome = await restoreBackup(read.backup, 'new', '我的店（恢复）');
    expect(outcome.ok).toBe(true);
    const newId = useAppStore.getState().workspaceId;
    expect(newId).not.toBe(oldId);
    expect((await listWorkspaces()).map((w) => w.id)).toEqual(
      expect.arrayContaining([oldId, newId]),
    );

    const after = await readStored();
    expect(after.meta).toStrictEqual({
      ...before.meta,
      id: newId,
      name: '我的店（恢复）',
      createdAt: expect.any(Number),
    });
    expect(after.meta?.createdAt).toBeGreaterThanOrEqual(now);
    expect((await listWorkspaces()).find((w) => w.id === newId)?.name).toBe('我的店（恢复）');
    expect(after.tables).toStrictEqual(before.tables);
    expect(after.fields).toStrictEqual(before.fields);
    expect(after.views).toStrictEqual(before.views);
    expect(after.records).toStrictEqual(before.records);
    expect(after.total).toBe(before.total);
    expect(after.total).toBeGreaterThan(1000);
    for (const t of listTables(schemaNow())) await ensureRecords(t.id);
    await expectStoredMatchesMemory();
  }, 60_000);

  it('replaces the open workspace in place, removing what was added since', async () => {
    await openTemplate();
    await editWorkspace();
    const id = useAppStore.getState().workspaceId;
    const { blob } = await createBackup();
    const before = await readStored();
    // Change things after the backup: a table goes, a cell changes, a setting changes.
    const [first, second] = listTables(schemaNow());
    if (!first || !second) throw new Error('template changed');
    const primary = schemaNow().fields[first.primaryFieldId];
    const rec = recordStore(first.id).all()[5];
    if (!primary || !rec) throw new Error('template changed');
    await setCellValue(primary, rec.id, '改过的名字');
    await deleteTable(second.id);
    await updateMeta({ asOfDate: '2030-01-01', name: '别的店' }, false);
    await flushWrites();
    expect((await readStored()).total).toBeLessThan(before.total);

    const read = await readBackupFile(blob);
    if (!read.ok) throw new Error(read.problem);
    const outcome = await restoreBackup(read.backup, 'replace');
    expect(outcome).toEqual({ ok: true, workspaceId: id });
    expect(useAppStore.getState().workspaceId).toBe(id);
    expect(useAppStore.getState().history.undo).toEqual([]);
    const after = await readStored();
    expect(after).toStrictEqual(before);
    expect(schemaNow().meta.name).toBe('我的店');
    for (const t of listTables(schemaNow())) await ensureRecords(t.id);
    expect(recordStore(first.id).get(rec.id)?.values[primary.id]).toBe(rec.values[primary.id]);
    await expectStoredMatchesMemory();
  }, 60_000);

  it('stays consistent while the user keeps editing during the backup', async () => {
    await openTemplate();
    const table = listTables(schemaNow())[0];
    if (!table) throw new Error('no table');
    const before = recordStore(table.id).size;
    const third = recordStore(table.id).all()[3];
    if (!third) throw new Error('template too small');
    const pending = createBackup();
    // Edits that land while the backup is being written (it pauses between pages).
    await addRecord(table.id);
    await deleteRecords(table.id, [third.id]);
    const { blob } = await pending;
    const read = await readBackupFile(blob);
    if (!read.ok) throw new Error(`backup unreadable: ${read.problem}`);
    const inTable = read.backup.records.filter((r) => r.tableId === table.id);
    // Each record once: the backup is one consistent state, before or after each edit.
    expect(new Set(inTable.map((r) => r.id)).size).toBe(inTable.length);
    expect(inTable.length).toBeGreaterThanOrEqual(before - 1);
    expect(inTable.length).toBeLessThanOrEqual(before + 1);
  }, 60_000);

  it('rejects a damaged backup and changes nothing', async () => {
    await openTemplate();
    const { blob } = await createBackup();
    const before = await readStored();
    const workspaces = await listWorkspaces();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const damaged = new Blob([bytes.slice(0, Math.floor(bytes.length / 2))]);
    const read = await readBackupFile(damaged);
    expect(read).toMatchObject({ ok: false, problem: 'truncated' });
    const notOurs = await readBackupFile(new Blob(['姓名,电话\r\n张三,13800000000\r\n']));
    expect(notOurs).toMatchObject({ ok: false, problem: 'notBackup' });
    expect(await readStored()).toStrictEqual(before);
    expect(await listWorkspaces()).toEqual(workspaces);
  }, 60_000);
});

describe('the backup reminder', () => {
  it('shows for a week-old workspace with data until a backup is made', async () => {
    await openTemplate();
    const created = schemaNow().meta.createdAt;
    expect(isBackupReminderDue(created + DAY)).toBe(false);
    expect(isBackupReminderDue(created + 8 * DAY)).toBe(true);
    await createBackup(created + 8 * DAY);
    expect(isBackupReminderDue(created + 9 * DAY)).toBe(false);
    expect(isBackupReminderDue(created + 16 * DAY)).toBe(true);
  }, 60_000);

  it('stays away for a day after "later"', async () => {
    await openTemplate();
    const later = schemaNow().meta.createdAt + 30 * DAY;
    snoozeBackupReminder(later);
    expect(isBackupReminderDue(later + DAY / 2)).toBe(false);
    expect(isBackupReminderDue(later + DAY + 1)).toBe(true);
  }, 60_000);

  it('never shows for a workspace without records', async () => {
    await createWorkspace({
      kind: 'empty',
      language: 'en',
      names: { workspace: 'W', table: 'T', primaryField: 'Name', view: 'All' },
    });
    const tableId = useAppStore.getState().activeTableId as TableId;
    await ensureRecords(tableId);
    expect(isBackupReminderDue(schemaNow().meta.createdAt + 100 * DAY)).toBe(false);
  }, 60_000);
});
