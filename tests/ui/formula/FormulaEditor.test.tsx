import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { FORMULA_FUNCTIONS } from '../../../src/domain/formula';
import { FormulaEditor } from '../../../src/ui/formula/FormulaEditor';
import { initI18n } from '../../../src/ui/i18n';
import { catalogue } from '../../../src/ui/i18n/catalogue';
import { bId, literal, makeFields } from './helpers';

const fields = makeFields();

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <label htmlFor="fx">Formula</label>
      <FormulaEditor id="fx" value={value} onChange={setValue} fields={fields} ownFieldId={bId} />
    </>
  );
}

/** `=RO(1, 2)` with the caret after `RO`, as if the user had clicked there. */
async function caretInsideRo() {
  const user = userEvent.setup();
  render(<Harness initial="=RO(1, 2)" />);
  const input = screen.getByLabelText('Formula') as HTMLTextAreaElement;
  await user.click(input);
  input.setSelectionRange(3, 3);
  fireEvent.select(input);
  return { user, input };
}

describe('FormulaEditor', () => {
  beforeEach(async () => {
    await initI18n('en').changeLanguage('en');
  });

  it('highlights references as text, never as markup', () => {
    render(<Harness initial={'={<b>x</b>} & "a{b}" & {nope} + ROUND(1.5, 0)'} />);
    const pre = screen.getByTestId('formula-highlight');
    expect(pre.querySelector('b')).toBeNull();
    const field = pre.querySelector('.fx-field');
    expect(field?.textContent).toBe('{<b>x</b>}');
    expect(pre.querySelector('.fx-missingField')?.textContent).toBe('{nope}');
    expect(pre.querySelector('.fx-string')?.textContent).toBe('"a{b}"');
    expect(pre.querySelector('.fx-function')?.textContent).toBe('ROUND');
    expect([...pre.querySelectorAll('.fx-number')].map((n) => n.textContent)).toEqual(['1.5', '0']);
    // The overlay shows exactly the textarea's text, so the colours sit under the right letters.
    expect(pre.textContent).toBe(
      `${(screen.getByLabelText('Formula') as HTMLTextAreaElement).value}\n`,
    );
  });

  it('offers functions with their signature and description, in both languages', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByLabelText('Formula'));
    await user.keyboard('=RO');
    const round = screen.getByRole('option', { name: /^ROUND\(/ });
    expect(round).toHaveTextContent('ROUND(number, digits)');
    expect(round).toHaveTextContent('Rounds a number to the given number of digits');
    expect(screen.getAllByRole('option').map((o) => o.textContent?.split('(')[0])).toEqual([
      'ROUND',
      'ROUNDUP',
      'ROUNDDOWN',
    ]);
    await initI18n('zh-CN').changeLanguage('zh-CN');
    expect(await screen.findByText('按指定位数四舍五入')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('Formula')).toHaveValue('=ROUND(');
  });

  it('explains the customer functions concretely', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByLabelText('Formula'));
    await user.keyboard('=RFM_M');
    expect(screen.getByRole('option', { name: /RFM_M/ })).toHaveTextContent(
      'Monetary score 1–5: quintile of total spent among customers who bought (pass the purchase count as 2nd argument to leave out customers who never bought); or 4 thresholds',
    );
    await initI18n('zh-CN').changeLanguage('zh-CN');
    expect(
      await screen.findByText(
        /金额评分 1–5：按全体已消费客户的消费金额五等分（第 2 个参数给消费次数/,
      ),
    ).toBeInTheDocument();
  });

  it('keeps an existing parenthesis when completing inside a name', async () => {
    const { user, input } = await caretInsideRo();
    await user.keyboard('U');
    await user.click(screen.getByRole('option', { name: /^ROUND\(/ }));
    expect(input).toHaveValue('=ROUND(1, 2)');
    expect(input.selectionStart).toBe(7);
  });

  it('does not offer the edited field itself', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByLabelText('Formula'));
    await user.keyboard(literal('={'));
    const names = within(screen.getByRole('listbox'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(names).toContain('ƒA');
    expect(names).not.toContain('ƒB');
  });

  it('leaves Enter to the input method while it is composing', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByLabelText('Formula');
    await user.click(input);
    await user.keyboard(literal('={消'));
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true });
    expect(input).toHaveValue('={消');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(input).toHaveValue('={消费金额}');
  });

  it('accepts a suggestion through the browser editing command, so native undo keeps it', async () => {
    // jsdom has no execCommand: this one edits the focused box as Chromium does, undo aside.
    const calls: { command: string; text: string; from: number; to: number }[] = [];
    const execCommand = vi.fn((command: string, _ui?: boolean, text = '') => {
      const el = document.activeElement as HTMLTextAreaElement;
      calls.push({ command, text, from: el.selectionStart, to: el.selectionEnd });
      el.setRangeText(text, el.selectionStart, el.selectionEnd, 'end');
      el.dispatchEvent(
        new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }),
      );
      return true;
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    try {
      const { user, input } = await caretInsideRo();
      await user.keyboard('U{Enter}');
      expect(input).toHaveValue('=ROUND(1, 2)');
      expect(input.selectionStart).toBe(7);
      await user.keyboard(`{End}${literal(' + {消')}`);
      fireEvent.keyDown(input, { key: 'Enter' });
      expect(input).toHaveValue('=ROUND(1, 2) + {消费金额}');
      expect(input.selectionStart).toBe(21);
      // Each completion replaced only the name typed so far, as one edit of the box.
      expect(calls).toEqual([
        { command: 'insertText', text: 'ROUND', from: 1, to: 4 },
        { command: 'insertText', text: '{消费金额}', from: 15, to: 17 },
      ]);
    } finally {
      Reflect.deleteProperty(document, 'execCommand');
    }
  });

  it('keeps the suggestions beside the box inside the scrolling dialog body as it scrolls', async () => {
    const user = userEvent.setup();
    render(
      <div data-testid="body" style={{ overflowY: 'auto' }}>
        <Harness />
      </div>,
    );
    const rect = (top: number, bottom: number) =>
      ({ top, bottom, left: 20, right: 580, width: 560, height: bottom - top }) as DOMRect;
    // A short window: the dialog body shows 75–435 of the viewport, its buttons are below.
    vi.spyOn(screen.getByTestId('body'), 'getBoundingClientRect').mockReturnValue(rect(75, 435));
    const input = screen.getByLabelText('Formula');
    let box = rect(232, 310);
    const frame = input.parentElement as HTMLElement;
    vi.spyOn(frame, 'getBoundingClientRect').mockImplementation(() => box);
    const scrollTo = (top: number) => {
      box = rect(top, top + 78);
      fireEvent.scroll(screen.getByTestId('body'));
    };
    /** The viewport stretch the popup may take: from its top, or up from its bottom. */
    const extent = () => {
      const { top, bottom, maxHeight } = screen.getByRole('listbox').style;
      const height = parseFloat(maxHeight);
      if (top) return [parseFloat(top), parseFloat(top) + height];
      const end = window.innerHeight - parseFloat(bottom);
      return [end - height, end];
    };
    await user.click(input);
    await user.keyboard(literal('={'));
    // Too little room below the box for the list: above it, within the body.
    const [top, bottom] = extent();
    expect(top).toBeGreaterThanOrEqual(75);
    expect(bottom).toBeLessThanOrEqual(232);
    // The body scrolls: the list follows the box, below it now.
    scrollTo(32);
    expect(extent()[0]).toBe(114);
    expect(extent()[1]).toBeLessThanOrEqual(435);
    // The box scrolled out of sight: so is the list, and Enter is the textarea's again.
    scrollTo(-200);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(input).toHaveAttribute('aria-expanded', 'false');
    scrollTo(232);
    expect(screen.getByRole('listbox')).toBeInTheDocument();
  });

  it('has a description for every catalogued function in both languages', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const bundle = catalogue[lang] as { formula: { functions: Record<string, string> } };
      for (const f of FORMULA_FUNCTIONS) {
        expect(bundle.formula.functions[f.name], `${lang} ${f.name}`).toMatch(/\S{2,}/);
      }
    }
  });
});
