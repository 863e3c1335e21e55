import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FieldId } from '../../../src/domain/ids';
import type { Field } from '../../../src/domain/model';
import type { FieldDraft } from '../../../src/ui/columns/fieldDraft';
import { FieldForm } from '../../../src/ui/columns/FieldForm';
import type { FormulaPreviewRow, FormulaSupport } from '../../../src/ui/formula/formulaSupport';
import { initI18n } from '../../../src/ui/i18n';
import { aId, amountId, bId, countId, literal, makeFields, makeSupport } from './helpers';

interface Setup {
  mode?: 'add' | 'edit';
  initial?: FieldDraft;
  ownFieldId?: FieldId;
  support?: FormulaSupport | null;
  fields?: Field[];
}

function renderForm(setup: Setup = {}) {
  const onSubmit = vi.fn<(d: FieldDraft) => void>();
  const onCancel = vi.fn();
  const support = setup.support === undefined ? makeSupport() : setup.support;
  render(
    <FieldForm
      mode={setup.mode ?? 'add'}
      initial={setup.initial ?? { name: 'Average', type: 'text', options: {} }}
      validateName={() => null}
      onSubmit={onSubmit}
      onCancel={onCancel}
      formulaSupport={support ?? undefined}
      fields={setup.fields ?? makeFields()}
      ownFieldId={setup.ownFieldId}
    />,
  );
  return { onSubmit, onCancel, user: userEvent.setup() };
}

async function pickFormula(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(screen.getByLabelText('Type'), 'formula');
  return screen.getByLabelText('Formula');
}

const typeOptions = () =>
  within(screen.getByLabelText('Type'))
    .getAllByRole('option')
    .map((o) => (o as HTMLOptionElement).value);

