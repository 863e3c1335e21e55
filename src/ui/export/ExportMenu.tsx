/** The toolbar's Export button: the current view (shown rows, visible columns) as CSV or XLSX. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Table, View } from '../../domain/model';
import type { ExportFormat } from '../../state/exporter';
import { pushNotice } from '../../state/store';
import { readDisplayedRecordIds } from '../grid/displayedRows';
import { currentLanguage } from '../i18n';
import { downloadBlob } from '../components/download';
import '../styles/export.css';

export interface ExportMenuProps {
  table: Table;
  view: View;
}

async function runExport(table: Table, view: View, format: ExportFormat): Promise<void> {
  try {
    // The exporter brings the spreadsheet library: loaded on first use only.
    const { exportView } = await import('../../state/exporter');
    const result = await exportView({
      viewId: view.id,
      format,
      recordIds: await readDisplayedRecordIds(table.id),
      language: currentLanguage(),
    });
    if (!result.ok) {
      pushNotice('error', `exporting.errors.${result.problem}`);
      return;
    }
    downloadBlob(result.blob, result.fileName);
    pushNotice('info', 'exporting.done', { count: result.rows, fileName: result.fileName });
  } catch (err) {
    pushNotice('error', 'exporting.errors.failed', {
      detail: err instanceof Error ? err.message : String(err),
    });
  }
}

export function ExportMenu({ table, view }: ExportMenuProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (wrap.current && !wrap.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown, true);
    document.addEventListener('keydown', onKey, true);
    wrap.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    return () => {
      document.removeEventListener('mousedown', onDown, true);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);
  const choose = (format: ExportFormat) => {
    setOpen(false);
    setBusy(true);
    void runExport(table, view, format).finally(() => setBusy(false));
  };
  return (
    <div className="export-menu" ref={wrap}>
      <button
        type="button"
        className="btn"
        data-testid="export-button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={busy}
        onClick={() => setOpen((o) => !o)}
      >
        {busy ? t('exporting.working') : t('exporting.button')}
      </button>
      {open ? (
        <div className="menu export-menu-list" role="menu" aria-label={t('exporting.menuLabel')}>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            data-testid="export-csv"
            onClick={() => choose('csv')}
          >
            {t('exporting.csv')}
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            data-testid="export-xlsx"
            onClick={() => choose('xlsx')}
          >
            {t('exporting.xlsx')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
