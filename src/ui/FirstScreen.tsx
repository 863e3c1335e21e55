/**
 * The first screen of a table, drawn from the first page of records as soon as it is read,
 * while the grid component loads and takes all rows. Read-only, same layout as the grid;
 * the grid replaces it when it has painted its own rows.
 */
import { memo, useCallback, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCell } from '../domain/fields';
import type { Table, TableRecord, View } from '../domain/model';
import { cellOf } from '../domain/packedRecords';
import { listViewColumns } from '../domain/schemaState';
import { typeContext } from '../state/actions';
import { FIRST_SCREEN_ROWS } from '../state/firstScreen';
import { recordStore } from '../state/session';
import { useAppStore } from '../state/store';
import { defaultColumnWidth, ROW_HEIGHT } from './columnWidths';
import { currentLanguage } from './i18n';

/** Rows a window this tall shows (at most a first screen's): rows below the fold only delay the grid. */
function rowsThatFit(): number {
  return Math.min(FIRST_SCREEN_ROWS, Math.max(10, Math.ceil(window.innerHeight / ROW_HEIGHT)));
}

/**
 * Memoised: the shell re-renders on every count change while this is still up. `follow`: draw
 * the store's rows as they arrive; off once the grid is up, which draws them itself at once
 * (drawing them here too only lengthened that task).
 */
export const FirstScreen = memo(function FirstScreen({
  table,
  view,
  follow,
}: {
  table: Table;
  view: View;
  follow: boolean;
}) {
  const { t } = useTranslation();
  const schema = useAppStore((s) => s.schema);
  const store = recordStore(table.id);
  const held = useRef<readonly TableRecord[]>([]);
  const subscribe = useCallback(
    (onChange: () => void) => (follow ? store.subscribe(onChange) : () => {}),
    [store, follow],
  );
  held.current = useSyncExternalStore(subscribe, () => (follow ? store.all() : held.current));
  const records = held.current.slice(0, rowsThatFit());
  if (!schema) return null;
  const columns = listViewColumns(schema, view)
    .filter((c) => !c.hidden)
    .map(({ field, width }) => ({
      field,
      width: width ?? defaultColumnWidth(field, field.id === table.primaryFieldId),
    }));
  const ctx = typeContext(currentLanguage());
  return (
    <div className="first-screen" aria-busy="true" aria-label={t('grid.loading')}>
      <div className="first-screen-row first-screen-header">
        <span className="first-screen-lead" />
        {columns.map(({ field, width }) => (
          <span key={field.id} className="first-screen-cell" style={{ width }}>
            {field.name}
          </span>
        ))}
      </div>
      {records.map((rec, i) => (
        <div key={rec.id} className="first-screen-row">
          <span className="first-screen-lead">{i + 1}</span>
          {columns.map(({ field, width }) => (
            <span
              key={field.id}
              className="first-screen-cell"
              data-col-id={field.id}
              style={{ width }}
            >
              {formatCell(field, cellOf(rec, field.id), ctx)}
            </span>
          ))}
        </div>
      ))}
    </div>
  );
});
