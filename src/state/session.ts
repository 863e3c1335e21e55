/**
 * The open workspace: its database, its cross-tab channel and its record stores. Every
 * change goes through `runCommand`: memory first (the grid updates at once), then one
 * database transaction; if the write fails the change is rolled back and the user told why.
 */
import type { Change, Command } from '../domain/changes';
import { invertCommand } from '../domain/changes';
import { EMPTY_HISTORY, pushCommand, takeRedo, takeUndo } from '../domain/history';
import type { TableId, WorkspaceId } from '../domain/ids';
import type { TableRecord } from '../domain/model';
import type { SchemaState } from '../domain/schemaState';
import { applySchemaChanges, hasSchemaChanges } from '../domain/schemaState';
import type { WorkspaceDb, SyncChannel, SyncMessage } from '../db';
import {
  applyChanges,
  classifyStorageError,
  createSyncChannel,
  loadAllRecords,
  loadSchema,
  readSyncedRecords,
  WriteAbortedError,
} from '../db';
import { yieldToEventLoop } from '../domain/pause';
import { readFirstScreen } from './firstScreen';
import { afterStartup } from './startup';
import { RecordStore } from './recordStore';
import { bumpRecords, pushNotice, useAppStore } from './store';

interface Session {
  workspaceId: WorkspaceId;
  db: WorkspaceDb;
  sync: SyncChannel;
  stores: Map<TableId, RecordStore>;
  loading: Map<TableId, Promise<void>>;
  /** Database writes run one after another, in command order. */
  queue: Promise<void>;
}

let session: Session | null = null;
const tabId = Math.random().toString(36).slice(2);

export function recordStore(tableId: TableId): RecordStore {
  const s = requireSession();
  let store = s.stores.get(tableId);
  if (!store) {
    store = new RecordStore(tableId);
    store.subscribe(() => bumpRecords(tableId));
    s.stores.set(tableId, store);
  }
  return store;
}

/** A table this tab has just created holds no records: it counts as loaded without a read. */
export function markNewTableLoaded(tableId: TableId): void {
  const store = recordStore(tableId);
  if (!store.complete && store.size === 0) store.reset([], true);
  markLoaded(tableId);
}

function markLoaded(tableId: TableId): void {
  useAppStore.setState((st) => ({ loaded: { ...st.loaded, [tableId]: true } }));
}

export class NoSessionError extends Error {
  override name = 'NoSessionError';
}

function requireSession(): Session {
  if (!session) throw new NoSessionError('No workspace is open');
  return session;
}

export async function attachSession(
  workspaceId: WorkspaceId,
  db: WorkspaceDb,
): Promise<SchemaState | null> {
  closeSession();
  const sync = createSyncChannel(workspaceId, tabId);
  session = {
    workspaceId,
    db,
    sync,
    stores: new Map(),
    loading: new Map(),
    queue: Promise.resolve(),
  };
  sync.subscribe((msg) => void receiveRemote(msg));
  const loaded = await loadSchema(db);
  if (!loaded.meta) return null;
  return toSchemaState(loaded);
}

export function closeSession(): void {
  if (!session) return;
  session.sync.close();
  session.db.close();
  session = null;
}

function toSchemaState(loaded: Awaited<ReturnType<typeof loadSchema>>): SchemaState | null {
  if (!loaded.meta) return null;
  return {
    meta: loaded.meta,
    tables: Object.fromEntries(loaded.tables.map((t) => [t.id, t])),
    fields: Object.fromEntries(loaded.fields.map((f) => [f.id, f])),
    views: Object.fromEntries(loaded.views.map((v) => [v.id, v])),
  };
}

