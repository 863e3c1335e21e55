/**
 * Workspace life cycle: first launch (template or empty table), opening the last
 * workspace, switching tables, removing the sample data, persistence and settings.
 */
import type { Change, Command } from '../domain/changes';
import { createTableCommand } from '../domain/commands/tableCommands';
import { todayLocal } from '../domain/dates';
import type { TableId, WorkspaceId } from '../domain/ids';
import { newWorkspaceId, randomIds } from '../domain/ids';
import type { Language, WorkspaceMeta } from '../domain/model';
import type { SchemaState } from '../domain/schemaState';
import { listTables, listViews } from '../domain/schemaState';
import { createShopTemplate } from '../domain/template';
import {
  applyChanges,
  deleteWorkspaceDb,
  estimateStorage,
  listWorkspaces,
  openWorkspaceDb,
  registerWorkspace,
  requestPersistentStorage,
} from '../db';
import { attachSession, closeSession, ensureRecords, recordStore, runCommand } from './session';
import { initialState, pushNotice, useAppStore } from './store';

const LAST_WORKSPACE_KEY = 'regulars.workspace';

/** Every workspace of this browser, oldest first (a restore "as new" adds one). */
export async function listAllWorkspaces(): Promise<
  { id: WorkspaceId; name: string; createdAt: number }[]
> {
  const all = await listWorkspaces();
  return [...all].sort((a, b) => a.createdAt - b.createdAt);
}

/** The workspace this browser opened last (boot opens it again), or null on a first visit. */
export function lastWorkspaceId(): WorkspaceId | null {
  return localStorage.getItem(LAST_WORKSPACE_KEY) as WorkspaceId | null;
}

/** Opens the last used workspace, or shows the welcome screen on first launch. */
export async function boot(): Promise<void> {
  try {
    // The last workspace opens at once; the registry is only read when there is none.
    const last = lastWorkspaceId();
    if (last && (await openWorkspace(last))) return;
    const entry = (await listWorkspaces()).find((w) => w.id !== last);
    if (!entry || !(await openWorkspace(entry.id))) useAppStore.setState({ status: 'welcome' });
  } catch (err) {
    useAppStore.setState({ status: 'error' });
    pushNotice('error', 'errors.openFailed', {
      detail: err instanceof Error ? err.message : String(err),
    });
  }
}

/** Opens a workspace; false when it holds no workspace (a stale id), which is then removed. */
export async function openWorkspace(id: WorkspaceId): Promise<boolean> {
  const db = await openWorkspaceDb(id);
  const schema = await attachSession(id, db);
  if (!schema) {
    closeSession();
    localStorage.removeItem(LAST_WORKSPACE_KEY);
    const known = (await listWorkspaces()).some((w) => w.id === id);
    if (!known) await deleteWorkspaceDb(id);
    return false;
  }
  localStorage.setItem(LAST_WORKSPACE_KEY, id);
  const tableId = pickTable(schema, schema.meta.activeTableId);
  useAppStore.setState({
    ...initialState,
    status: 'ready',
    workspaceId: id,
    schema,
    activeTableId: tableId,
    activeViewId: tableId ? (listViews(schema, tableId)[0]?.id ?? null) : null,
  });
  if (tableId) void ensureRecords(tableId);
  void refreshPersistence();
  return true;
}

function pickTable(schema: SchemaState, preferred: TableId | undefined): TableId | null {
  if (preferred && schema.tables[preferred]) return preferred;
  return listTables(schema)[0]?.id ?? null;
}

export interface NewWorkspaceInput {
  kind: 'template' | 'empty';
  language: Language;
  names: { workspace: string; table: string; primaryField: string; view: string };
}

