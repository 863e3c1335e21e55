/**
 * The add/edit column form, free of state and store: it gets the starting draft and
 * callbacks (name check, retype preview, submit), so tests drive it directly.
 */
import { useId, useMemo, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldNameProblem } from '../../domain/commands/fieldCommands';
import type { FieldId } from '../../domain/ids';
import type { Field, FieldOptions, FieldType } from '../../domain/model';
import { Dialog } from '../components/Dialog';
import { toDisplayDraft, toStoredDraft } from '../formula/formulaDraft';
import type { FormulaSupport } from '../formula/formulaSupport';
import { normaliseLanguage } from '../i18n';
import type { FieldDraft } from './fieldDraft';
import { findDraftProblem, finishDraft, switchDraftType } from './fieldDraft';
import { getTypeGlyph, listPickableTypes } from './fieldTypeMeta';
import { TypeOptionsEditor } from './TypeOptionsEditor';
import '../styles/columns.css';

export interface RetypeCounts {
  converted: number;
  invalid: number;
  empty: number;
  /** Filled cells whose values a computed type (formula, lookup…) replaces with its own. */
  cleared: number;
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
  /** The engine's formula checks: only with it can a formula column be picked and edited. */
  formulaSupport?: FormulaSupport;
  /** The table's fields (formula references) and, in edit mode, the edited field's id. */
  fields?: readonly Field[];
  ownFieldId?: FieldId;
}

const NO_FIELDS: readonly Field[] = [];

function keepStoredFormula(draft: FieldDraft, initial: FieldDraft): FieldDraft {
  if (draft.type !== 'formula' || initial.type !== 'formula') return draft;
  const { formula, formulaRefNames } = initial.options;
  return { ...draft, options: { ...draft.options, formula, formulaRefNames } };
}

export function FieldForm({
  mode,
  initial,
  validateName,
  preview,
  onSubmit,
  onCancel,
  formulaSupport,
  fields = NO_FIELDS,
  ownFieldId,
}: FieldFormProps) {
  const { t } = useTranslation();
  const formId = useId();
  // A formula is edited with field names; the stored one uses ids. The engine's checks arrive
  // after the dialog opens, so the names are shown from the start.
  const [start] = useState(() => toDisplayDraft(initial, fields));
  const [draft, setDraft] = useState<FieldDraft>(start);
  const [nameTouched, setNameTouched] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const nameProblem = validateName(draft.name);
  const original = mode === 'edit' ? start : undefined;
  const withFormula = formulaSupport !== undefined && draft.type === 'formula';

  const trySubmit = () => {
    setAttempted(true);
    if (findDraftProblem(draft, nameProblem) !== null) return;
    if (!formulaSupport) {
      // Without the engine the formula cannot be edited: the stored one is kept as it was.
      onSubmit(finishDraft(keepStoredFormula(draft, initial)));
      return;
    }
    // Nothing is saved until the formula converts, parses and closes no loop.
    const stored = toStoredDraft(finishDraft(draft), fields, ownFieldId, formulaSupport);
    if (stored.ok) onSubmit(stored.draft);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    trySubmit();
  };
  const title =
    mode === 'add' ? t('columns.addTitle') : t('columns.editTitle', { name: initial.name });
  const footer = <FormFooter formId={formId} mode={mode} onCancel={onCancel} />;
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      footer={footer}
      testId="field-dialog"
      width={withFormula ? 600 : 440}
    >
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
          pickable={listPickableTypes(formulaSupport !== undefined)}
          onChange={(type) => setDraft(switchDraftType(draft, type, original))}
        />
        {original && preview && draft.type !== original.type && !withFormula ? (
          <RetypePreview type={draft.type} options={draft.options} preview={preview} />
        ) : null}
        <TypeOptionsEditor
          key={draft.type}
          type={draft.type}
          options={draft.options}
          revealProblems={attempted}
          onChange={(options) => setDraft({ ...draft, options })}
          formulaSupport={formulaSupport}
          fields={fields}
          ownFieldId={ownFieldId}
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
  pickable: readonly FieldType[];
  onChange: (t: FieldType) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  // A column of a type the picker does not offer yet (e.g. formula) still shows its own type.
  const types =
    props.current && !props.pickable.includes(props.current)
      ? [props.current, ...props.pickable]
      : props.pickable;
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
      {counts.cleared > 0
        ? part('cleared')
        : t('columns.preview.line', {
            converted: part('converted'),
            invalid: part('invalid'),
            empty: part('empty'),
          })}
    </p>
  );
}
