/**
 * Formula results change without their records changing. The changed cells are repainted and,
 * when the grid's sort or search reads a changed formula column, the rows are re-sorted and
 * re-filtered once per reply: only the changed rows when the reply names them (a delta sort).
 */
import type { GridApi, IRowNode } from 'ag-grid-community';
import { useEffect, useRef } from 'react';
import type { FieldId, RecordId, TableId } from '../../domain/ids';
import type { TableRecord } from '../../domain/model';
import { subscribeFormulas } from '../../state/formulas';

/** Which part of the grid's row model a formula change invalidates. */
export type FormulaRefreshStep = 'none' | 'sort' | 'filter';

/** What the grid orders and filters by right now. */
export interface GridReading {
  /** Columns the rows are sorted by. */
  sortedBy: readonly string[];
  /** Columns the active filter (the search) reads; empty when no filter is on. */
  filteredBy: readonly string[];
}

/** The step to re-run after `changed` formula columns got new values (filtering also sorts). */
export function chooseRefreshStep(
  changed: readonly FieldId[],
  reading: GridReading,
): FormulaRefreshStep {
  const touched = new Set<string>(changed);
  if (reading.filteredBy.some((id) => touched.has(id))) return 'filter';
  if (reading.sortedBy.some((id) => touched.has(id))) return 'sort';
  return 'none';
}

/** The columns the grid is sorted by, in any order. */
export function readSortedColumns(api: GridApi<TableRecord>): string[] {
  return api
    .getColumnState()
    .filter((c) => c.sort)
    .map((c) => c.colId);
}

/** The grid's row nodes of `ids` (records it does not show are skipped). */
function findNodes(api: GridApi<TableRecord>, ids: readonly RecordId[]): IRowNode<TableRecord>[] {
  const nodes: IRowNode<TableRecord>[] = [];
  for (const id of ids) {
    const node = api.getRowNode(id);
    if (node?.data) nodes.push(node);
  }
  return nodes;
}

/**
 * Applies one formula reply to the grid: `rows` null means any row may have changed. A
 * transaction that "updates" the unchanged records makes AG Grid re-filter and delta-sort just
 * those rows; a change of every row re-runs the model from `step`.
 */
export function refreshFormulaCells(
  api: GridApi<TableRecord>,
  fields: readonly FieldId[],
  rows: readonly RecordId[] | null,
  step: FormulaRefreshStep,
): void {
  const rowNodes = rows ? findNodes(api, rows) : undefined;
  if (step !== 'none') {
    if (rowNodes) {
      const update = rowNodes.map((n) => n.data as TableRecord);
      if (update.length > 0) api.applyTransaction({ update });
    } else {
      api.refreshClientSideRowModel(step);
    }
  }
  api.refreshCells({ columns: [...fields], rowNodes, force: true });
}

export interface FormulaRefreshSearch {
  /** The fields the search reads, or none when no search is on. */
  filteredBy: () => readonly string[];
  /** Forgets the cached search text of these records (all records when null). */
  forget: (records: readonly TableRecord[] | null) => void;
}

/** Keeps the grid's cells, sort and search in step with the table's formula results. */
export function useFormulaRefresh(
  api: GridApi<TableRecord> | null,
  tableId: TableId,
  search: FormulaRefreshSearch,
): void {
  // The latest search, read when a reply arrives (no resubscription on every keystroke).
  const latest = useRef(search);
  latest.current = search;
  useEffect(() => {
    if (!api) return;
    return subscribeFormulas(tableId, (fields, rows) => {
      if (api.isDestroyed()) return;
      const { filteredBy, forget } = latest.current;
      forget(rows ? findNodes(api, rows).map((n) => n.data as TableRecord) : null);
      const reading = { sortedBy: readSortedColumns(api), filteredBy: filteredBy() };
      refreshFormulaCells(api, fields, rows, chooseRefreshStep(fields, reading));
    });
  }, [api, tableId]);
}