/** First launch: writes a new workspace (the shop template or one empty table) and opens it. */
export async function createWorkspace(input: NewWorkspaceInput): Promise<void> {
  useAppStore.setState({ status: 'creating' });
  const now = Date.now();
  const id = newWorkspaceId();
  const meta: WorkspaceMeta = {
    id,
    name: input.names.workspace,
    createdAt: now,
    language: input.language,
  };
  let db: Awaited<ReturnType<typeof openWorkspaceDb>> | null = null;
  try {
    db = await openWorkspaceDb(id);
    const changes: Change[] = [{ kind: 'meta', before: meta, after: meta }];
    if (input.kind === 'template') {
      const t = createShopTemplate({
        language: input.language,
        asOf: todayLocal(),
        ids: randomIds,
        now,
      });
      for (const x of t.tables) changes.push({ kind: 'table', id: x.id, after: x });
      for (const x of t.fields) changes.push({ kind: 'field', id: x.id, after: x });
      for (const x of t.views) changes.push({ kind: 'view', id: x.id, after: x });
      for (const x of t.records) changes.push({ kind: 'record', id: x.id, after: x });
    } else {
      const empty: SchemaState = { meta, tables: {}, fields: {}, views: {} };
      const { command } = createTableCommand(empty, input.names, now);
      changes.push(...command.changes);
    }
    // One transaction: the workspace exists with its records, or not at all.
    await applyChanges(db, changes);
    await registerWorkspace(meta);
    db.close();
  } catch (err) {
    db?.close();
    useAppStore.setState({ status: 'welcome' });
    pushNotice('error', 'errors.saveFailed', {
      detail: err instanceof Error ? err.message : String(err),
    });
    return;
  }
  await openWorkspace(id);
}

export function selectTable(tableId: TableId): void {
  const schema = useAppStore.getState().schema;
  if (!schema || !schema.tables[tableId]) return;
  useAppStore.setState({
    activeTableId: tableId,
    activeViewId: listViews(schema, tableId)[0]?.id ?? null,
    search: '',
  });
  void ensureRecords(tableId);
  void updateMeta({ activeTableId: tableId }, false);
}

/** Changes workspace settings (language, as-of date…); `undoable` adds it to the history. */
export async function updateMeta(patch: Partial<WorkspaceMeta>, undoable = true): Promise<void> {
  const schema = useAppStore.getState().schema;
  if (!schema) return;
  const after: WorkspaceMeta = { ...schema.meta, ...patch };
  for (const [k, v] of Object.entries(patch))
    if (v === undefined) delete (after as unknown as Record<string, unknown>)[k];
  const command: Command = {
    label: 'history.settings',
    changes: [{ kind: 'meta', before: schema.meta, after }],
    at: Date.now(),
  };
  await runCommand(command, { history: undoable });
}

export function setLanguage(language: Language | undefined): Promise<void> {
  return updateMeta({ language }, false);
}

/** Removes every table created from the template's sample data (one undoable step). */
export async function removeSampleData(): Promise<void> {
  const schema = useAppStore.getState().schema;
  if (!schema) return;
  const samples = listTables(schema).filter((t) => t.sample);
  const changes: Change[] = [];
  for (const t of samples) {
    await ensureRecords(t.id);
    for (const r of recordStore(t.id).all()) changes.push({ kind: 'record', id: r.id, before: r });
    for (const r of Object.values(schema.views))
      if (r.tableId === t.id) changes.push({ kind: 'view', id: r.id, before: r });
    for (const f of Object.values(schema.fields))
      if (f.tableId === t.id) changes.push({ kind: 'field', id: f.id, before: f });
    changes.push({ kind: 'table', id: t.id, before: t });
  }
  if (changes.length === 0) return;
  await runCommand({ label: 'history.removeSample', changes, at: Date.now() });
  const next = useAppStore.getState().schema;
  const first = next ? listTables(next)[0] : undefined;
  if (first) selectTable(first.id);
  else useAppStore.setState({ activeTableId: null, activeViewId: null });
}

export async function refreshPersistence(): Promise<void> {
  const persistence = await requestPersistentStorage();
  const storage = (await estimateStorage()) ?? null;
  useAppStore.setState({ persistence, storage });
}
