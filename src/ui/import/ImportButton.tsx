/** The toolbar's Import button: a file picker for CSV, TSV, TXT, XLS, XLSX and ODS files. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import '../styles/import.css';
import { IMPORT_ACCEPT, requestImport } from './importLauncher';

export function ImportButton() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid="import-button"
        title={t('importer.buttonTitle')}
        onClick={() => input.current?.click()}
      >
        {t('importer.button')}
      </button>
      <input
        ref={input}
        type="file"
        className="import-file-input"
        data-testid="import-file"
        accept={IMPORT_ACCEPT}
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so that picking the same file again opens it again.
          e.target.value = '';
          if (file) requestImport({ kind: 'file', file });
        }}
      />
    </>
  );
}
