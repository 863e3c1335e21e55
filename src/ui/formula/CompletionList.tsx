/** The formula editor's suggestion popup: field names with their type glyph, or functions. */
import { useEffect, useRef } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletionItem } from '../../domain/formula';
import type { FieldType } from '../../domain/model';
import { getTypeGlyph } from '../columns/fieldTypeMeta';

export interface CompletionListProps {
  id: string;
  items: readonly CompletionItem[];
  active: number;
  /** The type of each suggested field, for its glyph. */
  typeOf: (item: CompletionItem) => FieldType | undefined;
  onAccept: (item: CompletionItem) => void;
  onHover: (index: number) => void;
  /** Where the popup goes (fixed, on the viewport). */
  style?: CSSProperties;
}

export function optionId(listId: string, index: number): string {
  return `${listId}-${index}`;
}

export function CompletionList(props: CompletionListProps) {
  const { id, items, active, typeOf, onAccept, onHover } = props;
  const { t } = useTranslation();
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]');
    // jsdom has no scrollIntoView.
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);
  return (
    <ul
      ref={listRef}
      id={id}
      role="listbox"
      style={props.style}
      className="formula-completions"
      aria-label={t('formula.completions')}
      data-testid="formula-completions"
    >
      {items.map((item, i) => (
        <li
          key={`${item.kind}:${item.label}`}
          id={optionId(id, i)}
          role="option"
          aria-selected={i === active}
          className="formula-completion"
          // mousedown, not click: the textarea keeps the focus and the caret.
          onMouseDown={(e) => {
            e.preventDefault();
            onAccept(item);
          }}
          onMouseEnter={() => onHover(i)}
        >
          {item.kind === 'field' ? (
            <FieldItem name={item.label} type={typeOf(item)} />
          ) : (
            <FunctionItem
              signature={item.signature}
              description={t(`formula.functions.${item.info.name}`, { defaultValue: '' })}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

function FieldItem({ name, type }: { name: string; type: FieldType | undefined }) {
  return (
    <>
      <span className="type-glyph" aria-hidden="true">
        {type ? getTypeGlyph(type) : ''}
      </span>
      <span className="formula-completion-name">{name}</span>
    </>
  );
}

function FunctionItem({ signature, description }: { signature: string; description: string }) {
  return (
    <span className="formula-completion-function">
      <span className="formula-completion-signature">{signature}</span>
      {description ? <span className="formula-completion-description">{description}</span> : null}
    </span>
  );
}
