/** The options part of the column dialog: what can be set depends on the chosen type. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldId } from '../../domain/ids';
import type { DateFormat, Field, FieldOptions, FieldType } from '../../domain/model';
import { FormulaOptionsEditor } from '../formula/FormulaOptionsEditor';
import type { FormulaSupport } from '../formula/formulaSupport';
import { ChoicesEditor } from './ChoicesEditor';
import {
  CURRENCY_SUGGESTIONS,
  DATE_FORMATS,
  MAX_DECIMALS,
  MAX_RATING,
  formatExampleDate,
  hasDateFormat,
  hasDecimals,
  isSelectType,
} from './fieldTypeMeta';

export interface TypeOptionsEditorProps {
  type: FieldType;
  options: FieldOptions;
  /** Show every problem (after a refused submit), not only duplicates. */
  revealProblems?: boolean;
  onChange: (options: FieldOptions) => void;
  /** The engine's formula checks; without it a formula column has no option editor. */
  formulaSupport?: FormulaSupport;
  /** The table's fields and the edited one (formula references). */
  fields?: readonly Field[];
  ownFieldId?: FieldId;
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

export function TypeOptionsEditor({
  type,
  options,
  revealProblems = false,
  onChange,
  formulaSupport,
  fields = [],
  ownFieldId,
}: TypeOptionsEditorProps) {
  const set = (patch: Partial<FieldOptions>) => onChange({ ...options, ...patch });
  const parts = [
    type === 'formula' && formulaSupport ? (
      <FormulaOptionsEditor
        key="formula"
        options={options}
        onChange={onChange}
        support={formulaSupport}
        fields={fields}
        ownFieldId={ownFieldId}
        revealProblems={revealProblems}
      />
    ) : null,
    isSelectType(type) ? (
      <ChoicesEditor
        key="choices"
        choices={options.choices ?? []}
        revealProblems={revealProblems}
        onChange={(choices) => set({ choices })}
      />
    ) : null,
    type === 'currency' ? (
      <CurrencySymbolInput
        key="symbol"
        value={options.currencySymbol}
        onChange={(currencySymbol) => set({ currencySymbol })}
      />
    ) : null,
    hasDecimals(type) ? (
      <DecimalsSelect
        key="decimals"
        value={options.decimals}
        onChange={(decimals) => set({ decimals })}
      />
    ) : null,
    type === 'number' ? (
      <ThousandsCheckbox
        key="thousands"
        value={options.thousands === true}
        onChange={(thousands) => set({ thousands })}
      />
    ) : null,
    hasDateFormat(type) ? (
      <DateFormatSelect
        key="date"
        value={options.dateFormat}
        onChange={(dateFormat) => set({ dateFormat })}
      />
    ) : null,
    type === 'rating' ? (
      <RatingMaxSelect key="rating" value={options.max ?? 5} onChange={(max) => set({ max })} />
    ) : null,
  ].filter((p) => p !== null);
  if (parts.length === 0) return null;
  return (
    <div className="type-options" data-testid="type-options">
      {parts}
    </div>
  );
}

function DecimalsSelect({
  value,
  onChange,
}: {
  value?: number;
  onChange: (v: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field-row">
      <label htmlFor={id}>{t('columns.decimals')}</label>
      <select
        id={id}
        className="select"
        value={value === undefined ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      >
        <option value="">{t('columns.decimalsAuto')}</option>
        {range(0, MAX_DECIMALS).map((d) => (
          <option key={d} value={String(d)}>
            {d === 0 ? '1' : `1.${'0'.repeat(d)}`}
          </option>
        ))}
      </select>
    </div>
  );
}

function CurrencySymbolInput({
  value,
  onChange,
}: {
  value?: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field-row">
      <label htmlFor={id}>{t('columns.currencySymbol')}</label>
      <input
        id={id}
        className="input currency-symbol"
        list={`${id}-list`}
        maxLength={8}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={`${id}-list`}>
        {CURRENCY_SUGGESTIONS.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <div className="currency-suggestions">
        {CURRENCY_SUGGESTIONS.map((s) => (
          <button
            key={s}
            type="button"
            className="btn currency-chip"
            aria-pressed={s === value}
            onClick={() => onChange(s)}
          >
            {s}
          </button>
        ))}
      </div>
    </div>
  );
}

function ThousandsCheckbox({
  value,
  onChange,
}: {
  value: boolean;
  onChange: (v: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="checkbox-row">
      <input type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} />
      {t('columns.thousands')}
    </label>
  );
}

function DateFormatSelect({
  value,
  onChange,
}: {
  value?: DateFormat;
  onChange: (v: DateFormat) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field-row">
      <label htmlFor={id}>{t('columns.dateFormat')}</label>
      <select
        id={id}
        className="select"
        value={value ?? DATE_FORMATS[0]}
        onChange={(e) => onChange(e.target.value as DateFormat)}
      >
        {DATE_FORMATS.map((f) => (
          <option key={f} value={f}>
            {formatExampleDate(f)}
          </option>
        ))}
      </select>
    </div>
  );
}

function RatingMaxSelect({ value, onChange }: { value: number; onChange: (v: number) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field-row">
      <label htmlFor={id}>{t('columns.ratingMax')}</label>
      <select
        id={id}
        className="select"
        value={String(value)}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {range(1, MAX_RATING).map((n) => (
          <option key={n} value={String(n)}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
}
