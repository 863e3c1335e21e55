import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialState, useAppStore } from '../../../src/state/store';
import { createWorkspace } from '../../../src/state/workspace';
import { Welcome } from '../../../src/ui/shell/Welcome';
import { switchLanguage } from './fixtures';

vi.mock('../../../src/state/workspace', () => ({
  createWorkspace: vi.fn(async () => undefined),
}));

beforeEach(async () => {
  await switchLanguage('en');
  useAppStore.setState({ ...initialState, status: 'welcome' });
});
afterEach(() => vi.clearAllMocks());

describe('Welcome', () => {
  it('starts from the shop template with English names', async () => {
    render(<Welcome />);
    expect(screen.getByRole('heading', { name: 'Regulars' })).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('start-template'));
    expect(createWorkspace).toHaveBeenCalledWith({
      kind: 'template',
      language: 'en',
      names: { workspace: 'My shop', table: 'Table 1', primaryField: 'Name', view: 'All' },
    });
  });

  it('starts with an empty table with Chinese names after switching the language', async () => {
    render(<Welcome />);
    await userEvent.click(screen.getByRole('button', { name: '中文' }));
    expect(await screen.findByRole('heading', { name: '回头客' })).toBeInTheDocument();
    expect(screen.getByTestId('start-empty')).toHaveTextContent('从空白表格开始');
    await userEvent.click(screen.getByTestId('start-empty'));
    expect(createWorkspace).toHaveBeenCalledWith({
      kind: 'empty',
      language: 'zh-CN',
      names: { workspace: '我的店', table: '表 1', primaryField: '名称', view: '全部' },
    });
  });

  it('disables both choices and says it is creating while the workspace is written', async () => {
    render(<Welcome />);
    expect(screen.getByTestId('start-template')).toBeEnabled();
    act(() => useAppStore.setState({ status: 'creating' }));
    expect(screen.getByTestId('start-template')).toBeDisabled();
    expect(screen.getByTestId('start-empty')).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('Creating…');
    await userEvent.click(screen.getByTestId('start-empty'));
    expect(createWorkspace).not.toHaveBeenCalled();
  });
});
