import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptImeTyping, isTypedText } from '../../../src/ui/grid/imeTyping';

function gridWithCell(value: string, editable = true) {
  const root = document.createElement('div');
  const cell = document.createElement('div');
  cell.className = 'ag-cell';
  cell.tabIndex = -1;
  const shown = document.createElement('span');
  shown.textContent = value;
  cell.append(shown);
  root.append(cell);
  document.body.append(root);
  const startEditing = vi.fn();
  const stop = acceptImeTyping(root, { canType: () => editable, startEditing });
  return { root, cell, shown, startEditing, stop };
}

const compose = (cell: HTMLElement, type: string, data = '') =>
  cell.dispatchEvent(new CompositionEvent(type, { data, bubbles: true }));

afterEach(() => document.body.replaceChildren());

describe('acceptImeTyping', () => {
  it('makes the focused cell take a composition, then opens its editor with the text', () => {
    const { cell, shown, startEditing } = gridWithCell('赵欣');
    cell.focus();
    expect(cell.getAttribute('contenteditable')).toBe('true');
    compose(cell, 'compositionstart');
    // The value is set aside while the composition shows in its place.
    expect(shown.isConnected && shown.closest('[hidden]')).toBeTruthy();
    cell.querySelector('.ime-slot')?.append('zhang');
    compose(cell, 'compositionend', '张三');
    expect(startEditing).toHaveBeenCalledWith(cell, '张三');
    expect([...cell.childNodes]).toEqual([shown]);
    cell.blur();
    expect(cell.hasAttribute('contenteditable')).toBe(false);
  });

  it('cancels every other change the browser would make to the cell', () => {
    const { cell } = gridWithCell('赵欣');
    cell.focus();
    for (const inputType of ['insertText', 'insertFromPaste', 'deleteContentBackward']) {
      const e = new InputEvent('beforeinput', { inputType, bubbles: true, cancelable: true });
      cell.dispatchEvent(e);
      expect(e.defaultPrevented).toBe(true);
    }
  });

  it('leaves cells the user cannot edit, and an empty composition, alone', () => {
    const readOnly = gridWithCell('重要价值客户', false);
    readOnly.cell.focus();
    expect(readOnly.cell.hasAttribute('contenteditable')).toBe(false);
    readOnly.stop();
    const { cell, shown, startEditing } = gridWithCell('赵欣');
    cell.focus();
    compose(cell, 'compositionstart');
    compose(cell, 'compositionend', '');
    expect(startEditing).not.toHaveBeenCalled();
    expect([...cell.childNodes]).toEqual([shown]);
  });

  it('puts the value back when the focus leaves in the middle of a composition', () => {
    const { cell, shown, stop } = gridWithCell('赵欣');
    cell.focus();
    compose(cell, 'compositionstart');
    stop();
    expect([...cell.childNodes]).toEqual([shown]);
    expect(cell.hasAttribute('contenteditable')).toBe(false);
  });
});

describe('isTypedText', () => {
  it('tells typed text from the names of keys', () => {
    expect(['a', '7', ' ', '张', '张三', 'é'].every(isTypedText)).toBe(true);
    expect(['F2', 'Enter', 'Backspace', 'Delete', '', null, undefined].some(isTypedText)).toBe(
      false,
    );
  });
});
