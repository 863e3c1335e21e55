/**
 * The add/edit column dialog wired to the workspace: names are checked against the table,
 * retypes are previewed over the table's records, and saving runs the matching action.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnPosition } from '../../domain/commands/fieldCommands';
import { uniqueFieldName, validateFieldName } from '../../domain/commands/fieldCommands';
import type { TableId } from '../../domain/ids';
import type { Field, FieldOptions, FieldType } from '../../domain/model';
import { listFields } from '../../domain/schemaState';
import { addField, previewRetype, retypeField, updateField } from '../../state/actions';
import { useAppStore } from '../../state/store';
import type { FormulaSupport } from '../formula/formulaSupport';
import { useFormulaSupport } from '../formula/useFormulaSupport';
import { currentLanguage } from '../i18n';
import type { FieldDraft } from './fieldDraft';
import { FieldForm } from './FieldForm';
import type { RetypeCounts } from './FieldForm';

export interface FieldDialogProps {
  mode: 'add' | 'edit';
  tableId: TableId;
  /** Edit mode: the column to edit. */
  field?: Field;
  /** Add mode: where the new column goes (default: at the end). */
  position?: ColumnPosition;
  onClose: () => void;
  /** The engine's formula checks (from state); without it formula columns cannot be picked. */
  formulaSupport?: FormulaSupport;
}

/** Runs the action a submitted draft calls for; nothing when an edit changed nothing. */
export function saveFieldDraft(
  props: Pick<FieldDialogProps, 'mode' | 'tableId' | 'field' | 'position'>,
  draft: FieldDraft,
): Promise<unknown> {
  const { field } = props;
  if (props.mode === 'add' || !field) {
    return addField(
      props.tableId,
      { name: draft.name, type: draft.type, options: draft.options },
      props.position ?? {},
    );
  }
  if (draft.type !== field.type) {
    return retypeField(field, draft.name, draft.type, draft.options, currentLanguage());
  }
  if (
    draft.name === field.name &&
    JSON.stringify(draft.options) === JSON.stringify(field.options)
  ) {
    return Promise.resolve();
  }
  return updateField({ ...field, name: draft.name, options: draft.options });
}

export function FieldDialog(props: FieldDialogProps) {
  const { t } = useTranslation();
  const { mode, tableId, field, onClose } = props;
  const engineSupport = useFormulaSupport(tableId, mode === 'edit' ? field?.id : undefined);
  const formulaSupport = props.formulaSupport ?? engineSupport;
  const schema = useAppStore((s) => s.schema);
  const exceptId = mode === 'edit' ? field?.id : undefined;
  // The starting draft is fixed when the dialog opens; later store updates must not reset it.
  const [initial] = useState<FieldDraft>(() => {
    if (mode === 'edit' && field)
      return { name: field.name, type: field.type, options: field.options };
    const base = t('columns.defaultName');
    return {
      name: schema ? uniqueFieldName(schema, tableId, base) : base,
      type: 'text',
      options: {},
    };
  });
  const validateName = useCallback(
    (name: string) => (schema ? validateFieldName(schema, tableId, name, exceptId) : null),
    [schema, tableId, exceptId],
  );
  const preview = useCallback(
    (type: FieldType, options: FieldOptions): RetypeCounts | null => {
      if (!field) return null;
      const plan = previewRetype(field, type, options, currentLanguage());
      return {
        converted: plan.converted,
        invalid: plan.invalid,
        empty: plan.empty,
        cleared: plan.cleared,
      };
    },
    [field],
  );
  const fields = useMemo(() => (schema ? listFields(schema, tableId) : []), [schema, tableId]);
  const onSubmit = (draft: FieldDraft) => {
    onClose();
    void saveFieldDraft(props, draft);
  };
  return (
    <FieldForm
      mode={mode}
      initial={initial}
      validateName={validateName}
      preview={mode === 'edit' ? preview : undefined}
      onSubmit={onSubmit}
      onCancel={onClose}
      formulaSupport={formulaSupport}
      fields={fields}
      ownFieldId={exceptId}
    />
  );
}
