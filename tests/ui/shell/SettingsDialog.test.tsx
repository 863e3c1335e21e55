import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialState, useAppStore } from '../../../src/state/store';
import type { WorkspaceId } from '../../../src/domain/ids';
import {
  listAllWorkspaces,
  openWorkspace,
  refreshPersistence,
  setLanguage,
  updateMeta,
} from '../../../src/state/workspace';
import { formatBytes } from '../../../src/ui/shell/formatBytes';
import { SettingsDialog } from '../../../src/ui/shell/SettingsDialog';
import { buildSchema, switchLanguage } from './fixtures';

vi.mock('../../../src/state/workspace', () => ({
  setLanguage: vi.fn(async () => undefined),
  refreshPersistence: vi.fn(async () => undefined),
  updateMeta: vi.fn(async () => undefined),
  listAllWorkspaces: vi.fn(async () => []),
  openWorkspace: vi.fn(async () => true),
}));

beforeEach(async () => {
  await switchLanguage('en');
  useAppStore.setState({ ...initialState, status: 'ready', schema: buildSchema() });
});
afterEach(() => vi.clearAllMocks());

describe('SettingsDialog', () => {
  it('pins the as-of date and goes back to today', async () => {
    render(<SettingsDialog onClose={() => {}} />);
    const box = screen.getByTestId('as-of-date');
    expect(box).toHaveTextContent('As-of date for analysis');
    await userEvent.click(screen.getByRole('radio', { name: 'A fixed date' }));
    expect(updateMeta).toHaveBeenCalledWith({
      asOfDate: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
    });
    act(() => {
      const schema = useAppStore.getState().schema;
      if (schema)
        useAppStore.setState({
          schema: { ...schema, meta: { ...schema.meta, asOfDate: '2025-12-31' } },
        });
    });
    const date = screen.getByLabelText('A fixed date', { selector: 'input[type=date]' });
    expect(date).toHaveValue('2025-12-31');
    await userEvent.click(screen.getByRole('radio', { name: /^Today/ }));
    expect(updateMeta).toHaveBeenLastCalledWith({ asOfDate: undefined });
  });

  it('says the data is protected when persistence is granted', () => {
    useAppStore.setState({ persistence: 'granted' });
    render(<SettingsDialog onClose={() => {}} />);
    expect(screen.getByTestId('settings-dialog')).toHaveTextContent(
      'Your data is protected from automatic clean-up by the browser.',
    );
    expect(screen.queryByRole('button', { name: 'Ask again' })).not.toBeInTheDocument();
  });

  it('explains the risk when persistence is denied and can ask again', async () => {
    useAppStore.setState({ persistence: 'denied' });
    render(<SettingsDialog onClose={() => {}} />);
    const text = screen.getByTestId('persistence');
    expect(text).toHaveTextContent('when the disk runs low it may clear it');
    expect(text).toHaveTextContent('export backups');
    await userEvent.click(screen.getByRole('button', { name: 'Ask again' }));
    expect(refreshPersistence).toHaveBeenCalledTimes(1);
    act(() => useAppStore.setState({ persistence: 'granted' }));
    expect(screen.getByTestId('persistence')).toHaveTextContent('Your data is protected');
  });

  it('shows storage usage in MB and GB with a bar', () => {
    useAppStore.setState({ storage: { usage: 52 * 1024 * 1024, quota: 2.5 * 1024 ** 3 } });
    render(<SettingsDialog onClose={() => {}} />);
    expect(screen.getByText('52 MB used of 2.5 GB available')).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'Storage used' });
    expect(bar).toHaveAttribute('max', String(2.5 * 1024 ** 3));
  });

  it('changes the language: stores the choice and switches the interface', async () => {
    render(<SettingsDialog onClose={() => {}} />);
    const select = screen.getByRole('combobox', { name: 'Language' });
    expect(select).toHaveValue('browser');
    await userEvent.selectOptions(select, 'zh-CN');
    expect(setLanguage).toHaveBeenCalledWith('zh-CN');
    expect(i18next.language).toBe('zh-CN');
    expect(await screen.findByRole('combobox', { name: '语言' })).toBeInTheDocument();
  });

  it('follows the browser again', async () => {
    const schema = buildSchema();
    useAppStore.setState({ schema: { ...schema, meta: { ...schema.meta, language: 'zh-CN' } } });
    await switchLanguage('zh-CN');
    render(<SettingsDialog onClose={() => {}} />);
    const select = screen.getByRole('combobox', { name: '语言' });
    expect(select).toHaveValue('zh-CN');
    await userEvent.selectOptions(select, 'browser');
    expect(setLanguage).toHaveBeenCalledWith(undefined);
    // jsdom's navigator.language is en-US.
    expect(i18next.language).toBe('en');
  });

  it('lists the workspaces only when there are several, and opens another one', async () => {
    const list = vi.mocked(listAllWorkspaces);
    const { unmount } = render(<SettingsDialog onClose={() => undefined} />);
    await waitFor(() => expect(list).toHaveBeenCalled());
    expect(screen.queryByTestId('workspace-list')).toBeNull();
    unmount();
    const here = 'wsp_here' as WorkspaceId;
    useAppStore.setState({ workspaceId: here });
    const other = 'wsp_other' as WorkspaceId;
    list.mockResolvedValueOnce([
      { id: here, name: 'My shop', createdAt: 1 },
      { id: other, name: 'My shop (restored)', createdAt: 2 },
    ]);
    const onClose = vi.fn();
    render(<SettingsDialog onClose={onClose} />);
    const shown = await screen.findByTestId('workspace-list');
    expect(within(shown).getByTestId(`workspace-${here}`)).toHaveTextContent('Open now');
    await userEvent.click(
      within(within(shown).getByTestId(`workspace-${other}`)).getByRole('button', { name: 'Open' }),
    );
    expect(openWorkspace).toHaveBeenCalledWith(other);
    expect(onClose).toHaveBeenCalled();
  });

  it('calls onClose from the close button', async () => {
    const onClose = vi.fn();
    render(<SettingsDialog onClose={onClose} />);
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });
});

describe('formatBytes', () => {
  it('uses MB below a gigabyte and GB above, never showing 0 MB for a little data', () => {
    expect(formatBytes(0, 'en')).toBe('0 MB');
    expect(formatBytes(2000, 'en')).toBe('0.1 MB');
    expect(formatBytes(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
    expect(formatBytes(3 * 1024 ** 3, 'en')).toBe('3 GB');
  });
});
