import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FieldId } from '../../../src/domain/ids';
import { ColumnHeader, nextSortDirection } from '../../../src/ui/columns/ColumnHeader';
import type { HeaderSortDirection } from '../../../src/ui/columns/ColumnHeader';
import { initI18n } from '../../../src/ui/i18n';
import { makeField } from './helpers';

const field = makeField('fld_x' as FieldId, '<b>x</b>', 'currency');

function renderHeader(sortDirection: HeaderSortDirection = null) {
  const onSort = vi.fn();
  const onOpenMenu = vi.fn();
  render(
    <ColumnHeader
      field={field}
      sortDirection={sortDirection}
      isPrimary={false}
      onSort={onSort}
      onOpenMenu={onOpenMenu}
    />,
  );
  return { onSort, onOpenMenu };
}

describe('ColumnHeader', () => {
  beforeEach(async () => {
    await initI18n('en').changeLanguage('en');
  });

  it('shows the name literally as text, never as HTML', () => {
    renderHeader();
    const header = screen.getByTestId('column-header-fld_x');
    expect(header).toHaveTextContent('<b>x</b>');
    expect(header.querySelector('b')).toBeNull();
    expect(header.querySelector('.column-header-name')?.textContent).toBe('<b>x</b>');
    expect(header).toHaveTextContent('¥'); // the currency glyph
  });

  it('shows the sort direction and cycles it on click', async () => {
    const { onSort } = renderHeader('asc');
    expect(screen.getByTestId('column-sort-indicator-fld_x')).toHaveTextContent('↑');
    expect(screen.getByTestId('column-sort-indicator-fld_x')).toHaveAttribute(
      'title',
      'Sorted A→Z',
    );
    await userEvent.click(screen.getByTestId('column-sort-fld_x'));
    expect(onSort).toHaveBeenCalledWith('desc');
  });

  it('shows no indicator when unsorted', () => {
    renderHeader(null);
    expect(screen.queryByTestId('column-sort-indicator-fld_x')).toBeNull();
    expect(nextSortDirection(null)).toBe('asc');
    expect(nextSortDirection('desc')).toBeNull();
  });

  it('opens the menu from the button below the header, or at the pointer on right-click', async () => {
    const { onOpenMenu, onSort } = renderHeader('desc');
    const button = screen.getByRole('button', { name: 'Column menu' });
    expect(button).toHaveAttribute('data-testid', 'column-menu-fld_x');
    button.getBoundingClientRect = () => ({
      left: 40,
      bottom: 30,
      top: 0,
      right: 60,
      width: 20,
      height: 30,
      x: 40,
      y: 0,
      toJSON: () => ({}),
    });
    await userEvent.click(button);
    expect(onOpenMenu).toHaveBeenCalledWith({ x: 40, y: 30 });
    expect(onSort).not.toHaveBeenCalled();
    fireEvent.contextMenu(screen.getByTestId('column-header-fld_x'), { clientX: 12, clientY: 7 });
    expect(onOpenMenu).toHaveBeenLastCalledWith({ x: 12, y: 7 });
  });

  it('labels the menu button in Chinese', async () => {
    await initI18n('zh-CN').changeLanguage('zh-CN');
    renderHeader();
    expect(screen.getByRole('button', { name: '列菜单' })).toBeInTheDocument();
  });
});
