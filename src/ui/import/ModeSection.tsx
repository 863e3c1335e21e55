/** Step 1's destination: a new table (its name), a table to add to, or update-or-insert by a key. */
import { useTranslation } from 'react-i18next';
import type { TableId } from '../../domain/ids';
import type { ImportMode } from '../../domain/import/types';
import type { Table } from '../../domain/model';
import type { MappingDraft } from './importDraft';

const MODES: readonly ImportMode[] = ['newTable', 'append', 'upsert'];

export interface ModeSectionProps {
  draft: MappingDraft;
  tables: readonly Table[];
  /** Display names of the source columns. */
  names: readonly string[];
  disabled: boolean;
  onMode: (mode: ImportMode) => void;
  onTableName: (name: string) => void;
  onTable: (tableId: TableId) => void;
  onKeyColumn: (index: number | undefined) => void;
}

export function ModeSection(props: ModeSectionProps) {
  const { t } = useTranslation();
  const { draft, tables, disabled } = props;
  return (
    <div className="import-mode">
      <fieldset className="import-mode-choices" disabled={disabled}>
        <legend>{t('importer.mode')}</legend>
        {MODES.map((mode) => (
          <label key={mode} className="import-mode-choice" title={t(`importer.modeHints.${mode}`)}>
            <input
              type="radio"
              name="import-mode"
              value={mode}
              data-testid={`import-mode-${mode}`}
              checked={draft.mode === mode}
              disabled={mode !== 'newTable' && tables.length === 0}
              onChange={() => props.onMode(mode)}
            />
            {t(`importer.modes.${mode}`)}
          </label>
        ))}
      </fieldset>
      <p className="import-hint">{t(`importer.modeHints.${draft.mode}`)}</p>
      <div className="import-mode-target">
        {draft.mode === 'newTable' ? (
          <div className="field-row">
            <label htmlFor="import-table-name">{t('importer.tableName')}</label>
            <input
              id="import-table-name"
              className="input"
              data-testid="import-table-name"
              disabled={disabled}
              value={draft.tableName}
              onChange={(e) => props.onTableName(e.target.value)}
            />
          </div>
        ) : (
          <div className="field-row">
            <label htmlFor="import-table">{t('importer.table')}</label>
            <select
              id="import-table"
              className="select"
              data-testid="import-table"
              disabled={disabled}
              value={draft.tableId ?? ''}
              onChange={(e) => props.onTable(e.target.value as TableId)}
            >
              {tables.map((table) => (
                <option key={table.id} value={table.id}>
                  {table.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {draft.mode === 'upsert' ? <KeySelect {...props} /> : null}
      </div>
    </div>
  );
}

/** The key column: only columns going into an existing field can be matched. */
function KeySelect({ draft, names, disabled, onKeyColumn }: ModeSectionProps) {
  const { t } = useTranslation();
  return (
    <div className="field-row">
      <label htmlFor="import-key">{t('importer.keyColumn')}</label>
      <select
        id="import-key"
        className="select"
        data-testid="import-key"
        disabled={disabled}
        value={draft.keyColumn ?? ''}
        onChange={(e) => onKeyColumn(e.target.value === '' ? undefined : Number(e.target.value))}
      >
        <option value="">{t('importer.keyColumnNone')}</option>
        {draft.columns.map((target, i) =>
          target.kind === 'field' ? (
            <option key={i} value={i}>
              {names[i]}
            </option>
          ) : null,
        )}
      </select>
    </div>
  );
}
