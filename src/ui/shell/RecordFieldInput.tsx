/**
 * The input for one field in the record form, chosen by the field's type. Text inputs save
 * on blur or Enter through the type's parse; structured inputs (checkbox, selects) save the
 * value directly. A value that did not fit its type is shown as typed, with a warning.
 */
import type { KeyboardEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cellToText, formatCell, isEditableType } from '../../domain/fields';
import type { TypeContext } from '../../domain/fields/fieldType';
import type { CellValue, Field } from '../../domain/model';
import { isInvalidValue } from '../../domain/model';

export interface RecordFieldInputProps {
  field: Field;
  value: CellValue | undefined;
  /** A computed field's text as shown in the grid (read-only fields). */
  shown?: string;
  ctx: TypeContext;
  /** The id the row's label points at; the label itself has id `${inputId}-label`. */
  inputId: string;
  /** Typed text, to be parsed by the field type. */
  onText: (text: string) => void;
  /** A value built by a structured input (checkbox, select, tags). */
  onValue: (value: CellValue) => void;
}

export function RecordFieldInput(props: RecordFieldInputProps) {
  const { field, value, ctx, inputId } = props;
  const invalid = isInvalidValue(value);
  if (!isEditableType(field.type)) {
    return (
      <input
        id={inputId}
        className="input"
        readOnly
        value={props.shown ?? formatCell(field, value, ctx)}
      />
    );
  }
  if (invalid) return <TextInput {...props} />;
  switch (field.type) {
    case 'checkbox':
      return (
        <input
          id={inputId}
          type="checkbox"
          className="record-form-checkbox"
          checked={value === true}
          onChange={(e) => props.onValue(e.target.checked)}
        />
      );
    case 'singleSelect':
      return <SingleSelectInput {...props} />;
    case 'multiSelect':
      return <MultiSelectInput {...props} />;
    case 'longText':
      return <TextInput {...props} multiline />;
    case 'date':
      return <TextInput {...props} inputType="date" />;
    default:
      return <TextInput {...props} />;
  }
}

/** The warning under a field whose stored value is invalid text kept as typed. */
export function InvalidValueNote({
  field,
  value,
  ctx,
}: Pick<RecordFieldInputProps, 'field' | 'value' | 'ctx'>) {
  const { t } = useTranslation();
  if (!isInvalidValue(value)) return null;
  return (
    <p className="record-form-problem" role="note">
      {t('problems.invalidKept', {
        text: formatCell(field, value, ctx),
        type: t(`fieldTypes.${field.type}`),
      })}
    </p>
  );
}

interface TextInputProps extends RecordFieldInputProps {
  multiline?: boolean;
  inputType?: 'text' | 'date';
}

function TextInput({
  field,
  value,
  ctx,
  inputId,
  onText,
  multiline,
  inputType = 'text',
}: TextInputProps) {
  const initial = isInvalidValue(value) ? value.invalid : cellToText(field, value, ctx);
  const [draft, setDraft] = useState(initial);
  // A new stored value (saved, undone, edited in another tab) replaces the draft.
  const [shown, setShown] = useState(initial);
  if (shown !== initial) {
    setShown(initial);
    setDraft(initial);
  }
  const save = () => {
    if (draft !== initial) onText(draft);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const submit = e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey);
    if (submit) {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape' && draft !== initial) {
      // The first Esc drops the edit; only a second one closes the form.
      e.preventDefault();
      e.stopPropagation();
      setDraft(initial);
    }
  };
  if (multiline) {
    return (
      <textarea
        id={inputId}
        className="input record-form-textarea"
        rows={3}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={onKeyDown}
      />
    );
  }
  return (
    <input
      id={inputId}
      className="input"
      type={inputType}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={save}
      onKeyDown={onKeyDown}
    />
  );
}

function SingleSelectInput({ field, value, inputId, onValue }: RecordFieldInputProps) {
  const { t } = useTranslation();
  const choices = field.options.choices ?? [];
  const current = typeof value === 'string' ? value : '';
  const unknown = current !== '' && !choices.some((c) => c.name === current);
  return (
    <select
      id={inputId}
      className="select"
      value={current}
      onChange={(e) => onValue(e.target.value === '' ? null : e.target.value)}
    >
      <option value="">{t('shell.record.none')}</option>
      {choices.map((c) => (
        <option key={c.id} value={c.name}>
          {c.name}
        </option>
      ))}
      {unknown ? <option value={current}>{current}</option> : null}
    </select>
  );
}

function MultiSelectInput({ field, value, inputId, onValue }: RecordFieldInputProps) {
  const choices = field.options.choices ?? [];
  const selected = Array.isArray(value) ? value : [];
  const toggle = (name: string, on: boolean) => {
    const names = new Set(selected);
    if (on) names.add(name);
    else names.delete(name);
    // Choice order first, then any names that are no longer choices (kept, never dropped).
    const ordered = choices.map((c) => c.name).filter((n) => names.has(n));
    const rest = selected.filter((n) => names.has(n) && !ordered.includes(n));
    const next = [...ordered, ...rest];
    onValue(next.length > 0 ? next : null);
  };
  const shown = [
    ...choices.map((c) => c.name),
    ...selected.filter((n) => !choices.some((c) => c.name === n)),
  ];
  return (
    <div
      id={inputId}
      className="record-form-tags"
      role="group"
      aria-labelledby={`${inputId}-label`}
    >
      {shown.map((name) => (
        <label key={name} className="record-form-tag">
          <input
            type="checkbox"
            checked={selected.includes(name)}
            onChange={(e) => toggle(name, e.target.checked)}
          />
          {name}
        </label>
      ))}
    </div>
  );
}
