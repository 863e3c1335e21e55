/**
 * Backing up the whole workspace into one file, restoring it (into a new workspace or over the
 * open one, in one transaction: all or nothing), and the reminder to back up.
 */
import type { Change } from '../domain/changes';
import { todayLocal } from '../domain/dates';
import type { TableId, WorkspaceId } from '../domain/ids';
import { newWorkspaceId } from '../domain/ids';
import type { TableRecord, WorkspaceMeta } from '../domain/model';
import type { WorkspaceDb } from '../db';
import {
  applyChanges,
  classifyStorageError,
  deleteWorkspaceDb,
  loadAllRecords,
  loadSchema,
  openWorkspaceDb,
  registerWorkspace,
} from '../db';
import { buildExportFileName } from '../io/export/fileName';
import type { BackupHeader, BackupReadResult, WorkspaceBackup } from '../io/backup/format';
import { BACKUP_EXTENSION, BACKUP_FORMAT, BACKUP_VERSION } from '../io/backup/format';
import { readBackup, streamOfBlob } from '../io/backup/reader';
import { isBackupDue, snoozeUntil } from '../io/backup/reminder';
import { writeBackup } from '../io/backup/writer';
import { saveFirstScreen } from './firstScreen';
import { dropFormulas } from './formulas';
import { announceReplaced, flushWrites, recordStore } from './session';
import { useAppStore } from './store';
import { openWorkspace, updateMeta } from './workspace';

export type { BackupProblem, BackupReadResult, WorkspaceBackup } from '../io/backup/format';

/** Records per page written to the backup stream. */
const PAGE_SIZE = 5_000;

export class NoWorkspaceOpenError extends Error {
  override name = 'NoWorkspaceOpenError';
}

function openWorkspaceIdOrThrow(): WorkspaceId {
  const id = useAppStore.getState().workspaceId;
  if (!id) throw new NoWorkspaceOpenError('No workspace is open');
  return id;
}

/**
 * Every record, a page at a time. Tables the session holds complete come from memory (after
 * flushWrites memory and disk agree, and re-reading a million records from IndexedDB is most
 * of a backup's time), copied up front because the user may go on editing while it is
 * written; the others are read from the database one table at a time.
 */
async function* readRecordPages(
  db: WorkspaceDb,
  tableIds: readonly TableId[],
): AsyncGenerator<TableRecord[]> {
  const inMemory = new Map<TableId, TableRecord[]>();
  for (const tableId of tableIds) {
    const store = recordStore(tableId);
    if (store.complete) inMemory.set(tableId, store.all().slice());
  }
  for (const tableId of tableIds) {
    const records = inMemory.get(tableId) ?? (await loadAllRecords(db, tableId));
    inMemory.delete(tableId);
    for (let from = 0; from < records.length; from += PAGE_SIZE)
      yield records.slice(from, from + PAGE_SIZE);
  }
}

export interface BackupFile {
  blob: Blob;
  fileName: string;
}

/** Writes the open workspace into one compressed file and notes the time as the last backup. */
export async function createBackup(now: number = Date.now()): Promise<BackupFile> {
  const workspaceId = openWorkspaceIdOrThrow();
  await flushWrites();
  const db = await openWorkspaceDb(workspaceId);
  let blob: Blob;
  let meta: WorkspaceMeta;
  try {
    const schema = await loadSchema(db);
    if (!schema.meta) throw new NoWorkspaceOpenError('The workspace has no settings record');
    meta = { ...schema.meta, lastBackupAt: now };
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: now,
      meta,
      tables: schema.tables,
      fields: schema.fields,
      views: schema.views,
    };
    const tableIds = schema.tables.map((t) => t.id);
    blob = await writeBackup(header, readRecordPages(db, tableIds));
  } finally {
    db.close();
  }
  await updateMeta({ lastBackupAt: now }, false);
  const fileName = buildExportFileName(
    meta.name,
    null,
    todayLocal(new Date(now)),
    BACKUP_EXTENSION,
  );
  return { blob, fileName };
}

/** Reads and checks a chosen file; nothing is written. */
export function readBackupFile(file: Blob): Promise<BackupReadResult> {
  return readBackup(streamOfBlob(file));
}

export type RestoreMode = 'new' | 'replace';
export type RestoreOutcome =
  | { ok: true; workspaceId: WorkspaceId }
  | { ok: false; problem: 'quota' | 'saveFailed'; detail: string };

