/**
 * The column header menu: edit, insert left/right, sort, hide, delete. It owns the
 * add/edit column dialog it opens, so it stays mounted until that dialog closes.
 */
import { useCallback, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ColumnPosition } from '../../domain/commands/fieldCommands';
import type { ViewId } from '../../domain/ids';
import type { Field, SortDirection } from '../../domain/model';
import { deleteField, setColumnHidden } from '../../state/actions';
import type { MenuItem } from '../components/Menu';
import { Menu } from '../components/Menu';
import { FieldDialog } from './FieldDialog';
import '../styles/columns.css';

export interface ColumnMenuHandlers {
  onEdit: () => void;
  onInsert: (side: 'left' | 'right') => void;
  onSort: (direction: SortDirection) => void;
  onHide: () => void;
  onDelete: () => void;
}

/** The menu's entries; the primary column can be neither hidden nor deleted. */
export function buildColumnMenuItems(
  t: TFunction,
  field: Field,
  isPrimary: boolean,
  on: ColumnMenuHandlers,
): (MenuItem | 'separator')[] {
  return [
    {
      key: 'edit',
      label: t('columns.menu.edit'),
      onSelect: on.onEdit,
      icon: <MenuGlyph>✎</MenuGlyph>,
    },
    'separator',
    {
      key: 'insertLeft',
      label: t('columns.menu.insertLeft'),
      onSelect: () => on.onInsert('left'),
      icon: <MenuGlyph>⇤</MenuGlyph>,
    },
    {
      key: 'insertRight',
      label: t('columns.menu.insertRight'),
      onSelect: () => on.onInsert('right'),
      icon: <MenuGlyph>⇥</MenuGlyph>,
    },
    'separator',
    {
      key: 'sortAsc',
      label: t('columns.menu.sortAsc'),
      onSelect: () => on.onSort('asc'),
      icon: <MenuGlyph>↑</MenuGlyph>,
    },
    {
      key: 'sortDesc',
      label: t('columns.menu.sortDesc'),
      onSelect: () => on.onSort('desc'),
      icon: <MenuGlyph>↓</MenuGlyph>,
    },
    'separator',
    {
      key: 'hide',
      label: t('columns.menu.hide'),
      onSelect: on.onHide,
      disabled: isPrimary,
      icon: <MenuGlyph>⊘</MenuGlyph>,
    },
    {
      key: 'delete',
      label: t('columns.menu.delete', { name: field.name }),
      onSelect: on.onDelete,
      danger: true,
      disabled: isPrimary,
      icon: <MenuGlyph>✕</MenuGlyph>,
    },
  ];
}

function MenuGlyph({ children }: { children: string }) {
  return (
    <span className="menu-glyph" aria-hidden="true">
      {children}
    </span>
  );
}

export interface ColumnMenuProps {
  field: Field;
  viewId: ViewId;
  isPrimary: boolean;
  anchor: { x: number; y: number };
  onClose: () => void;
  onSort: (direction: SortDirection) => void;
}

type OpenDialog = { mode: 'edit' } | { mode: 'add'; position: ColumnPosition } | null;

export function ColumnMenu({ field, viewId, isPrimary, anchor, onClose, onSort }: ColumnMenuProps) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(true);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // The Menu closes itself before running a choice; we tell the parent only once nothing is open.
  useEffect(() => {
    if (!menuOpen && !dialog) onClose();
  }, [menuOpen, dialog, onClose]);
  const closeDialog = useCallback(() => setDialog(null), []);
  const closeMenu = useCallback(() => setMenuOpen(false), []);
  const items = buildColumnMenuItems(t, field, isPrimary, {
    onEdit: () => setDialog({ mode: 'edit' }),
    onInsert: (side) => setDialog({ mode: 'add', position: { relativeTo: field.id, side } }),
    onSort,
    onHide: () => void setColumnHidden(viewId, field.id, true),
    onDelete: () => void deleteField(field.id),
  });
  return (
    <>
      {menuOpen ? (
        <Menu
          x={anchor.x}
          y={anchor.y}
          items={items}
          onClose={closeMenu}
          label={t('columns.menu.label', { name: field.name })}
        />
      ) : null}
      {dialog
        ? // Portalled out of the grid header: its native listeners (column drag, header keys)
          // must not see clicks and keys meant for the dialog.
          createPortal(
            dialog.mode === 'edit' ? (
              <FieldDialog
                mode="edit"
                tableId={field.tableId}
                field={field}
                onClose={closeDialog}
              />
            ) : (
              <FieldDialog
                mode="add"
                tableId={field.tableId}
                position={dialog.position}
                onClose={closeDialog}
              />
            ),
            document.body,
          )
        : null}
    </>
  );
}
