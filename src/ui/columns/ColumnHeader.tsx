/**
 * The body of a grid column header: type glyph, name, sort indicator and menu button.
 * Plain React without AG Grid; src/ui/grid wraps it as the grid's header component.
 */
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Field } from '../../domain/model';
import { getTypeGlyph } from './fieldTypeMeta';
import '../styles/columns.css';

export type HeaderSortDirection = 'asc' | 'desc' | null;

export interface ColumnHeaderProps {
  field: Field;
  sortDirection: HeaderSortDirection;
  isPrimary: boolean;
  onSort: (direction: HeaderSortDirection) => void;
  onOpenMenu: (anchor: { x: number; y: number }) => void;
}

/** Clicking the header cycles: unsorted → A→Z → Z→A → unsorted. */
export function nextSortDirection(current: HeaderSortDirection): HeaderSortDirection {
  if (current === null) return 'asc';
  return current === 'asc' ? 'desc' : null;
}

export function ColumnHeader({
  field,
  sortDirection,
  isPrimary,
  onSort,
  onOpenMenu,
}: ColumnHeaderProps) {
  const { t } = useTranslation();
  const typeName = t(`fieldTypes.${field.type}`);
  const openFromButton = (e: MouseEvent<HTMLButtonElement>) => {
    e.stopPropagation();
    const rect = e.currentTarget.getBoundingClientRect();
    onOpenMenu({ x: rect.left, y: rect.bottom });
  };
  const openFromContext = (e: MouseEvent) => {
    e.preventDefault();
    onOpenMenu({ x: e.clientX, y: e.clientY });
  };
  const sortLabel =
    sortDirection === 'asc'
      ? t('columns.header.sortedAsc')
      : sortDirection === 'desc'
        ? t('columns.header.sortedDesc')
        : null;
  return (
    <div
      className={isPrimary ? 'column-header column-header-primary' : 'column-header'}
      data-testid={`column-header-${field.id}`}
      onContextMenu={openFromContext}
    >
      <button
        type="button"
        className="column-header-label"
        title={`${field.name} · ${typeName}${isPrimary ? ` · ${t('columns.primary')}` : ''}`}
        aria-label={`${field.name}. ${sortLabel ?? t('columns.header.sortHint')}`}
        onClick={() => onSort(nextSortDirection(sortDirection))}
        data-testid={`column-sort-${field.id}`}
      >
        <span className="column-header-glyph" aria-hidden="true">
          {getTypeGlyph(field.type)}
        </span>
        <span className="column-header-name">{field.name}</span>
        {sortDirection ? (
          <span
            className="column-header-sort"
            title={sortLabel ?? undefined}
            data-testid={`column-sort-indicator-${field.id}`}
          >
            {sortDirection === 'asc' ? '↑' : '↓'}
          </span>
        ) : null}
      </button>
      <button
        type="button"
        className="column-header-menu"
        aria-label={t('columns.header.menu')}
        aria-haspopup="menu"
        onClick={openFromButton}
        data-testid={`column-menu-${field.id}`}
      >
        ▾
      </button>
    </div>
  );
}
