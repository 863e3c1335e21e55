/** The live preview: the formula's result for the first rows, errors styled as errors. */
import { useTranslation } from 'react-i18next';
import type { FormulaPreviewRow } from './formulaSupport';

/** `rows` null: the first results are still being computed. */
export function FormulaPreview({ rows }: { rows: readonly FormulaPreviewRow[] | null }) {
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
        {rows.map((row, i) => (
          <tr key={i}>
            <td className="formula-preview-label">{row.label}</td>
            <td
              className={
                row.error ? 'formula-preview-value formula-error-value' : 'formula-preview-value'
              }
              data-error={row.error ? 'true' : undefined}
            >
              {row.value}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
