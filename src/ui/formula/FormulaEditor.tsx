/**
 * The formula text box: a transparent textarea over a <pre> that shows the same text
 * highlighted (field references as chips, missing ones in red), with name completion.
 */
import { useId, useLayoutEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent, SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletionItem } from '../../domain/formula';
import { highlightFormula } from '../../domain/formula';
import type { FieldId } from '../../domain/ids';
import type { Field } from '../../domain/model';
import { CompletionList, optionId } from './CompletionList';
import type { CompletionState } from './useCompletions';
import { useCompletions } from './useCompletions';
import '../styles/formula.css';

export interface FormulaEditorProps {
  /** The formula as users read it: field names in braces. */
  value: string;
  onChange: (value: string) => void;
  /** The table's fields, offered after `{` and used for highlighting. */
  fields: readonly Field[];
  /** The edited field: never offered, since a formula cannot read itself. */
  ownFieldId?: FieldId;
  /** Id for the textarea, so a <label htmlFor> names it. */
  id?: string;
  invalid?: boolean;
  describedBy?: string;
}

export function FormulaEditor(props: FormulaEditorProps) {
  const { value, onChange, fields, ownFieldId } = props;
  const { t } = useTranslation();
  const listId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const preRef = useRef<HTMLPreElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const state = useCompletions(value, fields, ownFieldId);
  const segments = useMemo(() => highlightFormula(value, fields), [value, fields]);

  // After accepting a suggestion the controlled value moves the caret to the end; put it back.
  useLayoutEffect(() => {
    const el = textRef.current;
    if (el && pendingCaret.current !== null) {
      el.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
  });

  const accept = (item: CompletionItem) => {
    const next = state.apply(value, item);
    pendingCaret.current = next.caret;
    state.setCaret(next.caret);
    onChange(next.value);
  };
  const trackCaret = (e: SyntheticEvent<HTMLTextAreaElement>) => {
    const { selectionStart, selectionEnd } = e.currentTarget;
    state.setCaret(selectionStart === selectionEnd ? selectionStart : null);
  };
  const open = state.open && state.completions !== null;
  return (
    <div className="formula-editor">
      <div className="formula-box">
        <pre
          ref={preRef}
          className="formula-highlight"
          aria-hidden="true"
          data-testid="formula-highlight"
        >
          {segments.map((s, i) => (
            <span key={i} className={`fx-${s.kind}`}>
              {s.text}
            </span>
          ))}
          {/* A final newline keeps the <pre> as tall as the textarea when the text ends in one. */}
          {'\n'}
        </pre>
        <textarea
          ref={textRef}
          id={props.id}
          className="formula-input"
          value={value}
          rows={3}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          placeholder={t('formula.placeholder')}
          aria-invalid={props.invalid === true}
          aria-describedby={props.describedBy}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? optionId(listId, state.active) : undefined}
          data-testid="formula-input"
          onChange={(e) => {
            state.reopen();
            onChange(e.target.value);
            trackCaret(e);
          }}
          onSelect={trackCaret}
          onClick={trackCaret}
          onKeyUp={trackCaret}
          onFocus={trackCaret}
          onBlur={() => state.setCaret(null)}
          onScroll={(e) => {
            if (preRef.current) preRef.current.scrollTop = e.currentTarget.scrollTop;
          }}
          onKeyDown={(e) => handleKey(e, state, accept)}
        />
      </div>
      {open && state.completions ? (
        <CompletionList
          id={listId}
          items={state.completions.items}
          active={state.active}
          typeOf={(item) =>
            item.kind === 'field' ? fields.find((f) => f.id === item.fieldId)?.type : undefined
          }
          onAccept={accept}
          onHover={state.setActive}
        />
      ) : null}
    </div>
  );
}

/** Arrows, Enter/Tab and Esc belong to the popup while it is open (and never during IME input). */
function handleKey(
  e: KeyboardEvent<HTMLTextAreaElement>,
  state: CompletionState,
  accept: (item: CompletionItem) => void,
) {
  if (e.nativeEvent.isComposing || e.keyCode === 229) return;
  if (!state.open || !state.completions) return;
  const claim = () => {
    e.preventDefault();
    // Keeps the form from saving (Enter) or the dialog from closing (Esc).
    e.stopPropagation();
  };
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    claim();
    state.move(e.key === 'ArrowDown' ? 1 : -1);
  } else if (e.key === 'Enter' || (e.key === 'Tab' && !e.shiftKey)) {
    const item = state.completions.items[state.active];
    if (!item) return;
    claim();
    accept(item);
  } else if (e.key === 'Escape') {
    claim();
    state.dismiss();
  }
}
