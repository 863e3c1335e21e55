/**
 * The simple record form ("expand a row"): every field of one record with an input fit for
 * its type, saving as the user leaves each input, and buttons to step through the records.
 */
import { useCallback, useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCell, isEditableType } from '../../domain/fields';
import type { TypeContext } from '../../domain/fields/fieldType';
import type { RecordId, TableId } from '../../domain/ids';
import type { Field, TableRecord } from '../../domain/model';
import { cellOf } from '../../domain/packedRecords';
import { listFields } from '../../domain/schemaState';
import { editCellText, setCellValue, typeContext } from '../../state/actions';
import { subscribeFormulas } from '../../state/formulas';
import { recordStore } from '../../state/session';
import { useAppStore } from '../../state/store';
import { Dialog } from '../components/Dialog';
import { shownCellText } from '../grid/cellText';
import { useLinkTitles } from '../grid/linkTitles';
import { currentLanguage } from '../i18n';
import { InvalidValueNote, RecordFieldInput } from './RecordFieldInput';
import '../styles/shell.css';

export interface RecordFormProps {
  tableId: TableId;
  recordId: RecordId;
  /** The records in the current display order, for previous/next. */
  recordIds: readonly RecordId[];
  onNavigate: (recordId: RecordId) => void;
  onClose: () => void;
}

/** The record, re-read whenever its table's records change (records are replaced, never mutated). */
function useRecord(tableId: TableId, recordId: RecordId): TableRecord | undefined {
  const subscribe = useCallback(
    (onChange: () => void) => recordStore(tableId).subscribe(onChange),
    [tableId],
  );
  const read = () => recordStore(tableId).get(recordId);
  return useSyncExternalStore(subscribe, read, read);
}

/**
 * A count that moves whenever the engine sends new formula results for the record (results
 * change without the record changing), so that its computed fields are shown again.
 */
function useFormulaResults(tableId: TableId, recordId: RecordId): number {
  const [version, setVersion] = useState(0);
  useEffect(
    () =>
      subscribeFormulas(tableId, (_fields, rows) => {
        if (rows === null || rows.includes(recordId)) setVersion((v) => v + 1);
      }),
    [tableId, recordId],
  );
  return version;
}

export function RecordForm({ tableId, recordId, recordIds, onNavigate, onClose }: RecordFormProps) {
  const { t } = useTranslation();
  const schema = useAppStore((s) => s.schema);
  const record = useRecord(tableId, recordId);
  // Rendering again when results arrive shows the computed fields' new text.
  useFormulaResults(tableId, recordId);
  const language = currentLanguage();
  const ctx = typeContext(language);
  const table = schema?.tables[tableId];
  const fields = useMemo(() => (schema ? listFields(schema, tableId) : []), [schema, tableId]);
  const linkTitles = useLinkTitles(
    useMemo(() => fields.map((field) => ({ field })), [fields]),
    null,
  );
  const primary = table ? schema?.fields[table.primaryFieldId] : undefined;
  const title =
    (primary && record && formatCell(primary, cellOf(record, primary.id), ctx)) ||
    t('shell.record.untitled');

  return (
    <Dialog
      title={title}
      onClose={onClose}
      width={560}
      testId="record-form"
      footer={
        <RecordNav
          recordId={recordId}
          recordIds={recordIds}
          onNavigate={onNavigate}
          onClose={onClose}
        />
      }
    >
      {record ? (
        <div className="record-form-fields">
          {fields.map((field) => (
            <RecordFieldRow
              key={`${record.id}:${field.id}`}
              field={field}
              record={record}
              ctx={ctx}
              shown={
                isEditableType(field.type)
                  ? undefined
                  : shownCellText(record, field, ctx, linkTitles)
              }
            />
          ))}
        </div>
      ) : (
        <p className="record-form-missing">{t('shell.record.missing')}</p>
      )}
    </Dialog>
  );
}

interface RecordFieldRowProps {
  field: Field;
  record: TableRecord;
  ctx: TypeContext;
  /** A computed field's text as the grid shows it (undefined for a field the user edits). */
  shown: string | undefined;
}

function RecordFieldRow({ field, record, ctx, shown }: RecordFieldRowProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const value = cellOf(record, field.id);
  return (
    <div className="field-row record-form-row">
      <label id={`${inputId}-label`} htmlFor={inputId} title={t(`fieldTypes.${field.type}`)}>
        {field.name}
      </label>
      <RecordFieldInput
        field={field}
        value={value}
        shown={shown}
        ctx={ctx}
        inputId={inputId}
        onText={(text) => void editCellText(field, record.id, text, ctx.language)}
        onValue={(v) => void setCellValue(field, record.id, v)}
      />
      <InvalidValueNote field={field} value={value} ctx={ctx} />
    </div>
  );
}

interface RecordNavProps {
  recordId: RecordId;
  recordIds: readonly RecordId[];
  onNavigate: (recordId: RecordId) => void;
  onClose: () => void;
}

function RecordNav({ recordId, recordIds, onNavigate, onClose }: RecordNavProps) {
  const { t } = useTranslation();
  const index = recordIds.indexOf(recordId);
  const prev = index > 0 ? recordIds[index - 1] : undefined;
  const next = index >= 0 ? recordIds[index + 1] : undefined;
  return (
    <div className="record-form-nav">
      <button
        type="button"
        className="btn"
        aria-label={t('shell.record.previous')}
        disabled={prev === undefined}
        onClick={() => prev && onNavigate(prev)}
      >
        ‹
      </button>
      {index >= 0 ? (
        <span className="record-form-position">
          {t('shell.record.position', { index: index + 1, total: recordIds.length })}
        </span>
      ) : null}
      <button
        type="button"
        className="btn"
        aria-label={t('shell.record.next')}
        disabled={next === undefined}
        onClick={() => next && onNavigate(next)}
      >
        ›
      </button>
      <span className="record-form-spacer" />
      <button type="button" className="btn btn-primary" onClick={onClose}>
        {t('actions.close')}
      </button>
    </div>
  );
}
