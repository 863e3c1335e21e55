/** Step 1's reading options: the text encoding, the sheet and the header row. */
import { useTranslation } from 'react-i18next';
import type { Preview, RawCell, SourceInfo, TextEncoding } from '../../domain/import/types';
import { formatRawCell } from './importSource';

const ENCODINGS: readonly TextEncoding[] = ['utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be'];

export interface SourceOptionsProps {
  info: SourceInfo;
  preview: Preview;
  disabled: boolean;
  onEncoding: (encoding: TextEncoding) => void;
  onSheet: (sheet: number) => void;
  onHeaderRow: (row: number) => void;
}

/** "张三 | 138… | 2024-01-05" — the first filled cells of a row, to recognise it by. */
function describeRow(row: readonly RawCell[]): string {
  const text = row
    .map(formatRawCell)
    .filter((s) => s.trim() !== '')
    .slice(0, 4)
    .join(' | ');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

export function SourceOptions(props: SourceOptionsProps) {
  const { t } = useTranslation();
  const { info, preview, disabled } = props;
  const encoding = preview.encoding ?? info.encoding;
  return (
    <div className="import-source">
      {info.format === 'csv' && encoding ? (
        <div className="field-row">
          <label htmlFor="import-encoding">{t('importer.encoding')}</label>
          <select
            id="import-encoding"
            className="select"
            data-testid="import-encoding"
            disabled={disabled}
            value={encoding}
            onChange={(e) => props.onEncoding(e.target.value as TextEncoding)}
          >
            {ENCODINGS.map((e) => (
              <option key={e} value={e}>
                {e === info.encoding
                  ? t('importer.encodingDetected', { name: t(`importer.encodings.${e}`) })
                  : t(`importer.encodings.${e}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {info.sheets.length > 1 ? (
        <div className="field-row">
          <label htmlFor="import-sheet">{t('importer.sheet')}</label>
          <select
            id="import-sheet"
            className="select"
            data-testid="import-sheet"
            disabled={disabled}
            value={preview.sheet}
            onChange={(e) => props.onSheet(Number(e.target.value))}
          >
            {info.sheets.map((name, i) => (
              <option key={i} value={i}>
                {name || t('importer.sheetN', { n: i + 1 })}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field-row">
        <label htmlFor="import-header-row">{t('importer.headerRow')}</label>
        <select
          id="import-header-row"
          className="select"
          data-testid="import-header-row"
          disabled={disabled}
          value={preview.headerRow}
          onChange={(e) => props.onHeaderRow(Number(e.target.value))}
        >
          {preview.top.map((row, i) => (
            <option key={i} value={i}>
              {t('importer.headerRowOption', { n: i + 1, text: describeRow(row) })}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
