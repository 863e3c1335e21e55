/**
 * Link cells store record ids; the grid shows the linked records' titles (their primary
 * field). The linked table's records are loaded on demand and the column refreshed when
 * they change.
 */
import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo } from 'react';
import { formatCell } from '../../domain/fields';
import type { RecordId, TableId } from '../../domain/ids';
import type { Field, TableRecord } from '../../domain/model';
import { cellOf } from '../../domain/packedRecords';
import { typeContext } from '../../state/actions';
import { ensureRecords, recordStore } from '../../state/session';
import { useAppStore } from '../../state/store';
import { currentLanguage } from '../i18n';
import type { LinkTitles } from './columns';

export function useLinkTitles(
  columns: readonly { field: Field }[],
  api: GridApi<TableRecord> | null,
): LinkTitles {
  const linkFields = useMemo(
    () => columns.map((c) => c.field).filter((f) => f.type === 'link'),
    [columns],
  );
  const tables = useMemo(
    () => [
      ...new Set(linkFields.map((f) => f.options.linkTableId).filter((t): t is TableId => !!t)),
    ],
    [linkFields],
  );
  const version = useAppStore((s) => tables.map((t) => s.recordVersions[t] ?? 0).join(','));
  useEffect(() => {
    for (const t of tables) void ensureRecords(t);
  }, [tables]);
  useEffect(() => {
    if (api && !api.isDestroyed() && linkFields.length > 0) {
      api.refreshCells({ columns: linkFields.map((f) => f.id), force: true });
    }
  }, [api, version, linkFields]);
  return useCallback<LinkTitles>((field, ids) => {
    const schema = useAppStore.getState().schema;
    const tableId = field.options.linkTableId;
    const table = tableId ? schema?.tables[tableId] : undefined;
    const primary = table ? schema?.fields[table.primaryFieldId] : undefined;
    if (!tableId || !primary) return ids.map(String);
    const store = recordStore(tableId);
    const ctx = typeContext(currentLanguage());
    return ids.map((id) => {
      const rec = store.get(id as RecordId);
      return rec ? formatCell(primary, cellOf(rec, primary.id), ctx) || '—' : '…';
    });
  }, []);
}
