/**
 * The list of tables at the left. `SidebarView` takes data and callbacks (easy to test);
 * `Sidebar` wires it to the store and the actions.
 */
import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableNameProblem } from '../../domain/commands/tableCommands';
import { validateTableName } from '../../domain/commands/tableCommands';
import type { TableId } from '../../domain/ids';
import type { Table } from '../../domain/model';
import { listTables } from '../../domain/schemaState';
import { createTable, deleteTable, duplicateTable, renameTable } from '../../state/actions';
import { ensureRecords, recordStore } from '../../state/session';
import { useAppStore } from '../../state/store';
import { removeSampleData, selectTable } from '../../state/workspace';
import { ConfirmDialog } from './ConfirmDialog';
import { SidebarItem } from './SidebarItem';
import '../styles/shell.css';

export interface SidebarViewProps {
  /** In sidebar order. */
  tables: readonly Table[];
  activeTableId: TableId | null;
  validateName: (name: string, tableId: TableId) => TableNameProblem | null;
  /** How many records a table holds (may load them first), for the delete confirmation. */
  countRecords: (tableId: TableId) => Promise<number>;
  onSelect: (tableId: TableId) => void;
  onRename: (tableId: TableId, name: string) => void;
  onDuplicate: (tableId: TableId) => void;
  onDelete: (tableId: TableId) => void;
  onCreate: () => void;
  onRemoveSample: () => void;
}

type Confirming =
  { kind: 'delete'; table: Table; count: number | null } | { kind: 'sample' } | null;

const COLLAPSED_KEY = 'regulars.sidebarCollapsed';

function readCollapsed(): boolean {
  try {
    return localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

export function SidebarView(props: SidebarViewProps) {
  const { tables, activeTableId, validateName, countRecords } = props;
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const samples = tables.filter((x) => x.sample);

  const toggle = () => {
    const next = !collapsed;
    setCollapsed(next);
    try {
      localStorage.setItem(COLLAPSED_KEY, next ? '1' : '0');
    } catch {
      // Private mode may refuse storage; the sidebar still toggles for this session.
    }
  };

  const askDelete = (table: Table) => {
    setConfirming({ kind: 'delete', table, count: null });
    void countRecords(table.id).then((count) =>
      setConfirming((c) => (c?.kind === 'delete' && c.table.id === table.id ? { ...c, count } : c)),
    );
  };

  if (collapsed) {
    return (
      <aside
        className="sidebar collapsed"
        data-testid="sidebar"
        aria-label={t('shell.sidebar.label')}
      >
        <button
          type="button"
          className="sidebar-toggle"
          aria-label={t('shell.sidebar.expand')}
          aria-expanded={false}
          onClick={toggle}
        >
          »
        </button>
      </aside>
    );
  }

  return (
    <aside className="sidebar" data-testid="sidebar" aria-label={t('shell.sidebar.label')}>
      <div className="sidebar-header">
        <h2 className="sidebar-title">{t('shell.sidebar.label')}</h2>
        <button
          type="button"
          className="sidebar-toggle"
          aria-label={t('shell.sidebar.collapse')}
          aria-expanded
          onClick={toggle}
        >
          «
        </button>
      </div>
      <ul className="sidebar-list">
        {tables.map((table) => (
          <SidebarItem
            key={table.id}
            table={table}
            active={table.id === activeTableId}
            validateName={(name) => validateName(name, table.id)}
            onSelect={() => props.onSelect(table.id)}
            onRename={(name) => props.onRename(table.id, name)}
            onDuplicate={() => props.onDuplicate(table.id)}
            onDelete={() => askDelete(table)}
          />
        ))}
      </ul>
      <button
        type="button"
        className="sidebar-new"
        data-testid="new-table"
        onClick={props.onCreate}
      >
        + {t('shell.sidebar.newTable')}
      </button>
      <div className="sidebar-footer">
        {samples.length > 0 ? (
          <button
            type="button"
            className="sidebar-remove-sample"
            data-testid="remove-sample"
            onClick={() => setConfirming({ kind: 'sample' })}
          >
            {t('shell.sidebar.removeSample')}
          </button>
        ) : null}
      </div>
      {confirming ? (
        <SidebarConfirm
          confirming={confirming}
          sampleNames={samples.map((x) => x.name)}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            if (confirming.kind === 'delete') props.onDelete(confirming.table.id);
            else props.onRemoveSample();
          }}
        />
      ) : null}
    </aside>
  );
}

interface SidebarConfirmProps {
  confirming: NonNullable<Confirming>;
  sampleNames: string[];
  onConfirm: () => void;
  onCancel: () => void;
}

function SidebarConfirm({ confirming, sampleNames, onConfirm, onCancel }: SidebarConfirmProps) {
  const { t } = useTranslation();
  const sample = confirming.kind === 'sample';
  return (
    <ConfirmDialog
      title={t(sample ? 'shell.sidebar.removeSampleTitle' : 'shell.sidebar.deleteTitle')}
      confirmLabel={t(sample ? 'shell.sidebar.removeSample' : 'actions.delete')}
      danger
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {confirming.kind === 'sample' ? (
        <p>
          {t('shell.sidebar.removeSampleBody', {
            names: sampleNames.join(t('shell.listSeparator')),
          })}
        </p>
      ) : (
        <>
          <p>
            {confirming.count === null
              ? t('shell.sidebar.deleteBodyCounting', { name: confirming.table.name })
              : t('shell.sidebar.deleteBody', {
                  name: confirming.table.name,
                  count: confirming.count,
                })}
          </p>
          <p className="sidebar-undo-hint">{t('shell.sidebar.undoHint')}</p>
        </>
      )}
    </ConfirmDialog>
  );
}

/** The sidebar wired to the open workspace (memoised: it takes no props from the shell). */
export const Sidebar = memo(function Sidebar() {
  const { t } = useTranslation();
  const schema = useAppStore((s) => s.schema);
  const activeTableId = useAppStore((s) => s.activeTableId);
  const countRecords = useCallback(async (tableId: TableId) => {
    await ensureRecords(tableId);
    return recordStore(tableId).size;
  }, []);
  if (!schema) return null;
  return (
    <SidebarView
      tables={listTables(schema)}
      activeTableId={activeTableId}
      validateName={(name, tableId) => validateTableName(schema, name, tableId)}
      countRecords={countRecords}
      onSelect={selectTable}
      onRename={(tableId, name) => void renameTable(tableId, name)}
      onDuplicate={(tableId) => void duplicateTable(tableId, t('shell.copySuffix'))}
      onDelete={(tableId) => void deleteTable(tableId)}
      onCreate={() =>
        void createTable({
          table: t('shell.newTableName'),
          primaryField: t('shell.names.primaryField'),
          view: t('shell.names.view'),
        })
      }
      onRemoveSample={() => void removeSampleData()}
    />
  );
});
