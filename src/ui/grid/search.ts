/**
 * The search box as an external filter. A record's searchable text (its visible cells as
 * shown) is built the first time a search needs it and cached per record object; records
 * are immutable, so an edited record simply gets a new entry. Nothing is computed on open.
 */
import type { GridApi, IRowNode } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { formatCell } from '../../domain/fields';
import type { TypeContext } from '../../domain/fields/fieldType';
import type { CellValue, Field, TableRecord } from '../../domain/model';
import type { LinkTitles } from './columns';
import { formulaResultType, formulaValue } from '../../state/formulas';
import { formatFormulaResult } from './formulaCells';

export function recordSearchText(
  rec: TableRecord,
  fields: readonly Field[],
  ctx: TypeContext,
  linkTitles: LinkTitles,
): string {
  const parts: string[] = [];
  for (const field of fields) {
    if (field.type === 'formula') {
      const result = formulaValue(rec.tableId, field.id, rec.id);
      parts.push(formatFormulaResult(field, result, formulaResultType(rec.tableId, field.id), ctx));
      continue;
    }
    const value =
      field.type === 'createdTime'
        ? rec.createdAt
        : field.type === 'modifiedTime'
          ? rec.modifiedAt
          : rec.values[field.id];
    if (value === undefined || value === null) continue;
    parts.push(
      field.type === 'link' && Array.isArray(value)
        ? linkTitles(field, value).join(' ')
        : formatCell(field, value as CellValue, ctx),
    );
  }
  return parts.join('\u0001').toLowerCase();
}

/** Every whitespace-separated term must appear (case-insensitive). */
export function splitTerms(search: string): string[] {
  return search.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

export function useSearchFilter(
  api: GridApi<TableRecord> | null,
  search: string,
  fields: readonly Field[],
  ctx: TypeContext,
  linkTitles: LinkTitles,
) {
  const terms = useMemo(() => splitTerms(search), [search]);
  const cache = useRef(new WeakMap<TableRecord, string>());
  useEffect(() => {
    cache.current = new WeakMap();
  }, [fields, ctx.language, ctx.today, linkTitles]);
  // Formula results change without their records changing: the grid's formula refresh says
  // whose cached text to forget (all records' when it cannot say).
  const forget = useCallback((records: readonly TableRecord[] | null) => {
    if (!records) cache.current = new WeakMap();
    else for (const rec of records) cache.current.delete(rec);
  }, []);
  const isExternalFilterPresent = useCallback(() => terms.length > 0, [terms]);
  const doesExternalFilterPass = useCallback(
    (node: IRowNode<TableRecord>) => {
      const rec = node.data;
      if (!rec) return false;
      let text = cache.current.get(rec);
      if (text === undefined) {
        text = recordSearchText(rec, fields, ctx, linkTitles);
        cache.current.set(rec, text);
      }
      return terms.every((t) => (text as string).includes(t));
    },
    [terms, fields, ctx, linkTitles],
  );
  useEffect(() => {
    if (api && !api.isDestroyed()) api.onFilterChanged();
  }, [api, terms, fields]);
  return { isExternalFilterPresent, doesExternalFilterPass, forget };
}
