/**
 * Cell editors. Each reports an EditorResult: text that the field type will parse
 * (typed input) or a ready value (picked from a list), so parsing happens in one place.
 */
import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellValue, Field } from '../../domain/model';
import { isInvalidValue } from '../../domain/model';
import { getFieldType } from '../../domain/fields';
import { typeContext } from '../../state/actions';
import { currentLanguage } from '../i18n';
import { OPTION_COLOR_STYLES } from '../components/optionColors';
import { isTypedText } from './imeTyping';

export type EditorResult = { kind: 'text'; text: string } | { kind: 'value'; value: CellValue };

export interface EditorParams {
  field: Field;
}

type Props = CustomCellEditorProps<unknown, CellValue | EditorResult> & EditorParams;

function startText(props: Props): string {
  const key = props.eventKey;
  if (isTypedText(key)) return key;
  if (key === 'Backspace' || key === 'Delete') return '';
  const v = props.initialValue as CellValue | undefined;
  if (isInvalidValue(v)) return v.invalid;
  return getFieldType(props.field.type).toText(v, props.field, typeContext(currentLanguage()));
}

export function TextCellEditor(props: Props) {
  const initial = useMemo(() => startText(props), []); // eslint-disable-line react-hooks/exhaustive-deps
  const [text, setText] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    props.onValueChange({ kind: 'text', text: initial });
    const el = ref.current;
    if (!el) return;
    el.focus();
    if (isTypedText(props.eventKey)) el.setSelectionRange(initial.length, initial.length);
    else el.select();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <input
      ref={ref}
      className="cell-editor"
      value={text}
      aria-label={props.field.name}
      onChange={(e) => {
        setText(e.target.value);
        props.onValueChange({ kind: 'text', text: e.target.value });
      }}
    />
  );
}

/** Long text: Enter saves, Shift+Enter or Alt+Enter starts a new line. */
export function LongTextCellEditor(props: Props) {
  const initial = useMemo(() => startText(props), []); // eslint-disable-line react-hooks/exhaustive-deps
  const [text, setText] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    props.onValueChange({ kind: 'text', text: initial });
    ref.current?.focus();
    ref.current?.setSelectionRange(initial.length, initial.length);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <textarea
      ref={ref}
      className="cell-editor-long"
      value={text}
      rows={5}
      aria-label={props.field.name}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.shiftKey || e.altKey)) {
          e.stopPropagation();
          if (e.altKey) {
            e.preventDefault();
            const el = e.currentTarget;
            const next = `${text.slice(0, el.selectionStart)}\n${text.slice(el.selectionEnd)}`;
            setText(next);
            props.onValueChange({ kind: 'text', text: next });
          }
        }
      }}
      onChange={(e) => {
        setText(e.target.value);
        props.onValueChange({ kind: 'text', text: e.target.value });
      }}
    />
  );
}

/** Date: type any form people use, or pick from the calendar. */
export function DateCellEditor(props: Props) {
  const { t } = useTranslation();
  const initial = useMemo(() => startText(props), []); // eslint-disable-line react-hooks/exhaustive-deps
  const [text, setText] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  const withTime = props.field.type === 'dateTime';
  const iso = typeof props.initialValue === 'string' ? props.initialValue : '';
  useEffect(() => {
    props.onValueChange({ kind: 'text', text: initial });
    ref.current?.focus();
    if (!isTypedText(props.eventKey)) ref.current?.select();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const update = (next: string) => {
    setText(next);
    props.onValueChange({ kind: 'text', text: next });
  };
  return (
    <div className="cell-editor-date">
      <input
        ref={ref}
        className="cell-editor"
        value={text}
        aria-label={props.field.name}
        onChange={(e) => update(e.target.value)}
      />
      <input
        type={withTime ? 'datetime-local' : 'date'}
        aria-label={t('grid.pickDate')}
        defaultValue={iso}
        onChange={(e) => update(e.target.value.replace('T', ' '))}
        onKeyDown={(e) =>
          e.key !== 'Enter' && e.key !== 'Escape' && e.key !== 'Tab' && e.stopPropagation()
        }
      />
    </div>
  );
}

/** Single and multi select: filter by typing, arrows to move, Enter or click to choose. */
export function SelectCellEditor(props: Props) {
  const { t } = useTranslation();
  const multi = props.field.type === 'multiSelect';
  const choices = props.field.options.choices ?? [];
  const start = props.initialValue as CellValue | undefined;
  const [picked, setPicked] = useState<string[]>(
    Array.isArray(start) ? start : typeof start === 'string' && start ? [start] : [],
  );
  const [query, setQuery] = useState(isTypedText(props.eventKey) ? props.eventKey : '');
  const [active, setActive] = useState(0);
  const ref = useRef<HTMLInputElement>(null);
  const visible = choices.filter((c) => c.name.toLowerCase().includes(query.trim().toLowerCase()));
  useEffect(() => ref.current?.focus(), []);
  const emit = (names: string[]) =>
    props.onValueChange({ kind: 'value', value: multi ? names : (names[0] ?? null) });
  useEffect(() => {
    if (!multi) {
      const c = visible[active];
      if (c) emit([c.name]);
      else if (query.trim()) props.onValueChange({ kind: 'text', text: query });
      else emit(picked);
    }
  }, [active, query]); // eslint-disable-line react-hooks/exhaustive-deps
  const toggle = (name: string) => {
    if (!multi) {
      emit([name]);
      setTimeout(() => props.stopEditing(), 0);
      return;
    }
    const next = picked.includes(name) ? picked.filter((n) => n !== name) : [...picked, name];
    setPicked(next);
    emit(next);
  };
  return (
    <div
      className="cell-editor-select"
      role="listbox"
      aria-label={props.field.name}
      aria-multiselectable={multi}
    >
      <input
        ref={ref}
        className="cell-editor"
        value={query}
        placeholder={t('grid.findOption')}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            e.stopPropagation();
            const n = visible.length;
            if (n > 0) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
          } else if (e.key === ' ' && multi && visible[active]) {
            e.preventDefault();
            e.stopPropagation();
            toggle(visible[active].name);
          }
        }}
      />
      <div className="cell-editor-options">
        {visible.map((c, i) => {
          const colors = OPTION_COLOR_STYLES[c.color];
          const on = picked.includes(c.name);
          return (
            <div
              key={c.id}
              role="option"
              aria-selected={multi ? on : i === active}
              className={i === active ? 'option active' : 'option'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => toggle(c.name)}
            >
              {multi ? <span className="option-check">{on ? '✓' : ''}</span> : null}
              <span className="chip" style={{ background: colors.bg, color: colors.fg }}>
                {c.name}
              </span>
            </div>
          );
        })}
        {visible.length === 0 ? <div className="option-empty">{t('grid.noOptions')}</div> : null}
      </div>
    </div>
  );
}
