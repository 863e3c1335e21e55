import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialState, pushNotice, useAppStore } from '../../../src/state/store';
import { INFO_NOTICE_MS, Notices } from '../../../src/ui/shell/Notices';
import { switchLanguage } from './fixtures';

beforeEach(async () => {
  await switchLanguage('en');
  useAppStore.setState({ ...initialState });
});
afterEach(() => vi.useRealTimers());

describe('Notices', () => {
  it('shows an error translated with its parameters and closes it on click', async () => {
    render(<Notices />);
    act(() => pushNotice('error', 'errors.saveFailed', { detail: 'disk unplugged' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not save the change (disk unplugged). It was undone.');
    await userEvent.click(screen.getByRole('button', { name: 'Close message' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(useAppStore.getState().notices).toHaveLength(0);
  });

  it('translates into Chinese', async () => {
    await switchLanguage('zh-CN');
    render(<Notices />);
    act(() => pushNotice('error', 'errors.openFailed', { detail: 'x' }));
    expect(screen.getByRole('alert')).toHaveTextContent('无法打开工作区：x');
  });

  it('hides information after a few seconds but keeps errors until closed', () => {
    vi.useFakeTimers();
    render(<Notices />);
    act(() => {
      pushNotice('error', 'errors.quota');
      pushNotice('info', 'history.sort');
    });
    expect(screen.getByRole('status')).toHaveTextContent('sort');
    act(() => vi.advanceTimersByTime(INFO_NOTICE_MS - 100));
    expect(screen.getByRole('status')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(200));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByRole('alert')).toHaveTextContent('The disk is full');
  });

  it('shows a repeated notice once, for its full time from the last repeat', () => {
    vi.useFakeTimers();
    render(<Notices />);
    act(() => pushNotice('info', 'grid.computedCell', { name: 'Points' }));
    act(() => vi.advanceTimersByTime(INFO_NOTICE_MS - 100));
    act(() => {
      pushNotice('info', 'grid.computedCell', { name: 'Points' });
      pushNotice('info', 'grid.computedCell', { name: 'Points' });
    });
    expect(screen.getAllByRole('status')).toHaveLength(1);
    act(() => vi.advanceTimersByTime(INFO_NOTICE_MS - 100));
    expect(screen.getByRole('status')).toHaveTextContent('“Points” is filled in automatically');
    act(() => pushNotice('info', 'grid.computedCell', { name: 'Tier' }));
    expect(screen.getAllByRole('status')).toHaveLength(2);
  });
});