/** Loads a table's records: the first screen quickly, then the rest. */
export function ensureRecords(tableId: TableId): Promise<void> {
  const s = requireSession();
  const store = recordStore(tableId);
  if (store.complete) return Promise.resolve();
  const pending = s.loading.get(tableId);
  if (pending) return pending;
  const job = (async () => {
    store.beginLoad();
    // The first screen comes from the last session's snapshot when there is one; without
    // one the rows appear when the table is read (records are stored in hashed buckets, so
    // the first rows in order cost as much as all of them).
    const snapshot = readFirstScreen(s.workspaceId, tableId);
    if (snapshot && snapshot.length > 0) {
      store.reset(snapshot, false);
      performance.mark('regulars:first-rows');
    }
    if (!store.complete) {
      const all = await loadAllRecords(s.db, tableId, { workerStartsAfter: afterStartup });
      performance.mark('regulars:records-read');
      // The rows are shown (the store's listeners and the render they cause) in a task of
      // their own, not after the last slice of putting the records in order.
      await yieldToEventLoop();
      if (session !== s) return;
      if (!store.complete) store.finishLoad(all);
      if (!snapshot || snapshot.length === 0) performance.mark('regulars:first-rows');
      // The store's listeners (grid, formulas) and the shell's re-render take separate tasks.
      await yieldToEventLoop();
      if (session !== s) return;
    }
    markLoaded(tableId);
  })();
  s.loading.set(tableId, job);
  return job.finally(() => s.loading.delete(tableId));
}

/** `now` stamps modifiedAt on edited records; the database write uses the same instant. */
function applyInMemory(changes: readonly Change[], now: number): void {
  if (hasSchemaChanges(changes)) {
    useAppStore.setState((st) =>
      st.schema ? { schema: applySchemaChanges(st.schema, changes) } : {},
    );
  }
  const tables = new Set<TableId>();
  for (const c of changes) {
    if (c.kind === 'cell') tables.add(c.tableId);
    else if (c.kind === 'record') {
      const t = c.after?.tableId ?? c.before?.tableId;
      if (t) tables.add(t);
    }
  }
  for (const t of tables) recordStore(t).apply(changes, now);
}

export type CommandOutcome = 'ok' | 'failed';

/** Applies a command, records it for undo (unless `history` is false) and stores it. */
export async function runCommand(
  command: Command,
  options: { history?: boolean } = {},
): Promise<CommandOutcome> {
  if (command.changes.length === 0) return 'ok';
  const s = requireSession();
  const now = Date.now();
  applyInMemory(command.changes, now);
  if (options.history !== false) {
    useAppStore.setState((st) => ({ history: pushCommand(st.history, command) }));
  }
  return persist(s, command, now, () => {
    if (options.history !== false) {
      useAppStore.setState((st) => ({
        history: { undo: st.history.undo.filter((c) => c !== command), redo: st.history.redo },
      }));
    }
  });
}

function persist(
  s: Session,
  command: Command,
  now: number,
  onFail: () => void,
): Promise<CommandOutcome> {
  pendingWrites += 1;
  const write = s.queue.then(async (): Promise<CommandOutcome> => {
    try {
      await applyChanges(s.db, command.changes, now);
      s.sync.publish(command.changes);
      performance.mark('regulars:committed');
      return 'ok';
    } catch (err) {
      if (session === s) applyInMemory(invertCommand(command).changes, Date.now());
      onFail();
      reportWriteFailure(err);
      return 'failed';
    } finally {
      pendingWrites -= 1;
    }
  });
  s.queue = write.then(() => undefined);
  return write;
}

let pendingWrites = 0;

/** True while a change shown on screen is still being written to the database. */
export function hasPendingWrites(): boolean {
  return pendingWrites > 0;
}

/**
 * Closing or reloading the tab while a write is in flight would lose it: the browser then
 * asks the user to stay (its own wording; the page cannot set the text).
 */
export function guardPendingWrites(target: Pick<Window, 'addEventListener'>): void {
  target.addEventListener('beforeunload', (event) => {
    if (!hasPendingWrites()) return;
    event.preventDefault();
    // Older browsers need returnValue set to show the prompt.
    (event as BeforeUnloadEvent).returnValue = true;
  });
}

export type LargeCommandOutcome = CommandOutcome | 'cancelled';

