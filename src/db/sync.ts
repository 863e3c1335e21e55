/**
 * Cross-tab propagation. After a command commits, the writing tab posts on the BroadcastChannel
 * `regulars-<workspaceId>` which records (by id) and whether the schema changed; other tabs
 * re-read just those records (readSyncedRecords) and reload the schema when told to.
 *
 * Why not Dexie's liveQuery: a liveQuery over a 100,000-record table re-runs the whole range
 * query in every tab on any write to that range, and then the receiver must diff 100,000
 * rows to find what changed. The state layer already holds the records in memory, so a
 * message naming the exact ids costs one bulkGet of a few rows instead.
 */
import type { Change } from '../domain/changes';
import type { RecordId, TableId, WorkspaceId } from '../domain/ids';
import type { TableRecord } from '../domain/model';
import { getRecords, loadAllRecords } from './repository';
import type { WorkspaceDb } from './schema';

export interface SyncRecordChanges {
  tableId: TableId;
  upserted: RecordId[];
  deleted: RecordId[];
  /** Too many records changed to name them (an import, a restore): re-read the whole table. */
  reload?: boolean;
}

/** Above this many changed records in one table a message says "reload" instead of listing ids. */
export const RELOAD_THRESHOLD = 10_000;

export interface SyncMessage {
  /** The tab that wrote; listeners never see their own tab's messages. */
  origin: string;
  /** Tables, fields, views or meta changed: reload the schema. */
  schema: boolean;
  records: SyncRecordChanges[];
  /** The whole workspace was replaced (a backup restored over it): reload everything. */
  replaced?: boolean;
}

export type SyncListener = (message: SyncMessage) => void;

export interface SyncChannel {
  publish(changes: readonly Change[]): void;
  /** Tells the other tabs that everything they hold is gone (see SyncMessage.replaced). */
  publishReplaced(): void;
  subscribe(listener: SyncListener): () => void;
  close(): void;
}

/** The subset of BroadcastChannel we use (the DOM's and Node's both fit). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export type ChannelFactory = (name: string) => ChannelLike | undefined;

export function getSyncChannelName(workspaceId: WorkspaceId): string {
  return `regulars-${workspaceId}`;
}

const createBroadcastChannel: ChannelFactory = (name) =>
  typeof globalThis.BroadcastChannel === 'function'
    ? new globalThis.BroadcastChannel(name)
    : undefined;

/** Without BroadcastChannel support the channel silently does nothing (single tab only). */
export function createSyncChannel(
  workspaceId: WorkspaceId,
  tabId: string,
  createChannel: ChannelFactory = createBroadcastChannel,
): SyncChannel {
  const channel = createChannel(getSyncChannelName(workspaceId));
  const listeners = new Set<SyncListener>();
  let closed = false;
  channel?.addEventListener('message', (event) => {
    const data = event.data;
    if (closed || !isSyncMessage(data) || data.origin === tabId) return;
    for (const listener of listeners) listener(data);
  });
  return {
    publish(changes) {
      if (closed || !channel) return;
      const message = summarizeChanges(tabId, changes);
      if (message.schema || message.records.length > 0) channel.postMessage(message);
    },
    publishReplaced() {
      if (closed || !channel) return;
      const message: SyncMessage = { origin: tabId, schema: true, records: [], replaced: true };
      channel.postMessage(message);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      listeners.clear();
      channel?.close();
    },
  };
}

/** What a command changed, by id; the last change to a record decides upserted vs deleted. */
export function summarizeChanges(origin: string, changes: readonly Change[]): SyncMessage {
  let schema = false;
  const counts = new Map<TableId, number>();
  const tableOf = (change: Change): TableId | undefined =>
    change.kind === 'cell'
      ? change.tableId
      : change.kind === 'record'
        ? (change.after ?? change.before)?.tableId
        : undefined;
  for (const change of changes) {
    const tableId = tableOf(change);
    if (tableId) counts.set(tableId, (counts.get(tableId) ?? 0) + 1);
    else if (change.kind !== 'cell' && change.kind !== 'record') schema = true;
  }
  const byTable = new Map<TableId, Map<RecordId, boolean>>();
  for (const change of changes) {
    const tableId = tableOf(change);
    if (!tableId || (counts.get(tableId) ?? 0) > RELOAD_THRESHOLD) continue;
    let ids = byTable.get(tableId);
    if (!ids) byTable.set(tableId, (ids = new Map()));
    const id = change.kind === 'cell' ? change.recordId : (change as { id: RecordId }).id;
    ids.delete(id); // re-insert so iteration order follows the last change
    ids.set(id, change.kind === 'cell' || (change.kind === 'record' && change.after !== undefined));
  }
  const records: SyncRecordChanges[] = [];
  for (const [tableId, count] of counts) {
    const ids = byTable.get(tableId);
    if (count > RELOAD_THRESHOLD || !ids) {
      records.push({ tableId, upserted: [], deleted: [], reload: true });
      continue;
    }
    const upserted: RecordId[] = [];
    const deleted: RecordId[] = [];
    for (const [id, exists] of ids) (exists ? upserted : deleted).push(id);
    records.push({ tableId, upserted, deleted });
  }
  return { origin, schema, records };
}

export interface SyncedRecords {
  tableId: TableId;
  /** The records are the whole table, in order (the message said "reload"). */
  reload?: boolean;
  /** Current state of the upserted records that still exist. */
  records: TableRecord[];
  /** Deleted ids, plus upserted ids that a later write has deleted since. */
  deleted: RecordId[];
}

/** Re-reads just the records a message names. */
export async function readSyncedRecords(
  db: WorkspaceDb,
  message: SyncMessage,
): Promise<SyncedRecords[]> {
  return Promise.all(
    message.records.map(async ({ tableId, upserted, deleted, reload }) => {
      if (reload)
        return { tableId, reload, records: await loadAllRecords(db, tableId), deleted: [] };
      const records = await getRecords(db, tableId, upserted);
      const found = new Set<RecordId>(records.map((r) => r.id));
      const gone = upserted.filter((id) => !found.has(id));
      return { tableId, records, deleted: [...deleted, ...gone] };
    }),
  );
}

function isSyncMessage(value: unknown): value is SyncMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<SyncMessage>;
  return (
    typeof m.origin === 'string' &&
    typeof m.schema === 'boolean' &&
    Array.isArray(m.records) &&
    m.records.every(
      (r) =>
        typeof r === 'object' &&
        r !== null &&
        typeof r.tableId === 'string' &&
        Array.isArray(r.upserted) &&
        Array.isArray(r.deleted),
    )
  );
}
