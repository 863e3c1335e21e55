/** One table in the sidebar: select on click, a "…" menu, and inline rename. */
import type { KeyboardEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableNameProblem } from '../../domain/commands/tableCommands';
import type { Table } from '../../domain/model';
import { Menu } from '../components/Menu';

export interface SidebarItemProps {
  table: Table;
  active: boolean;
  validateName: (name: string) => TableNameProblem | null;
  onSelect: () => void;
  onRename: (name: string) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

export function SidebarItem({
  table,
  active,
  validateName,
  onSelect,
  onRename,
  onDuplicate,
  onDelete,
}: SidebarItemProps) {
  const { t } = useTranslation();
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const [editing, setEditing] = useState(false);
  const moreRef = useRef<HTMLButtonElement>(null);

  const openMenu = () => {
    const r = moreRef.current?.getBoundingClientRect();
    setMenuAt({ x: r ? r.left : 0, y: r ? r.bottom + 2 : 0 });
  };

  return (
    <li
      className={active ? 'sidebar-item active' : 'sidebar-item'}
      data-testid={`table-item-${table.id}`}
    >
      {editing ? (
        <RenameInput
          table={table}
          validateName={validateName}
          onDone={(name) => {
            setEditing(false);
            if (name !== null) onRename(name);
          }}
        />
      ) : (
        <>
          <button
            type="button"
            className="sidebar-item-name"
            aria-current={active ? 'page' : undefined}
            onClick={onSelect}
            onDoubleClick={() => setEditing(true)}
            title={table.name}
          >
            {table.name}
          </button>
          <button
            ref={moreRef}
            type="button"
            className="sidebar-item-more"
            aria-label={t('shell.sidebar.moreFor', { name: table.name })}
            aria-haspopup="menu"
            onClick={openMenu}
          >
            …
          </button>
        </>
      )}
      {menuAt ? (
        <Menu
          x={menuAt.x}
          y={menuAt.y}
          label={t('shell.sidebar.moreFor', { name: table.name })}
          onClose={() => setMenuAt(null)}
          items={[
            { key: 'rename', label: t('shell.sidebar.rename'), onSelect: () => setEditing(true) },
            { key: 'duplicate', label: t('shell.sidebar.duplicate'), onSelect: onDuplicate },
            'separator',
            { key: 'delete', label: t('shell.sidebar.delete'), danger: true, onSelect: onDelete },
          ]}
        />
      ) : null}
    </li>
  );
}

interface RenameInputProps {
  table: Table;
  validateName: (name: string) => TableNameProblem | null;
  /** The new name, or null when the rename was cancelled or nothing changed. */
  onDone: (name: string | null) => void;
}

function RenameInput({ table, validateName, onDone }: RenameInputProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(table.name);
  const [problem, setProblem] = useState<TableNameProblem | null>(null);
  const messageId = useId();
  const finished = useRef(false);
  const finish = (name: string | null) => {
    finished.current = true;
    onDone(name);
  };

  const commit = () => {
    if (draft.trim() === table.name.trim()) return finish(null);
    const found = validateName(draft);
    setProblem(found);
    if (!found) finish(draft.trim());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      finish(null);
    }
  };

  return (
    <div className="sidebar-rename">
      <input
        className="input"
        autoFocus
        value={draft}
        aria-label={t('shell.sidebar.renameLabel', { name: table.name })}
        aria-invalid={problem !== null}
        aria-describedby={problem ? messageId : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          setProblem(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          // Leaving the field saves a valid name; an invalid one stays open with its message.
          if (!finished.current) commit();
        }}
        onFocus={(e) => e.target.select()}
      />
      {problem ? (
        <p id={messageId} className="sidebar-rename-problem" role="alert">
          {t(`shell.sidebar.nameProblems.${problem}`)}
        </p>
      ) : null}
    </div>
  );
}
