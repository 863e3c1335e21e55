/** The app shell: first-launch welcome, or sidebar + toolbar + grid, plus dialogs and notices. */
import { useCallback, useDeferredValue, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordId } from '../domain/ids';
import { listTables } from '../domain/schemaState';
import { createTable } from '../state/actions';
import { redo, undo } from '../state/session';
import { selectActiveTable, selectActiveView, useAppStore } from '../state/store';
import { selectTable } from '../state/workspace';
import type { GridHandle } from './grid/DataGrid';
import { LazyGrid } from './grid/LazyGrid';
import { initI18n, normaliseLanguage } from './i18n';
import { ImportEntry } from './import/ImportEntry';
import { BackupReminder } from './export/BackupReminder';
import { Notices } from './shell/Notices';
import { RecordForm } from './shell/RecordForm';
import { SettingsDialog } from './shell/SettingsDialog';
import { Sidebar } from './shell/Sidebar';
import { Welcome } from './shell/Welcome';
import { Toolbar } from './Toolbar';
import { FirstScreen } from './FirstScreen';
import { isTextEntry } from './textEntry';

export function App() {
  const { t } = useTranslation();
  // Deferred: the store's updates render synchronously (useSyncExternalStore), and mounting
  // the workspace (sidebar, toolbar, first screen) in one go took a 20–30 ms task at launch; a
  // deferred value is rendered by React in slices of a few ms.
  const status = useDeferredValue(useAppStore((s) => s.status));
  const language = useAppStore((s) => s.schema?.meta.language);
  useEffect(() => {
    const chosen = language ?? normaliseLanguage(navigator.language);
    initI18n(chosen);
    document.documentElement.lang = chosen;
  }, [language]);
  useUndoKeys();
  return (
    <>
      {status === 'booting' ? <div className="app-loading">{t('app.name')}</div> : null}
      {status === 'welcome' || status === 'creating' ? <Welcome /> : null}
      {status === 'ready' ? <Workspace /> : null}
      {status === 'error' ? <div className="app-loading">{t('app.name')}</div> : null}
      <Notices />
    </>
  );
}

function Workspace() {
  const { t } = useTranslation();
  const table = useAppStore(selectActiveTable);
  const view = useAppStore(selectActiveView);
  const loaded = useAppStore((s) => (table ? s.loaded[table.id] === true : false));
  useFallbackTable(table === null);
  const [selected, setSelected] = useState<RecordId[]>([]);
  const [displayed, setDisplayed] = useState<number | null>(null);
  const [expanded, setExpanded] = useState<{ id: RecordId; order: RecordId[] } | null>(null);
  const [settings, setSettings] = useState(false);
  const [painted, setPainted] = useState<string | null>(null);
  const gridRef = useRef<GridHandle | null>(null);
  const onExpand = useCallback((id: RecordId, order: RecordId[]) => setExpanded({ id, order }), []);
  const onAdded = useCallback((id: RecordId) => gridRef.current?.focusRecord(id), []);
  const onOpenSettings = useCallback(() => setSettings(true), []);
  const tableId = table?.id;
  const onFirstRows = useCallback(() => setPainted(tableId ?? null), [tableId]);
  const [gridUp, setGridUp] = useState<string | null>(null);
  const onGridUp = useCallback(() => setGridUp(tableId ?? null), [tableId]);
  return (
    <div className="app" data-testid="app" data-loaded={loaded ? 'true' : 'false'}>
      <Sidebar />
      <main className="app-main">
        <BackupReminder />
        {table && view ? (
          <>
            <Toolbar
              table={table}
              view={view}
              selected={selected}
              displayed={displayed}
              onAdded={onAdded}
              onOpenSettings={onOpenSettings}
            />
            <div className="grid-area">
              <LazyGrid
                table={table}
                view={view}
                handleRef={gridRef}
                onExpand={onExpand}
                onSelectionChange={setSelected}
                onDisplayedCount={setDisplayed}
                onFirstRows={onFirstRows}
                onReady={onGridUp}
              />
              {painted !== table.id ? (
                <FirstScreen table={table} view={view} follow={gridUp !== table.id} />
              ) : null}
            </div>
          </>
        ) : (
          <div className="empty-workspace">
            <p>{t('toolbar.noTable')}</p>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() =>
                void createTable({
                  table: t('shell.newTableName'),
                  primaryField: t('shell.names.primaryField'),
                  view: t('shell.names.view'),
                })
              }
            >
              {t('toolbar.createFirst')}
            </button>
            <button type="button" className="btn" onClick={() => setSettings(true)}>
              {t('toolbar.settings')}
            </button>
          </div>
        )}
      </main>
      {expanded && table ? (
        <RecordForm
          tableId={table.id}
          recordId={expanded.id}
          recordIds={expanded.order}
          onNavigate={(id) => setExpanded({ id, order: expanded.order })}
          onClose={() => setExpanded(null)}
        />
      ) : null}
      {settings ? <SettingsDialog onClose={() => setSettings(false)} /> : null}
      <ImportEntry />
    </div>
  );
}

/**
 * With no table open while the workspace has tables (say, undoing "remove sample data" after
 * its write finished), opens the first one instead of claiming there are no tables.
 */
function useFallbackTable(noTable: boolean): void {
  const firstTableId = useAppStore((s) => (s.schema ? listTables(s.schema)[0]?.id : undefined));
  useEffect(() => {
    if (noTable && firstTableId) selectTable(firstTableId);
  }, [noTable, firstTableId]);
}

/** Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z anywhere except inside a text input (which keeps its own undo). */
function useUndoKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (isTextEntry(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void undo();
      } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
        e.preventDefault();
        void redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
