import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FieldId, TableId, WorkspaceId } from '../../../src/domain/ids';
import type { RestoreOutcome, WorkspaceBackup } from '../../../src/state/backup';
import { RestoreDialog } from '../../../src/ui/export/RestoreDialog';
import { initI18n } from '../../../src/ui/i18n';

const T = 'tbl_1' as TableId;
const backup: WorkspaceBackup = {
  header: {
    format: 'regulars-backup',
    version: 1,
    createdAt: Date.UTC(2024, 4, 1, 10, 30),
    meta: { id: 'wsp_1' as WorkspaceId, name: 'Old shop', createdAt: 1 },
    tables: [{ id: T, name: 'Customers', order: 0, primaryFieldId: 'fld_1' as FieldId }],
    fields: [],
    views: [],
  },
  records: [],
};

function setup(outcome: RestoreOutcome = { ok: true, workspaceId: 'wsp_2' as WorkspaceId }) {
  const onRestore = vi.fn(async () => outcome);
  const onDone = vi.fn();
  const onCancel = vi.fn();
  render(
    <RestoreDialog
      backup={backup}
      currentName="My shop"
      onRestore={onRestore}
      onDone={onDone}
      onCancel={onCancel}
    />,
  );
  return { onRestore, onDone, onCancel };
}

describe('RestoreDialog', () => {
  beforeEach(() => initI18n('en'));

  it('summarises the backup and restores it as a new workspace', async () => {
    const { onRestore, onDone } = setup();
    expect(screen.getByTestId('restore-summary')).toHaveTextContent(
      /Workspace “Old shop”, backed up .*: 1 tables, 0 records\./,
    );
    await userEvent.click(screen.getByTestId('restore-new'));
    // Its own name beside the workspace it came from: the backup's name and day.
    expect(onRestore).toHaveBeenCalledWith('new', 'Old shop (backup of May 1, 2024)');
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });

  it('replaces the current workspace only after a confirmation naming it', async () => {
    const { onRestore, onDone } = setup();
    await userEvent.click(screen.getByTestId('restore-replace'));
    expect(onRestore).not.toHaveBeenCalled();
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent('“My shop”');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onRestore).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId('restore-replace'));
    await userEvent.click(screen.getByTestId('confirm-ok'));
    expect(onRestore).toHaveBeenCalledWith('replace', expect.any(String));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });

  it('says why a restore failed and stays open', async () => {
    const { onDone } = setup({ ok: false, problem: 'quota', detail: 'full' });
    await userEvent.click(screen.getByTestId('restore-new'));
    expect(await screen.findByTestId('restore-error')).toHaveTextContent(
      'There is not enough storage space to restore this backup. Nothing was changed.',
    );
    expect(onDone).not.toHaveBeenCalled();
  });

  it('speaks Chinese', () => {
    initI18n('zh-CN');
    setup();
    expect(screen.getByTestId('restore-new')).toHaveTextContent('恢复为新的工作区');
    expect(screen.getByTestId('restore-summary')).toHaveTextContent('共 1 张表、0 条记录');
  });
});
