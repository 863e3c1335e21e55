/**
 * A snapshot of the rows a table showed first when the page was last hidden, kept in
 * localStorage so the next launch can draw them before IndexedDB has answered and start
 * reading the whole table at once. Read-only and replaced by the real rows within seconds.
 */
import type { TableId, WorkspaceId } from '../domain/ids';
import type { TableRecord } from '../domain/model';

const MAX_ROWS = 40;
const key = (workspaceId: WorkspaceId) => `regulars.first.${workspaceId}`;

interface Snapshot {
  tableId: TableId;
  records: TableRecord[];
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
): void {
  const snapshot: Snapshot = { tableId, records: records.slice(0, MAX_ROWS) };
  try {
    localStorage.setItem(key(workspaceId), JSON.stringify(snapshot));
  } catch {
    // A full localStorage only costs the fast first screen, never data.
  }
}

export function readFirstScreen(workspaceId: WorkspaceId, tableId: TableId): TableRecord[] | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key(workspaceId)) ?? 'null');
    if (!isSnapshot(parsed) || parsed.tableId !== tableId) return null;
    return parsed.records.filter(
      (r) => typeof r?.id === 'string' && typeof r.values === 'object' && r.values !== null,
    );
  } catch {
    return null;
  }
}
