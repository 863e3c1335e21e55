/** The "Back up now" action shared by the settings and the reminder: write, download, tell. */
import { createBackup } from '../../state/backup';
import { pushNotice } from '../../state/store';
import { downloadBlob } from '../components/download';

export async function runBackup(): Promise<boolean> {
  try {
    const { blob, fileName } = await createBackup();
    downloadBlob(blob, fileName);
    pushNotice('info', 'exporting.backup.done', { fileName });
    return true;
  } catch (err) {
    pushNotice('error', 'exporting.backup.failed', {
      detail: err instanceof Error ? err.message : String(err),
    });
    return false;
  }
}
