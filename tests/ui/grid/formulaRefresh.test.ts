import type { GridApi } from 'ag-grid-community';
import { createGrid } from 'ag-grid-community';
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldId, RecordId, TableId } from '../../../src/domain/ids';
import type { TableRecord } from '../../../src/domain/model';
import { registerGridModules } from '../../../src/ui/grid/agGrid';
import {
  chooseRefreshStep,
  readSortedColumns,
  refreshFormulaCells,
} from '../../../src/ui/grid/formulaRefresh';

registerGridModules();

const M = 'fld_m' as FieldId;
const NAME = 'fld_name' as FieldId;
const record = (id: string): TableRecord => ({
  id: id as RecordId,
  tableId: 'tbl_a' as TableId,
  order: 0,
  values: { [NAME]: id },
  createdAt: 0,
  modifiedAt: 0,
});

/** A grid whose column M reads `results` (as formula columns read the engine's results). */
function makeGrid(results: Map<string, number>, filterAtLeast?: { value: number }) {
  const div = document.createElement('div');
  document.body.append(div);
  const api = createGrid<TableRecord>(div, {
    columnDefs: [
      { colId: NAME, valueGetter: (p) => p.data?.values[NAME] },
      { colId: M, valueGetter: (p) => (p.data ? results.get(p.data.id) : undefined) },
    ],
    rowData: ['a', 'b', 'c', 'd', 'e', 'f'].map(record),
    getRowId: (p) => p.data.id,
    deltaSort: true,
    isExternalFilterPresent: () => filterAtLeast !== undefined,
    doesExternalFilterPass: (n) =>
      (results.get(n.data?.id ?? '') ?? 0) >= (filterAtLeast?.value ?? 0),
  });
  return api;
}

const shownIds = (api: GridApi<TableRecord>): string[] => {
  const ids: string[] = [];
  api.forEachNodeAfterFilterAndSort((n) => n.data && ids.push(n.data.id));
  return ids;
};

let grids: GridApi<TableRecord>[] = [];
afterEach(() => {
  for (const api of grids) api.destroy();
  grids = [];
  document.body.innerHTML = '';
});

describe('chooseRefreshStep', () => {
  it('re-sorts only when the sort reads a changed formula column', () => {
    expect(chooseRefreshStep([M], { sortedBy: [M], filteredBy: [] })).toBe('sort');
    expect(chooseRefreshStep([M], { sortedBy: [NAME], filteredBy: [] })).toBe('none');
    expect(chooseRefreshStep([M], { sortedBy: [], filteredBy: [] })).toBe('none');
  });

  it('re-filters (and so re-sorts) when the search reads a changed formula column', () => {
    expect(chooseRefreshStep([M], { sortedBy: [M], filteredBy: [NAME, M] })).toBe('filter');
    expect(chooseRefreshStep([M], { sortedBy: [], filteredBy: [M] })).toBe('filter');
    expect(chooseRefreshStep([M], { sortedBy: [M], filteredBy: [NAME] })).toBe('sort');
  });
});

describe('refreshFormulaCells', () => {
  const values = () => new Map([...'abcdef'].map((id, i) => [id, i + 1]));

  it('moves the rows whose formula value changed in a sorted grid', () => {
    const results = values();
    const api = makeGrid(results);
    grids.push(api);
    api.applyColumnState({ state: [{ colId: M, sort: 'desc' }] });
    expect(readSortedColumns(api)).toEqual([M]);
    expect(shownIds(api)).toEqual(['f', 'e', 'd', 'c', 'b', 'a']);

    results.set('a', 10);
    results.set('f', 0);
    refreshFormulaCells(api, [M], ['a' as RecordId, 'f' as RecordId], 'sort');
    expect(shownIds(api)).toEqual(['a', 'e', 'd', 'c', 'b', 'f']);
  });

  it('re-sorts every row when the reply does not say which changed', () => {
    const results = values();
    const api = makeGrid(results);
    grids.push(api);
    api.applyColumnState({ state: [{ colId: M, sort: 'asc' }] });
    for (const [id, v] of results) results.set(id, 10 - v);
    refreshFormulaCells(api, [M], null, 'sort');
    expect(shownIds(api)).toEqual(['f', 'e', 'd', 'c', 'b', 'a']);
  });

  it('leaves the order alone when nothing it depends on changed', () => {
    const results = values();
    const api = makeGrid(results);
    grids.push(api);
    api.applyColumnState({ state: [{ colId: M, sort: 'asc' }] });
    results.set('a', 10);
    refreshFormulaCells(api, [M], ['a' as RecordId], 'none');
    expect(shownIds(api)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('includes and excludes rows of a filter that reads the formula', () => {
    const results = values();
    const api = makeGrid(results, { value: 4 });
    grids.push(api);
    expect(shownIds(api)).toEqual(['d', 'e', 'f']);
    results.set('a', 9);
    results.set('e', 1);
    refreshFormulaCells(api, [M], ['a' as RecordId, 'e' as RecordId], 'filter');
    expect(shownIds(api)).toEqual(['a', 'd', 'f']);
    results.set('b', 7);
    refreshFormulaCells(api, [M], null, 'filter');
    expect(shownIds(api)).toEqual(['a', 'b', 'd', 'f']);
  });
});