function changesOf(backup: WorkspaceBackup, meta: WorkspaceMeta): Change[] {
  const { tables, fields, views } = backup.header;
  const changes: Change[] = [{ kind: 'meta', before: meta, after: meta }];
  for (const x of tables) changes.push({ kind: 'table', id: x.id, after: x });
  for (const x of fields) changes.push({ kind: 'field', id: x.id, after: x });
  for (const x of views) changes.push({ kind: 'view', id: x.id, after: x });
  // Values are not re-parsed: the reader checked every value's stored shape, and a field's
  // repair normalises (an empty list becomes null), which would make the copy inexact.
  for (const x of backup.records) changes.push({ kind: 'record', id: x.id, after: x });
  return changes;
}

function failure(err: unknown): RestoreOutcome {
  const detail = err instanceof Error ? err.message : String(err);
  return {
    ok: false,
    problem: classifyStorageError(err) === 'quota' ? 'quota' : 'saveFailed',
    detail,
  };
}

/** Formula engines are kept per table id; a restored table with the same id starts afresh. */
function forgetOpenTables(): void {
  const schema = useAppStore.getState().schema;
  for (const id of Object.keys(schema?.tables ?? {}) as TableId[]) dropFormulas(id);
}

/** A copy beside the open workspace: its own id and name, created now in this browser. */
async function restoreAsNew(backup: WorkspaceBackup, name: string): Promise<RestoreOutcome> {
  const id = newWorkspaceId();
  const meta: WorkspaceMeta = { ...backup.header.meta, id, name, createdAt: Date.now() };
  let db: WorkspaceDb | null = null;
  try {
    db = await openWorkspaceDb(id);
    await applyChanges(db, changesOf(backup, meta));
    await registerWorkspace(meta);
    db.close();
  } catch (err) {
    db?.close();
    await deleteWorkspaceDb(id).catch(() => undefined);
    return failure(err);
  }
  forgetOpenTables();
  await openWorkspace(id);
  return { ok: true, workspaceId: id };
}

async function restoreOver(backup: WorkspaceBackup, id: WorkspaceId): Promise<RestoreOutcome> {
  await flushWrites();
  const meta: WorkspaceMeta = { ...backup.header.meta, id };
  const db = await openWorkspaceDb(id);
  try {
    // One transaction: the old contents go and the backup's arrive together, or neither.
    await applyChanges(db, changesOf(backup, meta), Date.now(), { replaceAll: true });
    await registerWorkspace(meta);
    announceReplaced();
  } catch (err) {
    return failure(err);
  } finally {
    db.close();
  }
  forgetOpenTables();
  // The saved first screen shows rows that may no longer exist: start from the database.
  const first = backup.header.tables[0];
  if (first) saveFirstScreen(id, first.id, []);
  await openWorkspace(id);
  return { ok: true, workspaceId: id };
}

/**
 * Restores a checked backup into a new workspace named `newName` (then opened), or over the
 * open one, which takes the backup's name.
 */
export function restoreBackup(
  backup: WorkspaceBackup,
  mode: RestoreMode,
  newName: string = backup.header.meta.name,
): Promise<RestoreOutcome> {
  return mode === 'new'
    ? restoreAsNew(backup, newName)
    : restoreOver(backup, openWorkspaceIdOrThrow());
}

const snoozeKey = (id: WorkspaceId) => `regulars.backupSnooze.${id}`;

function readSnooze(id: WorkspaceId): number | undefined {
  try {
    const n = Number(localStorage.getItem(snoozeKey(id)));
    return Number.isFinite(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

/** True when the open workspace holds records and its last backup is over a week old. */
export function isBackupReminderDue(now: number = Date.now()): boolean {
  const { workspaceId, schema } = useAppStore.getState();
  if (!workspaceId || !schema) return false;
  const tableIds = Object.keys(schema.tables) as TableId[];
  return isBackupDue({
    now,
    hasData: tableIds.some((t) => recordStore(t).size > 0),
    workspaceCreatedAt: schema.meta.createdAt,
    lastBackupAt: schema.meta.lastBackupAt,
    snoozedUntil: readSnooze(workspaceId),
  });
}

/** "Later": the reminder stays away for a day (kept per workspace in this browser). */
export function snoozeBackupReminder(now: number = Date.now()): void {
  const id = useAppStore.getState().workspaceId;
  if (!id) return;
  try {
    localStorage.setItem(snoozeKey(id), String(snoozeUntil(now)));
  } catch {
    // Without localStorage the reminder simply comes back on the next launch.
  }
}
