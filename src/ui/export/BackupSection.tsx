/** Settings → Backup: when the last backup was made, "Back up now", and restoring a file. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceBackup } from '../../state/backup';
import { readBackupFile, restoreBackup } from '../../state/backup';
import { pushNotice, useAppStore } from '../../state/store';
import { runBackup } from './backupActions';
import { RestoreDialog } from './RestoreDialog';
import '../styles/export.css';

export interface BackupSectionProps {
  /** Called after a restore: the settings close on the restored workspace. */
  onRestored: () => void;
}

export function BackupSection({ onRestored }: BackupSectionProps) {
  const { t, i18n } = useTranslation();
  const lastBackupAt = useAppStore((s) => s.schema?.meta.lastBackupAt);
  const currentName = useAppStore((s) => s.schema?.meta.name ?? '');
  const [busy, setBusy] = useState<'backup' | 'reading' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [backup, setBackup] = useState<WorkspaceBackup | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const backUp = () => {
    setBusy('backup');
    void runBackup().finally(() => setBusy(null));
  };
  const choose = async (file: File | undefined) => {
    if (input.current) input.current.value = '';
    if (!file) return;
    setBusy('reading');
    setProblem(null);
    const result = await readBackupFile(file);
    setBusy(null);
    if (result.ok) setBackup(result.backup);
    else setProblem(t(`exporting.restore.problems.${result.problem}`, { detail: result.detail }));
  };
  const when =
    lastBackupAt === undefined
      ? null
      : new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
          lastBackupAt,
        );
  return (
    <section className="backup-section" aria-labelledby="backup-section-title">
      <h3 id="backup-section-title">{t('exporting.backup.title')}</h3>
      <p className="backup-intro">{t('exporting.backup.intro')}</p>
      <p data-testid="last-backup">
        {when ? t('exporting.backup.lastBackup', { when }) : t('exporting.backup.never')}
      </p>
      <div className="backup-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="backup-now"
          disabled={busy !== null}
          onClick={backUp}
        >
          {busy === 'backup' ? t('exporting.backup.working') : t('exporting.backup.now')}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="restore-button"
          disabled={busy !== null}
          onClick={() => input.current?.click()}
        >
          {busy === 'reading' ? t('exporting.backup.reading') : t('exporting.backup.restore')}
        </button>
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          data-testid="restore-file"
          aria-label={t('exporting.backup.restore')}
          accept=".regulars,.gz,.json,application/gzip"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      {problem ? (
        <p className="restore-error" role="alert" data-testid="restore-problem">
          {problem}
        </p>
      ) : null}
      {backup ? (
        <RestoreDialog
          backup={backup}
          currentName={currentName}
          onRestore={(mode, newName) => restoreBackup(backup, mode, newName)}
          onCancel={() => setBackup(null)}
          onDone={() => {
            setBackup(null);
            pushNotice('info', 'exporting.restore.done');
            onRestored();
          }}
        />
      ) : null}
    </section>
  );
}
