/** How a formula column shows its results: inferred, or a chosen number/date/text format. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldOptions } from '../../domain/model';

export type FormulaFormat = NonNullable<FieldOptions['formulaFormat']>;
export const FORMULA_FORMATS: readonly FormulaFormat[] = [
  'auto',
  'number',
  'currency',
  'percent',
  'date',
  'text',
];
const MAX_DECIMALS = 6;

function hasDecimals(format: FormulaFormat): boolean {
  return format === 'number' || format === 'currency' || format === 'percent';
}

export function FormulaFormatOptions(props: {
  options: FieldOptions;
  onChange: (patch: Partial<FieldOptions>) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const format = props.options.formulaFormat ?? 'auto';
  return (
    <div className="formula-format">
      <div className="field-row">
        <label htmlFor={`${id}-format`}>{t('formula.format.label')}</label>
        <select
          id={`${id}-format`}
          className="select"
          value={format}
          data-testid="formula-format"
          onChange={(e) => {
            const next = e.target.value as FormulaFormat;
            props.onChange({
              formulaFormat: next,
              decimals: hasDecimals(next) ? props.options.decimals : undefined,
              currencySymbol: next === 'currency' ? props.options.currencySymbol : undefined,
            });
          }}
        >
          {FORMULA_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`formula.format.${f}`)}
            </option>
          ))}
        </select>
      </div>
      {hasDecimals(format) ? (
        <div className="field-row">
          <label htmlFor={`${id}-decimals`}>{t('columns.decimals')}</label>
          <select
            id={`${id}-decimals`}
            className="select"
            value={props.options.decimals === undefined ? '' : String(props.options.decimals)}
            onChange={(e) =>
              props.onChange({
                decimals: e.target.value === '' ? undefined : Number(e.target.value),
              })
            }
          >
            <option value="">{t('columns.decimalsAuto')}</option>
            {Array.from({ length: MAX_DECIMALS + 1 }, (_, d) => (
              <option key={d} value={String(d)}>
                {d === 0 ? '1' : `1.${'0'.repeat(d)}`}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {format === 'currency' ? (
        <div className="field-row">
          <label htmlFor={`${id}-symbol`}>{t('columns.currencySymbol')}</label>
          <input
            id={`${id}-symbol`}
            className="input currency-symbol"
            maxLength={8}
            placeholder="¥"
            value={props.options.currencySymbol ?? ''}
            onChange={(e) => props.onChange({ currencySymbol: e.target.value })}
          />
        </div>
      ) : null}
    </div>
  );
}
