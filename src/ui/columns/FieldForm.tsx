/**
 * The add/edit column form, free of state and store: it gets the starting draft and
 * callbacks (name check, retype preview, submit), so tests drive it directly.
 */
import { useId, useMemo, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldNameProblem } from '../../domain/commands/fieldCommands';
import type { FieldOptions, FieldType } from '../../domain/model';
import { Dialog } from '../components/Dialog';
import { normaliseLanguage } from '../i18n';
import type { FieldDraft } from './fieldDraft';
import { findDraftProblem, finishDraft, switchDraftType } from './fieldDraft';
import { PICKABLE_FIELD_TYPES, getTypeGlyph } from './fieldTypeMeta';
import { TypeOptionsEditor } from './TypeOptionsEditor';
import '../styles/columns.css';

export interface RetypeCounts {
  converted: number;
  invalid: number;
  empty: number;
}

export interface FieldFormProps {
  mode: 'add' | 'edit';
  /** Add: the default name and type. Edit: the column as it is. */
  initial: FieldDraft;
  validateName: (name: string) => FieldNameProblem | null;
  /** Edit mode: what a type change would do to the column's values. */
  preview?: (type: FieldType, options: FieldOptions) => RetypeCounts | null;
  onSubmit: (result: FieldDraft) => void;
  onCancel: () => void;
}

export function FieldForm({
  mode,
  initial,
  validateName,
  preview,
  onSubmit,
  onCancel,
}: FieldFormProps) {
  const { t } = useTranslation();
  const formId = useId();
  const [draft, setDraft] = useState<FieldDraft>(initial);
  const [nameTouched, setNameTouched] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const nameProblem = validateName(draft.name);
  const original = mode === 'edit' ? initial : undefined;

  const trySubmit = () => {
    setAttempted(true);
    if (findDraftProblem(draft, nameProblem) !== null) return;
    onSubmit(finishDraft(draft));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    trySubmit();
  };
  const title =
    mode === 'add' ? t('columns.addTitle') : t('columns.editTitle', { name: initial.name });
  const footer = <FormFooter formId={formId} mode={mode} onCancel={onCancel} />;
  return (
    <Dialog title={title} onClose={onCancel} footer={footer} testId="field-dialog" width={440}>
      <form
        id={formId}
        className="field-form"
        onSubmit={submit}
        onKeyDown={(e) => handleFormKey(e, trySubmit, onCancel)}
        noValidate
      >
        <NameInput
          value={draft.name}
          problem={nameTouched || attempted ? nameProblem : null}
          onChange={(name) => {
            setNameTouched(true);
            setDraft({ ...draft, name });
          }}
        />
        <TypeSelect
          value={draft.type}
          current={original?.type}
          onChange={(type) => setDraft(switchDraftType(draft, type, original))}
        />
        {original && preview && draft.type !== original.type ? (
          <RetypePreview type={draft.type} options={draft.options} preview={preview} />
        ) : null}
        <TypeOptionsEditor
          key={draft.type}
          type={draft.type}
          options={draft.options}
          revealProblems={attempted}
          onChange={(options) => setDraft({ ...draft, options })}
        />
      </form>
    </Dialog>
  );
}

/** Enter in a text box submits and Esc cancels, wherever the focus is in the form. */
function handleFormKey(e: KeyboardEvent, onEnter: () => void, onEscape: () => void) {
  // Enter while a Chinese IME is composing confirms the characters; it must not submit.
  if (e.nativeEvent.isComposing || e.keyCode === 229) return;
  if (e.key === 'Escape') {
    e.preventDefault();
    e.stopPropagation();
    onEscape();
  } else if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
    // Handled here rather than by implicit submission: the Save button sits outside the form.
    e.preventDefault();
    onEnter();
  }
}

function FormFooter(props: { formId: string; mode: 'add' | 'edit'; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="btn" onClick={props.onCancel} data-testid="field-cancel">
        {t('actions.cancel')}
      </button>
      <button
        type="submit"
        form={props.formId}
        className="btn btn-primary"
        data-testid="field-save"
      >
        {props.mode === 'add' ? t('columns.add') : t('actions.save')}
      </button>
    </>
  );
}

/** The name is selected when the dialog opens, so typing replaces the default name. */
function selectOnMount(el: HTMLInputElement | null) {
  if (el && !el.dataset.selected) {
    el.dataset.selected = '1';
    el.focus();
    el.select();
  }
}

function NameInput(props: {
  value: string;
  problem: FieldNameProblem | null;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field-row">
      <label htmlFor={id}>{t('columns.name')}</label>
      <input
        id={id}
        className="input"
        value={props.value}
        ref={selectOnMount}
        aria-invalid={props.problem !== null}
        aria-describedby={props.problem ? `${id}-problem` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid="field-name"
      />
      {props.problem ? (
        <p
          id={`${id}-problem`}
          className="field-error"
          role="alert"
          data-testid="field-name-problem"
        >
          {t(`columns.problems.${props.problem}`)}
        </p>
      ) : null}
    </div>
  );
}

function TypeSelect(props: {
  value: FieldType;
  current?: FieldType;
  onChange: (t: FieldType) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  // A column of a type the picker does not offer yet (e.g. formula) still shows its own type.
  const types =
    props.current && !PICKABLE_FIELD_TYPES.includes(props.current)
      ? [props.current, ...PICKABLE_FIELD_TYPES]
      : PICKABLE_FIELD_TYPES;
  return (
    <div className="field-row">
      <label htmlFor={id}>{t('columns.type')}</label>
      <select
        id={id}
        className="select"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as FieldType)}
        data-testid="field-type"
      >
        {types.map((type) => (
          <option key={type} value={type}>
            {`${getTypeGlyph(type)}  ${t(`fieldTypes.${type}`)}`}
          </option>
        ))}
      </select>
    </div>
  );
}

function RetypePreview(props: {
  type: FieldType;
  options: FieldOptions;
  preview: NonNullable<FieldFormProps['preview']>;
}) {
  const { t, i18n } = useTranslation();
  const { type, options, preview } = props;
  const counts = useMemo(() => preview(type, options), [preview, type, options]);
  if (!counts) return null;
  const nf = new Intl.NumberFormat(normaliseLanguage(i18n.language));
  const part = (key: keyof RetypeCounts) =>
    t(`columns.preview.${key}`, { count: counts[key], n: nf.format(counts[key]) });
  return (
    <p className="retype-preview" role="status" data-testid="retype-preview">
      {t('columns.preview.line', {
        converted: part('converted'),
        invalid: part('invalid'),
        empty: part('empty'),
      })}
    </p>
  );
}