describe('formula in the column dialog', () => {
  beforeEach(async () => {
    await initI18n('en').changeLanguage('en');
  });

  it('offers formula in the type picker only with formula support', () => {
    const { unmount } = render(
      <FieldForm
        mode="add"
        initial={{ name: 'X', type: 'text', options: {} }}
        validateName={() => null}
        onSubmit={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(typeOptions()).not.toContain('formula');
    unmount();
    renderForm();
    expect(typeOptions()).toContain('formula');
    expect(typeOptions()).not.toContain('link');
    expect(typeOptions()).not.toContain('lookup');
    expect(typeOptions()).not.toContain('rollup');
  });

  it('completes a field name after { and inserts it with Enter, without saving', async () => {
    const { user, onSubmit } = renderForm();
    const input = await pickFormula(user);
    await user.click(input);
    await user.keyboard(literal('={消'));
    const list = screen.getByRole('listbox', { name: 'Suggestions' });
    const options = within(list).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['¥消费金额', '#消费次数']);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(input).toHaveValue('={消费金额}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();
    await user.keyboard('/');
    expect(input).toHaveValue('={消费金额}/');
  });

  it('moves through suggestions with the arrows and accepts with Tab', async () => {
    const { user } = renderForm();
    const input = await pickFormula(user);
    await user.click(input);
    await user.keyboard(literal('={消'));
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('option', { name: /消费次数/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(screen.getByRole('option', { name: /消费金额/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await user.keyboard('{Tab}');
    expect(input).toHaveValue('={消费金额}');
    expect(input).toHaveFocus();
  });

  it('Esc closes only the suggestions, a second Esc the dialog', async () => {
    const { user, onCancel } = renderForm();
    const input = await pickFormula(user);
    await user.click(input);
    await user.keyboard('=RO');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(onCancel).not.toHaveBeenCalled();
    await user.keyboard('U');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
    await user.keyboard('{Escape}{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('refuses an unknown field, naming it with its position', async () => {
    const { user, onSubmit } = renderForm();
    const input = await pickFormula(user);
    await user.click(input);
    await user.paste('=1+{消费金额2}');
    expect(screen.getByTestId('formula-problem')).toHaveTextContent(
      'At character 4: no field named “消费金额2”',
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('button', { name: 'Add column' }));
    expect(onSubmit).not.toHaveBeenCalled();
    await initI18n('zh-CN').changeLanguage('zh-CN');
    expect(await screen.findByText('第 4 个字符：找不到字段“消费金额2”')).toBeInTheDocument();
  });

  it('refuses an empty formula when saving', async () => {
    const { user, onSubmit } = renderForm();
    await pickFormula(user);
    expect(screen.queryByTestId('formula-problem')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add column' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByTestId('formula-problem')).toHaveTextContent('Write a formula first.');
  });

  it('refuses a formula that closes a loop, naming the fields in it', async () => {
    const fields = makeFields();
    const b = fields.find((f) => f.id === bId)!;
    const { user, onSubmit } = renderForm({
      mode: 'edit',
      initial: { name: b.name, type: b.type, options: b.options },
      ownFieldId: bId,
      fields,
    });
    const input = screen.getByLabelText('Formula');
    expect(input).toHaveValue('=1');
    await user.clear(input);
    await user.paste('={A} * 2');
    expect(screen.getByTestId('formula-problem')).toHaveTextContent(
      'This formula would make a loop: “B” → “A” → “B”.',
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('names a deleted field that an existing formula still uses', async () => {
    const gone = 'fld_gone' as FieldId;
    const { user, onSubmit } = renderForm({
      mode: 'edit',
      initial: {
        name: 'Score',
        type: 'formula',
        options: { formula: `={${gone}}+{${amountId}}`, formulaRefNames: { [gone]: '旧积分' } },
      },
      ownFieldId: 'fld_score' as FieldId,
    });
    expect(screen.getByLabelText('Formula')).toHaveValue('={旧积分}+{消费金额}');
    expect(screen.getByTestId('formula-problem')).toHaveTextContent(
      'At character 2: the field “旧积分” has been deleted',
    );
    const missing = screen.getByTestId('formula-highlight').querySelector('.fx-missingField');
    expect(missing?.textContent).toBe('{旧积分}');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).not.toHaveBeenCalled();
    await initI18n('zh-CN').changeLanguage('zh-CN');
    expect(await screen.findByText('第 2 个字符：字段“旧积分”已被删除')).toBeInTheDocument();
  });

  it('blocks saving while the engine rejects the syntax, then saves', async () => {
    const support = makeSupport();
    const { user, onSubmit } = renderForm({ support });
    const input = await pickFormula(user);
    await user.click(input);
    await user.paste('={消费金额} *');
    expect(support.validate).toHaveBeenLastCalledWith(`={${amountId}} *`);
    // The engine said no position and only English for developers: the dialog finds the spot
    // itself and says it from the catalogue.
    expect(screen.getByTestId('formula-problem')).toHaveTextContent(
      'At character 9: the formula ends with an operator: something is missing after it',
    );
    expect(screen.getByTestId('formula-problem')).not.toHaveTextContent('Unexpected');
    expect(screen.queryByTestId('formula-preview')).toBeNull();
    expect(screen.getByTestId('formula-preview-waiting')).toHaveTextContent(
      'The results of the first rows show here once the formula is complete.',
    );
    await user.click(screen.getByRole('button', { name: 'Add column' }));
    expect(onSubmit).not.toHaveBeenCalled();
    await user.click(input);
    await user.paste(' 2');
    expect(screen.queryByTestId('formula-problem')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add column' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('saves a valid formula by field id with the names it references', async () => {
    const support = makeSupport();
    const { user, onSubmit } = renderForm({ support });
    const input = await pickFormula(user);
    await user.click(input);
    await user.keyboard(literal('=ROUND({消费金额}/{消费次数}, 2)'));
    await user.selectOptions(screen.getByLabelText('Show results as'), 'currency');
    await user.selectOptions(screen.getByLabelText('Decimal places'), '1.00');
    await user.click(screen.getByRole('button', { name: 'Add column' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({
      name: 'Average',
      type: 'formula',
      options: {
        formula: `=ROUND({${amountId}}/{${countId}}, 2)`,
        formulaRefNames: { [amountId]: '消费金额', [countId]: '消费次数' },
        formulaFormat: 'currency',
        decimals: 2,
      },
    });
  });

  it('shows an existing formula by name and keeps it when saved unchanged', async () => {
    const { user, onSubmit } = renderForm({
      mode: 'edit',
      initial: { name: 'A', type: 'formula', options: { formula: `={${bId}}+1` } },
      ownFieldId: aId,
    });
    expect(screen.getByLabelText('Formula')).toHaveValue('={B}+1');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit.mock.calls[0]?.[0].options).toEqual({
      formula: `={${bId}}+1`,
      formulaRefNames: { [bId]: 'B' },
    });
  });

  it('says the preview is being computed until the results arrive, then keeps the last ones', async () => {
    const support = makeSupport();
    const results: ((rows: FormulaPreviewRow[] | null) => void)[] = [];
    support.preview.mockImplementation(() => new Promise((resolve) => results.push(resolve)));
    const { user } = renderForm({ support });
    const input = await pickFormula(user);
    await user.click(input);
    await user.paste('={消费金额}');
    expect(await screen.findByTestId('formula-preview-pending')).toHaveTextContent(
      'Computing the first rows…',
    );
    results.at(-1)?.([{ label: 'Alice', result: 100 }]);
    expect(await screen.findByText('100')).toBeInTheDocument();
    // The next formula's results are on their way: the last ones stay; a superseded call is dropped.
    await user.paste('*2');
    expect(screen.getByText('100')).toBeInTheDocument();
    expect(screen.queryByTestId('formula-preview-pending')).toBeNull();
    results.at(-1)?.(null);
    expect(screen.getByText('100')).toBeInTheDocument();
  });

  it('does not flash "computing" for results that come quickly', async () => {
    const support = makeSupport();
    support.preview.mockImplementation(
      () =>
        new Promise((resolve) => setTimeout(() => resolve([{ label: 'Alice', result: 7 }]), 50)),
    );
    const { user } = renderForm({ support });
    const input = await pickFormula(user);
    await user.click(input);
    await user.paste('={消费金额}');
    expect(screen.queryByTestId('formula-preview-pending')).toBeNull();
    expect(await screen.findByText('7')).toBeInTheDocument();
    expect(screen.queryByTestId('formula-preview-pending')).toBeNull();
  });

  it('previews the first rows with the engine results, errors styled as errors', async () => {
    const support = makeSupport();
    const { user } = renderForm({ support });
    const input = await pickFormula(user);
    await user.click(input);
    await user.paste('={消费金额}/{消费次数}');
    expect(support.preview).toHaveBeenLastCalledWith(`={${amountId}}/{${countId}}`, 5);
    const table = await screen.findByTestId('formula-preview');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['Alice12.5', 'Bob#DIV/0!']);
    expect(within(table).getByText('#DIV/0!')).toHaveClass('formula-error-value');
    expect(within(table).getByText('12.5')).not.toHaveClass('formula-error-value');
  });

  it('shows the preview in the result format chosen in the dialog, as the grid will', async () => {
    const support = makeSupport();
    support.preview.mockResolvedValue([
      { label: 'Alice', result: 174.28571428571428 },
      { label: 'Bob', result: 0.07 },
      { label: 'Carol', result: 46220 },
      { label: 'Dan', result: { error: 'DIV_BY_ZERO' } },
    ]);
    const { user } = renderForm({ support });
    const input = await pickFormula(user);
    await user.click(input);
    await user.paste('={消费金额}/{消费次数}');
    const shown = () =>
      within(screen.getByTestId('formula-preview'))
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.lastChild?.textContent);
    await waitFor(() => expect(shown()).toEqual(['174.2857143', '0.07', '46220', '#DIV/0!']));
    const calls = support.preview.mock.calls.length;
    await user.selectOptions(screen.getByLabelText('Show results as'), 'currency');
    await user.selectOptions(screen.getByLabelText('Decimal places'), '2');
    expect(shown()).toEqual(['¥174.29', '¥0.07', '¥46,220.00', '#DIV/0!']);
    await user.selectOptions(screen.getByLabelText('Show results as'), 'percent');
    expect(shown()).toEqual(['17428.57%', '7.00%', '4622000.00%', '#DIV/0!']);
    await user.selectOptions(screen.getByLabelText('Show results as'), 'date');
    expect(shown()).toEqual(['1900-06-22', '1899-12-30', '2026-07-17', '#DIV/0!']);
    // The same results, shown anew: nothing was computed again.
    expect(support.preview.mock.calls.length).toBe(calls);
    expect(within(screen.getByTestId('formula-preview')).getByText('#DIV/0!')).toHaveClass(
      'formula-error-value',
    );
  });
});
