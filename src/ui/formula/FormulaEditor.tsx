/**
 * The formula text box: a transparent textarea over a <pre> that shows the same text
 * highlighted (field references as chips, missing ones in red), with name completion.
 */
import { useId, useLayoutEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent, Ref, SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletionItem, HighlightSegment } from '../../domain/formula';
import { highlightFormula } from '../../domain/formula';
import type { FieldId } from '../../domain/ids';
import type { Field } from '../../domain/model';
import { CompletionList, optionId } from './CompletionList';
import type { CompletionEdit, CompletionState } from './useCompletions';
import { useCompletions } from './useCompletions';
import { usePopupPlacement } from './usePopupPlacement';
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
  const boxRef = useRef<HTMLDivElement>(null);
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
    const edit = state.apply(value, item);
    const el = textRef.current;
    if (el && insertAsTyped(el, edit)) {
      el.setSelectionRange(edit.caret, edit.caret);
    } else {
      pendingCaret.current = edit.caret;
      onChange(edit.value);
    }
    state.setCaret(edit.caret);
  };
  const trackCaret = (e: SyntheticEvent<HTMLTextAreaElement>) => {
    const { selectionStart, selectionEnd } = e.currentTarget;
    state.setCaret(selectionStart === selectionEnd ? selectionStart : null);
  };
  const popupStyle = usePopupPlacement(boxRef, state.open && state.completions !== null, value);
  const open = popupStyle !== null;
  return (
    <div className="formula-editor">
      <div className="formula-box" ref={boxRef}>
        <HighlightLayer ref={preRef} segments={segments} />
        <textarea
          ref={textRef}
          id={props.id}
          className="formula-input"
          value={value}
          rows={Math.min(10, Math.max(3, value.split('\n').length + 1))}
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
          onKeyDown={(e) => handleKey(e, open ? state : null, accept)}
        />
      </div>
      {popupStyle && state.completions ? (
        <CompletionList
          id={listId}
          items={state.completions.items}
          active={state.active}
          style={popupStyle}
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

/** The coloured copy of the text under the transparent textarea; user text stays text. */
function HighlightLayer(props: {
  ref: Ref<HTMLPreElement>;
  segments: readonly HighlightSegment[];
}) {
  return (
    <pre
      ref={props.ref}
      className="formula-highlight"
      aria-hidden="true"
      data-testid="formula-highlight"
    >
      {props.segments.map((s, i) => (
        <span key={i} className={`fx-${s.kind}`}>
          {s.text}
        </span>
      ))}
      {/* A final newline keeps the <pre> as tall as the textarea when the text ends in one. */}
      {'\n'}
    </pre>
  );
}

/**
 * Makes the edit through the browser's own editing command, as typing does, so that Ctrl+Z and
 * Ctrl+Y step through completions too: setting the value from script clears the box's undo
 * history. The input event it fires reaches onChange. False where the command is missing
 * (jsdom) or did not give the expected text.
 */
function insertAsTyped(el: HTMLTextAreaElement, edit: CompletionEdit): boolean {
  if (typeof document.execCommand !== 'function') return false;
  if (document.activeElement !== el) el.focus();
  el.setSelectionRange(edit.from, edit.to);
  // execCommand is deprecated but still the only way to edit a field into its undo history.
  return document.execCommand('insertText', false, edit.insert) && el.value === edit.value;
}

/**
 * Arrows, Enter/Tab and Esc belong to the popup while it shows (`state` null when it does not),
 * and never during IME input.
 */
function handleKey(
  e: KeyboardEvent<HTMLTextAreaElement>,
  state: CompletionState | null,
  accept: (item: CompletionItem) => void,
) {
  if (e.nativeEvent.isComposing || e.keyCode === 229) return;
  if (!state?.completions) return;
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
