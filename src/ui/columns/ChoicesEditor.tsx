/** Editor for select/tag choices: add, rename, recolour, reorder and delete. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OptionColor, SelectOption } from '../../domain/model';
import { OPTION_COLORS } from '../../domain/model';
import { OPTION_COLOR_STYLES } from '../components/optionColors';
import {
  addChoice,
  findChoiceProblems,
  moveChoice,
  removeChoice,
  updateChoice,
} from './fieldDraft';

export interface ChoicesEditorProps {
  choices: readonly SelectOption[];
  /** Empty names are flagged only once the user left the row or tried to save. */
  revealProblems?: boolean;
  onChange: (choices: SelectOption[]) => void;
}

export function ChoicesEditor({ choices, revealProblems = false, onChange }: ChoicesEditorProps) {
  const { t } = useTranslation();
  const [paletteFor, setPaletteFor] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const problems = findChoiceProblems(choices).map((p, i) =>
    p === 'choiceEmpty' && !revealProblems && !left.has(choices[i]?.id ?? '') ? null : p,
  );
  const onAdd = () => {
    const next = addChoice(choices);
    setFocusId(next.at(-1)?.id ?? null);
    onChange(next);
  };
  return (
    <fieldset className="choices-editor" data-testid="choices-editor">
      <legend>{t('columns.choices.label')}</legend>
      {choices.length === 0 ? <p className="choices-empty">{t('columns.choices.none')}</p> : null}
      <ol className="choices-list">
        {choices.map((choice, i) => (
          <ChoiceRow
            key={choice.id}
            choice={choice}
            index={i}
            count={choices.length}
            problem={problems[i] ?? null}
            autoFocus={choice.id === focusId}
            paletteOpen={paletteFor === choice.id}
            onTogglePalette={() => setPaletteFor(paletteFor === choice.id ? null : choice.id)}
            onRename={(name) => onChange(updateChoice(choices, i, { name }))}
            onLeave={() => setLeft(new Set(left).add(choice.id))}
            onRecolor={(color) => {
              setPaletteFor(null);
              onChange(updateChoice(choices, i, { color }));
            }}
            onMove={(delta) => onChange(moveChoice(choices, i, delta))}
            onRemove={() => onChange(removeChoice(choices, i))}
          />
        ))}
      </ol>
      <button type="button" className="btn choices-add" onClick={onAdd} data-testid="choice-add">
        + {t('columns.choices.add')}
      </button>
    </fieldset>
  );
}

interface ChoiceRowProps {
  choice: SelectOption;
  index: number;
  count: number;
  problem: string | null;
  autoFocus: boolean;
  paletteOpen: boolean;
  onTogglePalette: () => void;
  onRename: (name: string) => void;
  onLeave: () => void;
  onRecolor: (color: OptionColor) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

function ChoiceRow(props: ChoiceRowProps) {
  const { t } = useTranslation();
  const { choice, index, count, problem } = props;
  const n = { index: index + 1 };
  const style = OPTION_COLOR_STYLES[choice.color];
  const problemId = `choice-problem-${choice.id}`;
  return (
    <li className="choice-row" data-testid={`choice-${index}`}>
      <div className="choice-line">
        <button
          type="button"
          className="choice-swatch"
          style={{ background: style.bg, borderColor: style.fg }}
          aria-label={t('columns.choices.color', n)}
          aria-expanded={props.paletteOpen}
          title={t(`columns.colors.${choice.color}`)}
          onClick={props.onTogglePalette}
        />
        <input
          className="input choice-name"
          value={choice.name}
          autoFocus={props.autoFocus}
          aria-label={t('columns.choices.name', n)}
          aria-invalid={problem !== null}
          aria-describedby={problem ? problemId : undefined}
          style={{ color: style.fg }}
          onChange={(e) => props.onRename(e.target.value)}
          onBlur={props.onLeave}
        />
        <button
          type="button"
          className="btn choice-icon"
          aria-label={t('columns.choices.moveUp', n)}
          disabled={index === 0}
          onClick={() => props.onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn choice-icon"
          aria-label={t('columns.choices.moveDown', n)}
          disabled={index === count - 1}
          onClick={() => props.onMove(1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="btn choice-icon"
          aria-label={t('columns.choices.remove', n)}
          onClick={props.onRemove}
        >
          ×
        </button>
      </div>
      {props.paletteOpen ? <ColorPalette value={choice.color} onPick={props.onRecolor} /> : null}
      {problem ? (
        <p id={problemId} className="field-error" role="alert">
          {t(`columns.problems.${problem}`)}
        </p>
      ) : null}
    </li>
  );
}

function ColorPalette({ value, onPick }: { value: OptionColor; onPick: (c: OptionColor) => void }) {
  const { t } = useTranslation();
  return (
    <div className="color-palette" role="group">
      {OPTION_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          className="color-swatch"
          style={{
            background: OPTION_COLOR_STYLES[color].bg,
            borderColor: OPTION_COLOR_STYLES[color].fg,
          }}
          aria-label={t(`columns.colors.${color}`)}
          aria-pressed={color === value}
          onClick={() => onPick(color)}
        />
      ))}
    </div>
  );
}
