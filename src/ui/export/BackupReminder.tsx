/** A quiet banner when the workspace has data and no backup for over a week; never blocks. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isBackupReminderDue, snoozeBackupReminder } from '../../state/backup';
import { useAppStore } from '../../state/store';
import { runBackup } from './backupActions';
import '../styles/export.css';

export function BackupReminder() {
  const { t } = useTranslation();
  const lastBackupAt = useAppStore((s) => s.schema?.meta.lastBackupAt);
  // Re-checked when the settings change or records load (no records, no reminder).
  useAppStore((s) => s.schema?.meta);
  useAppStore((s) => s.recordVersions);
  const [later, setLater] = useState(false);
  const [busy, setBusy] = useState(false);
  if (later || !isBackupReminderDue()) return null;
  return (
    <div className="backup-reminder" role="status" data-testid="backup-reminder">
      <p>
        {lastBackupAt === undefined ? t('exporting.reminder.never') : t('exporting.reminder.text')}
      </p>
      <button
        type="button"
        className="btn btn-primary"
        data-testid="reminder-backup"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void runBackup().finally(() => setBusy(false));
        }}
      >
        {t('exporting.reminder.now')}
      </button>
      <button
        type="button"
        className="btn"
        data-testid="reminder-later"
        onClick={() => {
          snoozeBackupReminder();
          setLater(true);
        }}
      >
        {t('exporting.reminder.later')}
      </button>
    </div>
  );
}
