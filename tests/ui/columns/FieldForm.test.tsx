import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { validateFieldName } from '../../../src/domain/commands/fieldCommands';
import type { FieldOptions, FieldType } from '../../../src/domain/model';
import type { FieldDraft } from '../../../src/ui/columns/fieldDraft';
import { FieldForm } from '../../../src/ui/columns/FieldForm';
import type { RetypeCounts } from '../../../src/ui/columns/FieldForm';
import { initI18n } from '../../../src/ui/i18n';
import { makeSchema, tableId } from './helpers';

const schema = makeSchema();
const validateName = (name: string) => validateFieldName(schema, tableId, name);

function renderAdd() {
  const onSubmit = vi.fn<(d: FieldDraft) => void>();
  const onCancel = vi.fn();
  render(
    <FieldForm
      mode="add"
      initial={{ name: 'Field', type: 'text', options: {} }}
      validateName={validateName}
      onSubmit={onSubmit}
      onCancel={onCancel}
    />,
  );
  return { onSubmit, onCancel, user: userEvent.setup() };
}

async function setName(user: ReturnType<typeof userEvent.setup>, name: string) {
  const input = screen.getByLabelText('Name');
  await user.clear(input);
  if (name) await user.type(input, name);
}

describe('FieldForm (add)', () => {
  beforeEach(async () => {
    await initI18n('en').changeLanguage('en');
  });

  it('adds a number column with decimals and thousands separators', async () => {
    const { onSubmit, user } = renderAdd();
    await setName(user, '  Visits ');
    await user.selectOptions(screen.getByLabelText('Type'), 'number');
    await user.selectOptions(screen.getByLabelText('Decimal places'), '1.00');
    await user.click(screen.getByLabelText('Show thousands separators (1,234)'));
    await user.click(screen.getByRole('button', { name: 'Add column' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Visits',
      type: 'number',
      options: { decimals: 2, thousands: true },
    });
  });

  it('adds a single select with two coloured choices', async () => {
    const { onSubmit, user } = renderAdd();
    await setName(user, 'Level');
    await user.selectOptions(screen.getByLabelText('Type'), 'singleSelect');
    expect(screen.getByText('No options yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '+ Add option' }));
    await user.keyboard('VIP');
    await user.click(screen.getByRole('button', { name: '+ Add option' }));
    await user.type(screen.getByLabelText('Option 2 name'), 'New');
    await user.click(screen.getByRole('button', { name: 'Colour of option 1' }));
    await user.click(screen.getByRole('button', { name: 'Purple' }));
    await user.click(screen.getByRole('button', { name: 'Colour of option 2' }));
    await user.click(screen.getByRole('button', { name: 'Teal' }));
    await user.keyboard('{Enter}');
    expect(onSubmit).not.toHaveBeenCalled(); // Enter on the swatch button presses it, not the form
    await user.click(screen.getByLabelText('Option 2 name'));
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const result = onSubmit.mock.calls[0]?.[0];
    expect(result?.type).toBe('singleSelect');
    expect(result?.options.choices?.map((c) => [c.name, c.color])).toEqual([
      ['VIP', 'purple'],
      ['New', 'teal'],
    ]);
    const ids = result?.options.choices?.map((c) => c.id) ?? [];
    expect(ids.every((id) => id.startsWith('opt_'))).toBe(true);
    expect(new Set(ids).size).toBe(2);
  });

  it('reorders and deletes choices', async () => {
    const { onSubmit, user } = renderAdd();
    await user.selectOptions(screen.getByLabelText('Type'), 'multiSelect');
    for (const name of ['A', 'B', 'C']) {
      await user.click(screen.getByRole('button', { name: '+ Add option' }));
      await user.keyboard(name);
    }
    await user.click(screen.getByRole('button', { name: 'Move option 3 up' }));
    await user.click(screen.getByRole('button', { name: 'Delete option 1' }));
    expect(screen.getByRole('button', { name: 'Move option 1 up' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Add column' }));
    expect(onSubmit.mock.calls[0]?.[0].options.choices?.map((c) => c.name)).toEqual(['C', 'B']);
  });

  it('refuses empty and duplicate choice names', async () => {
    const { onSubmit, user } = renderAdd();
    await user.selectOptions(screen.getByLabelText('Type'), 'singleSelect');
    await user.click(screen.getByRole('button', { name: '+ Add option' }));
    await user.keyboard('VIP');
    await user.click(screen.getByRole('button', { name: '+ Add option' }));
    await user.keyboard(' vip ');
    expect(screen.getByText('Two options have the same name.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '+ Add option' }));
    await user.click(screen.getByRole('button', { name: 'Add column' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Options need a name.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete option 3' }));
    await user.clear(screen.getByLabelText('Option 2 name'));
    await user.type(screen.getByLabelText('Option 2 name'), 'Regular');
    await user.click(screen.getByRole('button', { name: 'Add column' }));
    expect(onSubmit.mock.calls[0]?.[0].options.choices?.map((c) => c.name)).toEqual([
      'VIP',
      'Regular',
    ]);
  });

  it('adds a date column with a chosen format', async () => {
    const { onSubmit, user } = renderAdd();
    await setName(user, 'Birthday');
    await user.selectOptions(screen.getByLabelText('Type'), 'date');
    const format = screen.getByLabelText('Date format');
    expect(format).toHaveValue('YYYY-MM-DD');
    expect(within(format).getByRole('option', { name: '2025年3月8日' })).toBeInTheDocument();
    await user.selectOptions(format, '08/03/2025');
    await user.keyboard('{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    await user.click(screen.getByLabelText('Name'));
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Birthday',
      type: 'date',
      options: { dateFormat: 'DD/MM/YYYY' },
    });
  });

  it('shows a duplicate name and does not submit until it is fixed', async () => {
    const { onSubmit, user } = renderAdd();
    await setName(user, 'phone');
    expect(screen.getByRole('alert')).toHaveTextContent('Another column is already called this.');
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Add column' }));
    expect(onSubmit).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('Name'), ' 2');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledWith({ name: 'phone 2', type: 'text', options: {} });
  });

  it('refuses an empty name', async () => {
    const { onSubmit, user } = renderAdd();
    await setName(user, '   ');
    expect(screen.getByRole('alert')).toHaveTextContent('Give the column a name.');
    await user.click(screen.getByRole('button', { name: 'Add column' }));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('starts from the new type’s default options when the type changes', async () => {
    const { onSubmit, user } = renderAdd();
    await user.selectOptions(screen.getByLabelText('Type'), 'currency');
    const symbol = screen.getByLabelText('Currency symbol');
    expect(symbol).toHaveValue('¥');
    expect(screen.getByLabelText('Decimal places')).toHaveValue('2');
    await user.click(screen.getByRole('button', { name: 'HK$' }));
    expect(symbol).toHaveValue('HK$');
    await user.selectOptions(screen.getByLabelText('Type'), 'rating');
    expect(screen.queryByLabelText('Currency symbol')).toBeNull();
    expect(screen.getByLabelText('Maximum stars')).toHaveValue('5');
    await user.selectOptions(screen.getByLabelText('Type'), 'currency');
    expect(screen.getByLabelText('Currency symbol')).toHaveValue('¥');
    await user.selectOptions(screen.getByLabelText('Type'), 'text');
    await user.click(screen.getByRole('button', { name: 'Add column' }));
    expect(onSubmit).toHaveBeenCalledWith({ name: 'Field', type: 'text', options: {} });
  });

  it('offers every type except formula, link, lookup and roll-up', () => {
    renderAdd();
    const values = within(screen.getByLabelText('Type'))
      .getAllByRole('option')
      .map((o) => (o as HTMLOptionElement).value);
    expect(values).toContain('multiSelect');
    expect(values).toContain('autoNumber');
    for (const hidden of ['formula', 'link', 'lookup', 'rollup'])
      expect(values).not.toContain(hidden);
    expect(screen.getByRole('option', { name: /Single select/ })).toBeInTheDocument();
  });

  it('cancels with Esc', async () => {
    const { onSubmit, onCancel, user } = renderAdd();
    await user.type(screen.getByLabelText('Name'), 'x');
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalled();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('FieldForm (edit)', () => {
  beforeEach(async () => {
    await initI18n('en').changeLanguage('en');
  });

  function renderEdit(counts: RetypeCounts) {
    const onSubmit = vi.fn<(d: FieldDraft) => void>();
    const preview = vi.fn<(t: FieldType, o: FieldOptions) => RetypeCounts | null>(() => counts);
    render(
      <FieldForm
        mode="edit"
        initial={{ name: 'Phone', type: 'phone', options: {} }}
        validateName={(n) => validateFieldName(schema, tableId, n, 'fld_phone' as never)}
        preview={preview}
        onSubmit={onSubmit}
        onCancel={() => {}}
      />,
    );
    return { onSubmit, preview, user: userEvent.setup() };
  }

  it('previews a type change with formatted counts and submits the new type', async () => {
    const { onSubmit, preview, user } = renderEdit({
      converted: 1234,
      invalid: 5,
      empty: 20,
      cleared: 0,
    });
    expect(screen.getByRole('heading')).toHaveTextContent('Edit column “Phone”');
    expect(screen.queryByTestId('retype-preview')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Type'), 'number');
    expect(screen.getByTestId('retype-preview')).toHaveTextContent(
      '1,234 values convert, 5 cannot and will be kept as text and flagged, 20 empty.',
    );
    expect(preview).toHaveBeenLastCalledWith('number', {});
    await user.selectOptions(screen.getByLabelText('Type'), 'phone');
    expect(screen.queryByTestId('retype-preview')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Type'), 'number');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledWith({ name: 'Phone', type: 'number', options: {} });
  });

  it('uses the singular for one value', async () => {
    const { user } = renderEdit({ converted: 1, invalid: 0, empty: 0, cleared: 0 });
    await user.selectOptions(screen.getByLabelText('Type'), 'email');
    expect(screen.getByTestId('retype-preview')).toHaveTextContent(/^1 value converts, 0 cannot/);
  });

  it('says how many filled cells a computed type will replace (undo brings them back)', async () => {
    const { user } = renderEdit({ converted: 0, invalid: 0, empty: 3, cleared: 1200 });
    await user.selectOptions(screen.getByLabelText('Type'), 'createdTime');
    expect(screen.getByTestId('retype-preview')).toHaveTextContent(
      '1,200 filled cells will show the computed values instead of their own (undo brings them back).',
    );
  });

  it('keeps the column’s own name valid', async () => {
    const { onSubmit, user } = renderEdit({ converted: 0, invalid: 0, empty: 0, cleared: 0 });
    await setName(user, 'PHONE');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledWith({ name: 'PHONE', type: 'phone', options: {} });
  });
});

describe('FieldForm in Chinese', () => {
  it('renders Chinese labels, problems and preview', async () => {
    await initI18n('zh-CN').changeLanguage('zh-CN');
    const user = userEvent.setup();
    render(
      <FieldForm
        mode="edit"
        initial={{ name: 'Phone', type: 'phone', options: {} }}
        validateName={validateName}
        preview={() => ({ converted: 1234, invalid: 5, empty: 20, cleared: 0 })}
        onSubmit={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(screen.getByRole('heading')).toHaveTextContent('编辑列“Phone”');
    expect(screen.getByRole('button', { name: '保存' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: /单选/ })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('类型'), 'number');
    expect(screen.getByTestId('retype-preview')).toHaveTextContent(
      '1,234 个值可以转换，5 个无法转换，将按原文保留并标记，20 个为空。',
    );
    expect(screen.getByLabelText('小数位数')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('列名'));
    await user.type(screen.getByLabelText('列名'), 'name');
    expect(screen.getByRole('alert')).toHaveTextContent('已有同名的列，请换一个名字。');
  });
});
