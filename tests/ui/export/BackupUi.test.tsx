import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { listTables, listViews } from '../../../src/domain/schemaState';
import { closeSession, ensureRecords, flushWrites } from '../../../src/state/session';
import { initialState, useAppStore } from '../../../src/state/store';
import { createWorkspace, updateMeta } from '../../../src/state/workspace';
import { BackupReminder } from '../../../src/ui/export/BackupReminder';
import { BackupSection } from '../../../src/ui/export/BackupSection';
import { ExportMenu } from '../../../src/ui/export/ExportMenu';
import { initI18n } from '../../../src/ui/i18n';

const DAY = 24 * 60 * 60 * 1000;

function resetApp(): void {
  closeSession();
  useAppStore.setState(initialState, true);
  localStorage.clear();
}

async function openTemplate() {
  await createWorkspace({
    kind: 'template',
    language: 'en',
    names: { workspace: 'Shop', table: 'Customers', primaryField: 'Name', view: 'All' },
  });
  const schema = useAppStore.getState().schema;
  const table = schema ? listTables(schema)[0] : undefined;
  const view = schema && table ? listViews(schema, table.id)[0] : undefined;
  if (!table || !view) throw new Error('no template');
  await ensureRecords(table.id);
  return { table, view };
}

/** Captures downloads: the object URL's Blob and the file name clicked. */
function captureDownloads() {
  const downloads: { blob: Blob; name: string }[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href);
    if (blob) downloads.push({ blob, name: this.download });
  });
  return downloads;
}

beforeEach(() => {
  resetApp();
  initI18n('en');
});
afterEach(() => {
  vi.restoreAllMocks();
  resetApp();
});

describe('the export menu', () => {
  it('downloads the view as CSV with a BOM and the table name', async () => {
    const { table, view } = await openTemplate();
    const downloads = captureDownloads();
    render(<ExportMenu table={table} view={view} />);
    await userEvent.click(screen.getByTestId('export-button'));
    await userEvent.click(screen.getByTestId('export-csv'));
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
    const file = downloads[0];
    expect(file?.name).toMatch(/^Customers - All - \d{4}-\d{2}-\d{2}\.csv$/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      await file?.blob.arrayBuffer(),
    );
    expect(text.startsWith('\uFEFFName,Phone,')).toBe(true);
    // 200 customers without a grid: every record in table order, one line each (plus header).
    expect(text.split('\r\n').filter((l) => /^[^,"]+,\d/.test(l)).length).toBeGreaterThan(150);
    expect(screen.queryByTestId('export-csv')).toBeNull();
  }, 30_000);
});

describe('the backup section', () => {
  it('shows when the last backup was made, and makes one', async () => {
    await openTemplate();
    const downloads = captureDownloads();
    render(<BackupSection onRestored={() => undefined} />);
    expect(screen.getByTestId('last-backup')).toHaveTextContent(
      'This workspace has never been backed up.',
    );
    await userEvent.click(screen.getByTestId('backup-now'));
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
    expect(downloads[0]?.name).toMatch(/^Shop - \d{4}-\d{2}-\d{2}\.regulars$/);
    await waitFor(() =>
      expect(screen.getByTestId('last-backup')).toHaveTextContent(/Last backup: /),
    );
  }, 30_000);

  it('explains a file that is not a backup and opens nothing', async () => {
    await openTemplate();
    render(<BackupSection onRestored={() => undefined} />);
    const file = new File(['Name,Phone\r\nAnn,123\r\n'], 'customers.csv', { type: 'text/csv' });
    // The input accepts backup files; a user can still pick "All files" in the dialog.
    const user = userEvent.setup({ applyAccept: false });
    await user.upload(screen.getByTestId('restore-file'), file);
    expect(await screen.findByTestId('restore-problem')).toHaveTextContent(
      'This file is not a Regulars backup.',
    );
    expect(screen.queryByTestId('restore-dialog')).toBeNull();
  }, 30_000);
});

describe('the backup reminder', () => {
  it('appears for an old workspace without a backup and goes away on "Later"', async () => {
    await openTemplate();
    render(<BackupReminder />);
    expect(screen.queryByTestId('backup-reminder')).toBeNull();
    await act(async () => {
      await updateMeta({ createdAt: Date.now() - 10 * DAY }, false);
      await flushWrites();
    });
    expect(screen.getByTestId('backup-reminder')).toHaveTextContent('never been backed up');
    await userEvent.click(screen.getByTestId('reminder-later'));
    expect(screen.queryByTestId('backup-reminder')).toBeNull();
    const id = useAppStore.getState().workspaceId;
    expect(Number(localStorage.getItem(`regulars.backupSnooze.${id}`))).toBeGreaterThan(Date.now());
  }, 30_000);

  it('disappears once a backup is made', async () => {
    await openTemplate();
    captureDownloads();
    await act(async () => {
      await updateMeta(
        { createdAt: Date.now() - 30 * DAY, lastBackupAt: Date.now() - 9 * DAY },
        false,
      );
    });
    initI18n('zh-CN');
    render(<BackupReminder />);
    expect(screen.getByTestId('backup-reminder')).toHaveTextContent('距离上次备份已经超过一周了');
    await userEvent.click(screen.getByTestId('reminder-backup'));
    await waitFor(() => expect(screen.queryByTestId('backup-reminder')).toBeNull(), {
      timeout: 10_000,
    });
  }, 30_000);
});