/**
 * For commands too large to show before they are stored (imports, restores): writes first, in
 * ONE transaction of chunked bulk calls (the page keeps running; aborting `signal` rolls it all
 * back), then applies the command in memory, records it as one undo step and tells other tabs.
 */
export async function runLargeCommand(
  command: Command,
  options: { signal?: AbortSignal; onProgress?: (written: number, total: number) => void } = {},
): Promise<LargeCommandOutcome> {
  if (command.changes.length === 0) return 'ok';
  const s = requireSession();
  const now = Date.now();
  pendingWrites += 1;
  const write = s.queue.then(async (): Promise<LargeCommandOutcome> => {
    try {
      await applyChanges(s.db, command.changes, now, options);
    } catch (err) {
      if (err instanceof WriteAbortedError) return 'cancelled';
      reportWriteFailure(err);
      return 'failed';
    } finally {
      pendingWrites -= 1;
    }
    if (session === s) {
      applyInMemory(command.changes, now);
      useAppStore.setState((st) => ({ history: pushCommand(st.history, command) }));
      // Summarising a million changes for the other tabs takes its own task.
      await yieldToEventLoop();
      s.sync.publish(command.changes);
    }
    performance.mark('regulars:committed');
    return 'ok';
  });
  s.queue = write.then(() => undefined);
  return write;
}

function reportWriteFailure(err: unknown): void {
  const kind = classifyStorageError(err);
  pushNotice('error', kind === 'quota' ? 'errors.quota' : 'errors.saveFailed', {
    detail: err instanceof Error ? err.message : String(err),
  });
}

/** Applies the history step `take` offers; a failed write puts the history back. */
async function stepHistory(take: typeof takeUndo): Promise<void> {
  const s = requireSession();
  const step = take(useAppStore.getState().history);
  if (!step) return;
  const before = useAppStore.getState().history;
  useAppStore.setState({ history: step.history });
  const now = Date.now();
  applyInMemory(step.apply.changes, now);
  await persist(s, step.apply, now, () => useAppStore.setState({ history: before }));
}

export const undo = (): Promise<void> => stepHistory(takeUndo);
export const redo = (): Promise<void> => stepHistory(takeRedo);

/** Waits until every queued write has reached the database. */
export function flushWrites(): Promise<void> {
  return session ? session.queue : Promise.resolve();
}

async function receiveRemote(msg: SyncMessage): Promise<void> {
  const s = session;
  if (!s) return;
  if (msg.replaced) return reloadEverything(s);
  if (msg.schema) {
    const loaded = toSchemaState(await loadSchema(s.db));
    if (loaded && session === s) useAppStore.setState({ schema: loaded });
  }
  // A whole-table reload is only worth reading for a table this tab holds.
  const wanted = msg.records.filter((r) => !r.reload || s.stores.get(r.tableId)?.complete);
  for (const part of await readSyncedRecords(s.db, { ...msg, records: wanted })) {
    const store = s.stores.get(part.tableId);
    if (!store || session !== s) continue;
    if (part.reload) store.reset(part.records, true);
    else store.replace(part.records, part.deleted);
  }
}

/**
 * Another tab restored a backup over this workspace: the schema and every table this tab holds
 * are read again, and the undo history (steps on data that no longer exists) is cleared.
 */
async function reloadEverything(s: Session): Promise<void> {
  const schema = toSchemaState(await loadSchema(s.db));
  const tables: [RecordStore, TableRecord[]][] = [];
  for (const [tableId, store] of s.stores)
    if (store.complete) tables.push([store, await loadAllRecords(s.db, tableId)]);
  if (!schema || session !== s) return;
  useAppStore.setState({ schema, history: EMPTY_HISTORY });
  for (const [store, records] of tables) store.reset(records, true);
}

/** Tells the other tabs of this workspace that it was replaced (a backup restored over it). */
export function announceReplaced(): void {
  session?.sync.publishReplaced();
}
