/**
 * Lets code outside the grid (the toolbar's export) ask which records the grid shows, in the
 * order it shows them (search applied, sorted). The mounted grid registers itself here.
 */
import type { RecordId, TableId } from '../../domain/ids';

interface Registration {
  tableId: TableId;
  /** Waits until the grid holds every row. */
  read: () => Promise<RecordId[]>;
}

let current: Registration | null = null;

/** Returns the function that unregisters (only if nothing replaced it meanwhile). */
export function registerDisplayedRows(
  tableId: TableId,
  read: () => Promise<RecordId[]>,
): () => void {
  const mine: Registration = { tableId, read };
  current = mine;
  return () => {
    if (current === mine) current = null;
  };
}

/** The shown records of the table in grid order, or null when no grid shows that table. */
export async function readDisplayedRecordIds(tableId: TableId): Promise<RecordId[] | null> {
  return current && current.tableId === tableId ? current.read() : null;
}
