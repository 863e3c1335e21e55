/** Above the grid: table name, record actions, search, record count, columns, undo/redo, settings. */
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordId } from '../domain/ids';
import type { Table, View } from '../domain/model';
import { addRecord, deleteRecords, setSearch } from '../state/actions';
import { recordStore, redo, undo } from '../state/session';
import { selectCanRedo, selectCanUndo, useAppStore } from '../state/store';
import { FieldDialog } from './columns/FieldDialog';
import { HiddenFieldsButton } from './columns/HiddenFieldsButton';
import { ImportButton } from './import/ImportButton';
import { ExportMenu } from './export/ExportMenu';

export interface ToolbarProps {
  table: Table;
  view: View;
  selected: RecordId[];
  displayed: number | null;
  onAdded: (id: RecordId) => void;
  onOpenSettings: () => void;
}

/** Memoised: the shell re-renders as the grid comes up and counts its rows. */
export const Toolbar = memo(function Toolbar({
  table,
  view,
  selected,
  displayed,
  onAdded,
  onOpenSettings,
}: ToolbarProps) {
  const { t, i18n } = useTranslation();
  const search = useAppStore((s) => s.search);
  const canUndo = useAppStore(selectCanUndo);
  const canRedo = useAppStore(selectCanRedo);
  const lastUndo = useAppStore((s) => s.history.undo.at(-1)?.label);
  const lastRedo = useAppStore((s) => s.history.redo.at(-1)?.label);
  const [adding, setAdding] = useState(false);
  // Made once per language: a NumberFormat costs ~1 ms (the first one ~10 ms) on every render.
  const nf = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);
  const count = useRecordTotal(table.id);
  const shown = displayed ?? count;
  return (
    <div className="toolbar" role="toolbar" aria-label={table.name}>
      <h1 className="toolbar-title">{table.name}</h1>
      <button
        type="button"
        className="btn btn-primary"
        data-testid="add-record"
        onClick={() => void addRecord(table.id).then((r) => onAdded(r.id))}
      >
        {t('toolbar.addRecord')}
      </button>
      <button
        type="button"
        className="btn"
        data-testid="add-column"
        onClick={() => setAdding(true)}
      >
        {t('toolbar.addColumn')}
      </button>
      {selected.length > 0 ? (
        <button
          type="button"
          className="btn btn-danger"
          data-testid="delete-selected"
          onClick={() => void deleteRecords(table.id, selected)}
        >
          {t('toolbar.deleteSelected', { count: selected.length })}
        </button>
      ) : null}
      <HiddenFieldsButton viewId={view.id} />
      <ImportButton />
      <ExportMenu table={table} view={view} />
      <div className="toolbar-spacer" />
      <span className="record-count" data-testid="record-count" aria-live="polite">
        {!search
          ? t('toolbar.count', { count, formatted: nf.format(count) })
          : t('toolbar.countFiltered', {
              count,
              shown: nf.format(shown),
              formatted: nf.format(count),
            })}
      </span>
      <label className="search-box">
        <span className="visually-hidden">{t('toolbar.search')}</span>
        <input
          className="input"
          type="search"
          data-testid="search"
          placeholder={t('toolbar.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </label>
      <button
        type="button"
        className="btn btn-icon"
        data-testid="undo"
        disabled={!canUndo}
        title={
          lastUndo ? t('actions.undoLabel', { what: t(lastUndo) }) : t('actions.nothingToUndo')
        }
        aria-label={t('actions.undo')}
        onClick={() => void undo()}
      >
        ↶
      </button>
      <button
        type="button"
        className="btn btn-icon"
        data-testid="redo"
        disabled={!canRedo}
        title={
          lastRedo ? t('actions.redoLabel', { what: t(lastRedo) }) : t('actions.nothingToRedo')
        }
        aria-label={t('actions.redo')}
        onClick={() => void redo()}
      >
        ↷
      </button>
      <button
        type="button"
        className="btn btn-icon"
        data-testid="open-settings"
        aria-label={t('toolbar.settings')}
        title={t('toolbar.settings')}
        onClick={onOpenSettings}
      >
        ⚙
      </button>
      {adding ? (
        <FieldDialog mode="add" tableId={table.id} onClose={() => setAdding(false)} />
      ) : null}
    </div>
  );
});

/** The table's record count, re-read whenever its records change (0 before a workspace opens). */
function useRecordTotal(tableId: Table['id']): number {
  useAppStore((s) => s.recordVersions[tableId] ?? 0);
  return useAppStore.getState().workspaceId ? recordStore(tableId).size : 0;
}
