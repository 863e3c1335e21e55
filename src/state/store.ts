/**
 * The zustand store: what React renders from. It holds the small schema, the UI state and
 * the undo history; records live in RecordStores (session.ts) and are announced here only
 * through a version counter per table.
 */
import { create } from 'zustand';
import type { History } from '../domain/history';
import { EMPTY_HISTORY } from '../domain/history';
import type { TableId, ViewId, WorkspaceId } from '../domain/ids';
import type { SchemaState } from '../domain/schemaState';

export type AppStatus = 'booting' | 'welcome' | 'creating' | 'ready' | 'error';
export type PersistenceState = 'unknown' | 'granted' | 'denied' | 'unsupported';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  /** i18n key and its parameters. */
  message: string;
  params?: Record<string, string | number>;
}

export interface AppState {
  status: AppStatus;
  workspaceId: WorkspaceId | null;
  schema: SchemaState | null;
  activeTableId: TableId | null;
  activeViewId: ViewId | null;
  search: string;
  history: History;
  /** Bumped whenever a table's records change, so counts and cards re-render. */
  recordVersions: Readonly<Record<TableId, number>>;
  /** Tables whose records are fully loaded. */
  loaded: Readonly<Record<TableId, boolean>>;
  notices: readonly Notice[];
  persistence: PersistenceState;
  storage: { usage: number; quota: number } | null;
  busy: string | null;
}

export const initialState: AppState = {
  status: 'booting',
  workspaceId: null,
  schema: null,
  activeTableId: null,
  activeViewId: null,
  search: '',
  history: EMPTY_HISTORY,
  recordVersions: {},
  loaded: {},
  notices: [],
  persistence: 'unknown',
  storage: null,
  busy: null,
};

export const useAppStore = create<AppState>()(() => initialState);

let noticeId = 0;
/**
 * Shows a notice; the same notice already showing goes, so repeating it (a key typed again and
 * again) shows it once, for its full time again.
 */
export function pushNotice(kind: Notice['kind'], message: string, params?: Notice['params']): void {
  noticeId += 1;
  const notice: Notice = { id: noticeId, kind, message, params };
  const same = (n: Notice) =>
    n.kind === kind && n.message === message && sameParams(n.params, params);
  useAppStore.setState((s) => ({
    notices: [...s.notices.filter((n) => !same(n)).slice(-4), notice],
  }));
}

function sameParams(a: Notice['params'] = {}, b: Notice['params'] = {}): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

export function dismissNotice(id: number): void {
  useAppStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

export function bumpRecords(tableId: TableId): void {
  useAppStore.setState((s) => ({
    recordVersions: { ...s.recordVersions, [tableId]: (s.recordVersions[tableId] ?? 0) + 1 },
  }));
}

export const selectActiveTable = (s: AppState) =>
  s.schema && s.activeTableId ? (s.schema.tables[s.activeTableId] ?? null) : null;
export const selectActiveView = (s: AppState) =>
  s.schema && s.activeViewId ? (s.schema.views[s.activeViewId] ?? null) : null;
export const selectCanUndo = (s: AppState) => s.history.undo.length > 0;
export const selectCanRedo = (s: AppState) => s.history.redo.length > 0;
