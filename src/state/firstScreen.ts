/**
 * A snapshot of the rows a table showed first when the page was last hidden, kept in
 * localStorage so the next launch can draw them before IndexedDB has answered and start
 * reading the whole table at once. Read-only and replaced by the real rows within seconds.
 */
import type { FieldId, RecordId, TableId, WorkspaceId } from '../domain/ids';
import type { TableRecord } from '../domain/model';
import type { FormulaResult } from '../engine/types';

/** The formula results those rows showed, per record and field (until the engine has its own). */
export type FirstScreenFormulas = Partial<
  Record<RecordId, Partial<Record<FieldId, FormulaResult>>>
>;

/** Rows a first screen holds at most (a tall window's worth). */
export const FIRST_SCREEN_ROWS = 40;
const key = (workspaceId: WorkspaceId) => `regulars.first.${workspaceId}`;

interface Snapshot {
  tableId: TableId;
  records: TableRecord[];
  formulas?: FirstScreenFormulas;
}

function isSnapshot(x: unknown): x is Snapshot {
  const s = x as Snapshot;
  return (
    typeof s === 'object' && s !== null && typeof s.tableId === 'string' && Array.isArray(s.records)
  );
}

export function saveFirstScreen(
  workspaceId: WorkspaceId,
  tableId: TableId,
  records: readonly TableRecord[],
  formulas: FirstScreenFormulas = {},
): void {
  const snapshot: Snapshot = { tableId, records: records.slice(0, FIRST_SCREEN_ROWS), formulas };
  try {
    localStorage.setItem(key(workspaceId), JSON.stringify(snapshot));
  } catch {
    // A full localStorage only costs the fast first screen, never data.
  }
}

function readSnapshot(workspaceId: WorkspaceId, tableId: TableId): Snapshot | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key(workspaceId)) ?? 'null');
    return isSnapshot(parsed) && parsed.tableId === tableId ? parsed : null;
  } catch {
    return null;
  }
}

export function readFirstScreenFormulas(
  workspaceId: WorkspaceId,
  tableId: TableId,
): FirstScreenFormulas {
  const formulas = readSnapshot(workspaceId, tableId)?.formulas;
  return typeof formulas === 'object' && formulas !== null ? formulas : {};
}

export function readFirstScreen(workspaceId: WorkspaceId, tableId: TableId): TableRecord[] | null {
  try {
    const parsed = readSnapshot(workspaceId, tableId);
    if (!parsed) return null;
    return parsed.records.filter(
      (r) => typeof r?.id === 'string' && typeof r.values === 'object' && r.values !== null,
    );
  } catch {
    return null;
  }
}
