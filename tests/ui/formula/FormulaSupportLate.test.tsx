/** The engine's formula checks reach the column dialog after it opens: names show all along. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FieldDraft } from '../../../src/ui/columns/fieldDraft';
import { FieldForm } from '../../../src/ui/columns/FieldForm';
import type { FormulaSupport } from '../../../src/ui/formula/formulaSupport';
import { initI18n } from '../../../src/ui/i18n';
import { amountId, countId, makeFields, makeSupport } from './helpers';

const stored = `={${amountId}} / {${countId}}`;
const initial: FieldDraft = {
  name: 'Average',
  type: 'formula',
  options: { formula: stored, formulaRefNames: { [amountId]: '消费金额', [countId]: '消费次数' } },
};

function renderEdit(support: FormulaSupport | undefined, onSubmit = vi.fn()) {
  const props = {
    mode: 'edit' as const,
    initial,
    validateName: () => null,
    onSubmit,
    onCancel: vi.fn(),
    fields: makeFields(),
  };
  const view = render(<FieldForm {...props} formulaSupport={support} />);
  return {
    onSubmit,
    withSupport: (s: FormulaSupport) => view.rerender(<FieldForm {...props} formulaSupport={s} />),
  };
}

describe('a formula column opened before the engine is ready', () => {
  beforeEach(async () => {
    await initI18n('en').changeLanguage('en');
  });

  it('shows the formula with field names once the checks arrive, and saves it by id', async () => {
    const { onSubmit, withSupport } = renderEdit(undefined);
    withSupport(makeSupport());
    const input = screen.getByLabelText('Formula');
    expect(input).toHaveValue('={消费金额} / {消费次数}');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ options: expect.objectContaining({ formula: stored }) }),
    );
  });

  it('keeps the stored formula when saved without the engine (a rename)', async () => {
    const { onSubmit } = renderEdit(undefined);
    const user = userEvent.setup();
    const name = screen.getByDisplayValue('Average');
    await user.clear(name);
    await user.type(name, 'Mean');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({
        name: 'Mean',
        options: expect.objectContaining({ formula: stored }),
      }),
    );
  });
});
