/** The live preview: the formula's result for the first rows, errors styled as errors. */
import { useTranslation } from 'react-i18next';
import type { FormulaResult } from '../../state/formulas';
import type { FormulaPreviewRow, ShownResult } from './formulaSupport';

/**
 * `rows` null: the first results are still being computed. `show` formats a result in the
 * result format chosen at the moment.
 */
export function FormulaPreview({
  rows,
  show,
}: {
  rows: readonly FormulaPreviewRow[] | null;
  show: (result: FormulaResult) => ShownResult;
}) {
  const { t } = useTranslation();
  if (rows === null) {
    return (
      <p className="formula-preview-empty" data-testid="formula-preview-pending" role="status">
        {t('formula.preview.computing')}
      </p>
    );
  }
  if (rows.length === 0) {
    return (
      <p className="formula-preview-empty" data-testid="formula-preview">
        {t('formula.preview.noRows')}
      </p>
    );
  }
  return (
    <table className="formula-preview" data-testid="formula-preview">
      <caption>{t('formula.preview.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('formula.preview.record')}</th>
          <th scope="col">{t('formula.preview.result')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => {
          const { text, error } = show(row.result);
          return (
            <tr key={i}>
              <td className="formula-preview-label">{row.label}</td>
              <td
                className={
                  error ? 'formula-preview-value formula-error-value' : 'formula-preview-value'
                }
                data-error={error ? 'true' : undefined}
              >
                {text}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
