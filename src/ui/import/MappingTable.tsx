/**
 * The preview of the first rows with, above each source column, where it goes: skipped, an
 * existing field of the target table, or a new field (name and type editable).
 */
import { useTranslation } from 'react-i18next';
import type { FieldId } from '../../domain/ids';
import type { ColumnTarget, Preview, UpdatePolicy } from '../../domain/import/types';
import type { Field, FieldType } from '../../domain/model';
import { isEditableType } from '../../domain/fields';
import { PICKABLE_FIELD_TYPES } from '../columns/fieldTypeMeta';
import type { MappingDraft } from './importDraft';
import { formatRawCell } from './importSource';

/** Types a new imported column can take: the ones a user can type values into. */
const IMPORT_TYPES: readonly FieldType[] = PICKABLE_FIELD_TYPES.filter(isEditableType);
const POLICIES: readonly UpdatePolicy[] = ['overwrite', 'keep', 'fillEmpty'];

export interface MappingTableProps {
  preview: Preview;
  draft: MappingDraft;
  names: readonly string[];
  /** Existing fields of the target table (none for a new table). */
  fields: readonly Field[];
  disabled: boolean;
  /** 'skip', 'new' or 'field:<id>' chosen in a column's mapping select. */
  onChoose: (index: number, choice: string) => void;
  onTarget: (index: number, target: ColumnTarget) => void;
  onRetype: (index: number, type: FieldType) => void;
  onPolicy: (fieldId: FieldId, policy: UpdatePolicy) => void;
}

const choiceOf = (target: ColumnTarget | undefined): string =>
  !target || target.kind === 'skip'
    ? 'skip'
    : target.kind === 'new'
      ? 'new'
      : `field:${target.fieldId}`;

export function MappingTable(props: MappingTableProps) {
  const { t } = useTranslation();
  const { preview } = props;
  return (
    <div className="import-preview" data-testid="import-preview">
      <table className="import-table">
        <caption>
          {t('importer.previewCaption', { count: preview.rows.length, total: preview.totalRows })}
        </caption>
        <thead>
          <tr>
            {preview.columns.map((column, i) => (
              <th key={column.index} scope="col" data-testid={`import-column-${i}`}>
                <div className="import-column-name">{props.names[i]}</div>
                <div className="import-inferred">
                  {t('importer.inferred', { type: t(`fieldTypes.${column.inferred.type}`) })}
                </div>
                <ColumnControls {...props} index={i} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, r) => (
            <tr key={r}>
              {preview.columns.map((column, i) => (
                <td
                  key={column.index}
                  className={props.draft.columns[i]?.kind === 'skip' ? 'import-skipped' : undefined}
                >
                  {formatRawCell(row[column.index])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ColumnControls(props: MappingTableProps & { index: number }) {
  const { t } = useTranslation();
  const { index, draft, fields, disabled } = props;
  const target = draft.columns[index];
  const column = props.names[index] ?? '';
  return (
    <div className="import-column-controls">
      <select
        className="select"
        aria-label={t('importer.mapping', { column })}
        data-testid={`import-map-${index}`}
        disabled={disabled}
        value={choiceOf(target)}
        onChange={(e) => props.onChoose(index, e.target.value)}
      >
        <option value="skip">{t('importer.skip')}</option>
        <option value="new">{t('importer.newField')}</option>
        {fields.length > 0 ? (
          <optgroup label={t('importer.existingFields')}>
            {fields.map((f) => (
              <option key={f.id} value={`field:${f.id}`}>
                {f.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
      {target?.kind === 'new' ? <NewFieldControls {...props} target={target} /> : null}
      {target?.kind === 'field' && draft.mode === 'upsert' && draft.keyColumn !== index ? (
        <select
          className="select"
          aria-label={t('importer.policy', { column })}
          data-testid={`import-policy-${index}`}
          disabled={disabled}
          value={draft.policies[target.fieldId] ?? 'overwrite'}
          onChange={(e) => props.onPolicy(target.fieldId, e.target.value as UpdatePolicy)}
        >
          {POLICIES.map((p) => (
            <option key={p} value={p}>
              {t(`importer.policies.${p}`)}
            </option>
          ))}
        </select>
      ) : null}
    </div>
  );
}

function NewFieldControls(
  props: MappingTableProps & { index: number; target: Extract<ColumnTarget, { kind: 'new' }> },
) {
  const { t } = useTranslation();
  const { index, target, disabled } = props;
  const column = props.names[index] ?? '';
  const types = IMPORT_TYPES.includes(target.type) ? IMPORT_TYPES : [target.type, ...IMPORT_TYPES];
  return (
    <>
      <input
        className="input"
        aria-label={t('importer.newFieldName', { column })}
        data-testid={`import-name-${index}`}
        disabled={disabled}
        value={target.name}
        onChange={(e) => props.onTarget(index, { ...target, name: e.target.value })}
      />
      <select
        className="select"
        aria-label={t('importer.newFieldType', { column })}
        data-testid={`import-type-${index}`}
        disabled={disabled}
        value={target.type}
        onChange={(e) => props.onRetype(index, e.target.value as FieldType)}
      >
        {types.map((type) => (
          <option key={type} value={type}>
            {t(`fieldTypes.${type}`)}
          </option>
        ))}
      </select>
    </>
  );
}
