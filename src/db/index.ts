/**
 * The storage layer's public API. Only src/state should import it; nothing else touches Dexie.
 */
import Dexie from 'dexie';
import type { WorkspaceId } from '../domain/ids';
import { getWorkspaceDbName, WorkspaceDb } from './schema';

/** Opens (creating or migrating as needed) the database of one workspace. */
export async function openWorkspaceDb(workspaceId: WorkspaceId): Promise<WorkspaceDb> {
  const db = new WorkspaceDb(workspaceId);
  await db.open();
  return db;
}

/** Deletes the workspace's database. Other open connections are closed by Dexie first. */
export async function deleteWorkspaceDb(workspaceId: WorkspaceId): Promise<void> {
  await Dexie.delete(getWorkspaceDbName(workspaceId));
}

export { applyChanges, WriteAbortedError, type WriteOptions } from './applyChanges';
export { BUCKETS_PER_TABLE } from './buckets';
export {
  classifyStorageError,
  isQuotaError,
  StorageQuotaError,
  toStorageError,
  type StorageErrorKind,
} from './errors';
export {
  estimateStorage,
  requestPersistentStorage,
  type PersistenceResult,
  type StorageEstimateResult,
} from './persistence';
export {
  closeRegistry,
  listWorkspaces,
  registerWorkspace,
  removeWorkspace,
  type WorkspaceEntry,
} from './registry';
export {
  bulkInsertRecords,
  deleteTableData,
  DuplicateRecordError,
  getRecords,
  loadAllRecords,
  loadEveryRecord,
  loadSchema,
  type LoadOptions,
  type WorkspaceSchema,
} from './repository';
export { CURRENT_SCHEMA_VERSION, getWorkspaceDbName, WorkspaceDb } from './schema';
export {
  createSyncChannel,
  getSyncChannelName,
  readSyncedRecords,
  summarizeChanges,
  type SyncChannel,
  type SyncedRecords,
  type SyncListener,
  type SyncMessage,
  type SyncRecordChanges,
} from './sync';
