/**
 * The formula column's part of the column dialog: the editor, the first problem (with its
 * position), a live preview of the first rows and the result format.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldId } from '../../domain/ids';
import type { Field, FieldOptions } from '../../domain/model';
import type { FormulaCheck, FormulaContext, FormulaIssue } from './formulaCheck';
import { checkFormula, describeFormulaIssue } from './formulaCheck';
import { FormulaEditor } from './FormulaEditor';
import { FormulaFormatOptions } from './FormulaFormatOptions';
import { FormulaPreview } from './FormulaPreview';
import type { FormulaPreviewRow, FormulaSupport } from './formulaSupport';
import { PREVIEW_ROWS } from './formulaSupport';

export interface FormulaOptionsEditorProps {
  /** The draft's options; `formula` holds the text as the user reads it (names, not ids). */
  options: FieldOptions;
  onChange: (options: FieldOptions) => void;
  support: FormulaSupport;
  fields: readonly Field[];
  ownFieldId?: FieldId;
  /** After a refused save: also say that an empty formula cannot be saved. */
  revealProblems?: boolean;
}

export function FormulaOptionsEditor(props: FormulaOptionsEditorProps) {
  const { options, onChange, support, fields, ownFieldId } = props;
  const { t } = useTranslation();
  const id = useId();
  const display = options.formula ?? '';
  const refNames = options.formulaRefNames;
  const context = useMemo<FormulaContext>(
    () => ({ fields, ownFieldId, previousRefNames: refNames }),
    [fields, ownFieldId, refNames],
  );
  const check = useMemo(() => checkFormula(display, context, support), [display, context, support]);
  const shown = visibleIssue(check, props.revealProblems === true);
  return (
    <div className="formula-options" data-testid="formula-options">
      <div className="field-row">
        <label htmlFor={id}>{t('formula.label')}</label>
        <FormulaEditor
          id={id}
          value={display}
          fields={fields}
          ownFieldId={ownFieldId}
          invalid={shown !== null}
          describedBy={shown ? `${id}-problem` : `${id}-hint`}
          onChange={(formula) => onChange({ ...options, formula })}
        />
        {shown ? (
          <FormulaIssueText id={`${id}-problem`} issue={shown} context={context} />
        ) : (
          <p id={`${id}-hint`} className="formula-hint">
            {t('formula.hint')}
          </p>
        )}
      </div>
      {/* Room for a whole preview from the start: the dialog keeps its size (and its buttons
          their place) while results come, change or go. */}
      <div className="formula-preview-area">
        {check.ok ? (
          <LivePreview stored={check.stored} support={support} options={options} />
        ) : (
          <p className="formula-preview-empty" data-testid="formula-preview-waiting">
            {t('formula.preview.waiting')}
          </p>
        )}
      </div>
      <FormulaFormatOptions
        options={options}
        onChange={(patch) => onChange({ ...options, ...patch })}
      />
    </div>
  );
}

/** An empty formula is only a problem once the user tried to save it. */
function visibleIssue(check: FormulaCheck, reveal: boolean): FormulaIssue | null {
  if (check.ok) return null;
  const { issue } = check;
  if (!reveal && issue.kind === 'problem' && issue.problem.kind === 'empty') return null;
  return issue;
}

/** Results computed in the page arrive at once; say "computing" only for slower ones. */
const PENDING_SHOWN_AFTER_MS = 200;

/**
 * The last results that arrived stay shown until the next ones do, formatted as the draft's
 * options say with its stored formula (a new result format shows at once, without computing
 * again).
 */
function LivePreview(props: { stored: string; support: FormulaSupport; options: FieldOptions }) {
  const { stored, support, options } = props;
  const [rows, setRows] = useState<FormulaPreviewRow[] | null>(null);
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    let alive = true;
    void support.preview(stored, PREVIEW_ROWS).then((next) => {
      if (alive && next) setRows(next);
    });
    return () => {
      alive = false;
    };
  }, [stored, support]);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), PENDING_SHOWN_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return rows || slow ? (
    <FormulaPreview
      rows={rows}
      show={(result) => support.showResult(result, { ...options, formula: stored })}
    />
  ) : null;
}

export function FormulaIssueText(props: {
  id?: string;
  issue: FormulaIssue;
  context: FormulaContext;
}) {
  const { t } = useTranslation();
  const text = describeFormulaIssue(props.issue, props.context);
  const message = t(text.key, text.values);
  return (
    <p
      id={props.id}
      className="field-error formula-problem"
      role="alert"
      data-testid="formula-problem"
    >
      {text.position === undefined
        ? message
        : t('formula.problems.at', { position: text.position, message })}
    </p>
  );
}
