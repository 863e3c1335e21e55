/**
 * Restoring a checked backup: as a new workspace, or over the current one after a second,
 * explicit confirmation. A failed restore says why; nothing has changed then.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestoreMode, RestoreOutcome, WorkspaceBackup } from '../../state/backup';
import { Dialog } from '../components/Dialog';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import '../styles/export.css';

export interface RestoreDialogProps {
  backup: WorkspaceBackup;
  /** The open workspace's name (the one "replace" overwrites). */
  currentName: string;
  /** `newName`: what a restore as a new workspace is called (the backup's name and day). */
  onRestore: (mode: RestoreMode, newName: string) => Promise<RestoreOutcome>;
  onDone: () => void;
  onCancel: () => void;
}

type Step = 'choose' | 'confirm' | 'working';

export function RestoreDialog({
  backup,
  currentName,
  onRestore,
  onDone,
  onCancel,
}: RestoreDialogProps) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<Step>('choose');
  const [error, setError] = useState<string | null>(null);
  const { header, records } = backup;
  const nf = new Intl.NumberFormat(i18n.language);
  const when = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(header.createdAt);
  // Beside the workspace it was backed up from, the restored one needs a name of its own.
  const newName = t('exporting.restore.newName', {
    name: header.meta.name,
    day: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(header.createdAt),
  });

  const run = async (mode: RestoreMode) => {
    setStep('working');
    setError(null);
    const outcome = await onRestore(mode, newName);
    if (outcome.ok) {
      onDone();
      return;
    }
    setError(t(`exporting.restore.problems.${outcome.problem}`, { detail: outcome.detail }));
    setStep('choose');
  };

  if (step === 'confirm') {
    return (
      <ConfirmDialog
        title={t('exporting.restore.confirmTitle')}
        confirmLabel={t('exporting.restore.confirmOk')}
        danger
        onConfirm={() => void run('replace')}
        onCancel={() => setStep('choose')}
      >
        <p>{t('exporting.restore.confirmText', { name: currentName })}</p>
      </ConfirmDialog>
    );
  }
  const working = step === 'working';
  return (
    <Dialog
      title={t('exporting.restore.title')}
      onClose={onCancel}
      testId="restore-dialog"
      footer={
        <button type="button" className="btn" onClick={onCancel} disabled={working}>
          {t('actions.cancel')}
        </button>
      }
    >
      <p data-testid="restore-summary">
        {t('exporting.restore.summary', {
          name: header.meta.name,
          when,
          tables: nf.format(header.tables.length),
          records: nf.format(records.length),
        })}
      </p>
      {working ? <p role="status">{t('exporting.restore.working')}</p> : null}
      {error ? (
        <p className="restore-error" role="alert" data-testid="restore-error">
          {error}
        </p>
      ) : null}
      <div className="restore-options">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="restore-new"
          disabled={working}
          onClick={() => void run('new')}
        >
          {t('exporting.restore.asNew')}
        </button>
        <p className="restore-hint">{t('exporting.restore.asNewHint')}</p>
        <button
          type="button"
          className="btn btn-danger"
          data-testid="restore-replace"
          disabled={working}
          onClick={() => setStep('confirm')}
        >
          {t('exporting.restore.replace')}
        </button>
        <p className="restore-hint">{t('exporting.restore.replaceHint')}</p>
      </div>
    </Dialog>
  );
}
