/**
 * Toolbar button "Hidden columns (3)" with a popover of the view's columns: a checkbox per
 * column shows or hides it, and "Show all" brings every hidden column back.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldId, ViewId } from '../../domain/ids';
import type { Field } from '../../domain/model';
import { listViewColumns } from '../../domain/schemaState';
import { setColumnHidden, showAllColumns } from '../../state/actions';
import { useAppStore } from '../../state/store';
import { getTypeGlyph } from './fieldTypeMeta';
import '../styles/columns.css';

export interface ColumnVisibility {
  field: Field;
  hidden: boolean;
  isPrimary: boolean;
}

export interface HiddenFieldsListProps {
  columns: readonly ColumnVisibility[];
  onToggle: (fieldId: FieldId, hidden: boolean) => void;
  onShowAll: () => void;
}

/** The popover's content, driven by props. */
export function HiddenFieldsList({ columns, onToggle, onShowAll }: HiddenFieldsListProps) {
  const { t } = useTranslation();
  const anyHidden = columns.some((c) => c.hidden);
  return (
    <div className="hidden-fields-list">
      <p className="hidden-fields-title">{t('columns.hidden.title')}</p>
      <ul>
        {columns.map(({ field, hidden, isPrimary }) => (
          <li key={field.id}>
            <label
              className="checkbox-row"
              title={isPrimary ? t('columns.menu.primaryLocked') : undefined}
            >
              <input
                type="checkbox"
                checked={!hidden}
                disabled={isPrimary}
                onChange={(e) => onToggle(field.id, !e.target.checked)}
                data-testid={`column-visible-${field.id}`}
              />
              <span className="type-glyph" aria-hidden="true">
                {getTypeGlyph(field.type)}
              </span>
              <span className="hidden-fields-name">{field.name}</span>
            </label>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="btn"
        disabled={!anyHidden}
        onClick={onShowAll}
        data-testid="columns-show-all"
      >
        {t('columns.hidden.showAll')}
      </button>
    </div>
  );
}

function useViewColumns(viewId: ViewId): ColumnVisibility[] {
  const schema = useAppStore((s) => s.schema);
  return useMemo(() => {
    const view = schema?.views[viewId];
    if (!schema || !view) return [];
    const primary = schema.tables[view.tableId]?.primaryFieldId;
    return listViewColumns(schema, view).map((c) => ({
      field: c.field,
      hidden: c.hidden,
      isPrimary: c.field.id === primary,
    }));
  }, [schema, viewId]);
}

export function HiddenFieldsButton({ viewId }: { viewId: ViewId }) {
  const { t } = useTranslation();
  const columns = useViewColumns(viewId);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown, true);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('mousedown', onDown, true);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);
  const hiddenCount = columns.filter((c) => c.hidden).length;
  const showAll = () => void showAllColumns(viewId);
  return (
    <div className="hidden-fields" ref={ref}>
      <button
        type="button"
        className={hiddenCount > 0 ? 'btn hidden-fields-button active' : 'btn hidden-fields-button'}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen(!open)}
        data-testid="hidden-columns-button"
      >
        {t('columns.hidden.button', { count: hiddenCount })}
      </button>
      {open ? (
        <div className="hidden-fields-popover" role="dialog" aria-label={t('columns.hidden.title')}>
          <HiddenFieldsList
            columns={columns}
            onToggle={(id, hidden) => void setColumnHidden(viewId, id, hidden)}
            onShowAll={showAll}
          />
        </div>
      ) : null}
    </div>
  );
}
