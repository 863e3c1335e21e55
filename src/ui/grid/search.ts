/**
 * The search box: a record matches when its visible cells, as shown, contain every term. The
 * text is built the first time a search needs it; nothing is computed on open.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { TypeContext } from '../../domain/fields/fieldType';
import type { RecordId } from '../../domain/ids';
import type { Field, TableRecord } from '../../domain/model';
import { shownCellText } from './cellText';
import type { LinkTitles } from './columns';

export function recordSearchText(
  rec: TableRecord,
  fields: readonly Field[],
  ctx: TypeContext,
  linkTitles: LinkTitles,
): string {
  const parts: string[] = [];
  for (const field of fields) {
    const text = shownCellText(rec, field, ctx, linkTitles);
    if (text !== '') parts.push(text);
  }
  return parts.join('\u0001').toLowerCase();
}

/** Every whitespace-separated term must appear (case-insensitive). */
export function splitTerms(search: string): string[] {
  return search.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * The search as a record test, or null when no search is on. Each record's text is cached by
 * id with the record object it was made from (records are replaced, never changed, so an
 * edited record simply makes a new entry); formula results change without their records, so
 * `forget` drops the text of the records a formula reply names (every record's when null).
 */
export function useSearch(
  search: string,
  fields: readonly Field[],
  ctx: TypeContext,
  linkTitles: LinkTitles,
) {
  const terms = useMemo(() => splitTerms(search), [search]);
  const cache = useRef(new Map<RecordId, { rec: TableRecord; text: string }>());
  // A new cache whenever what the text is made of changes (before the view reads it again:
  // this effect runs ahead of the grid's).
  useEffect(() => {
    cache.current = new Map();
  }, [fields, ctx.language, ctx.today, linkTitles]);
  const forget = useCallback((ids: readonly RecordId[] | null) => {
    if (!ids) cache.current = new Map();
    else for (const id of ids) cache.current.delete(id);
  }, []);
  const matches = useMemo(() => {
    if (terms.length === 0) return null;
    return (rec: TableRecord): boolean => {
      const entry = cache.current.get(rec.id);
      let text = entry?.rec === rec ? entry.text : undefined;
      if (text === undefined) {
        text = recordSearchText(rec, fields, ctx, linkTitles);
        cache.current.set(rec.id, { rec, text });
      }
      return terms.every((t) => (text as string).includes(t));
    };
  }, [terms, fields, ctx, linkTitles]);
  return { matches, forget };
}
