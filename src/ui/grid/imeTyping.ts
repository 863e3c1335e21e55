/**
 * Typing with an input method (pinyin, wubi, zhuyin…) straight into a selected cell, as in
 * Excel. An input method composes only into editable content, and the grid focuses plain cell
 * elements, so what was composed into a selected cell was lost (or its first letter went to the
 * grid alone). While a cell the user may edit has the focus, it is made editable: a composition
 * shows in the cell, over its value, and when it ends the cell's editor opens with the composed
 * text. Every other change the browser would make to the cell itself (a typed key, paste, drop,
 * delete, its own undo) is cancelled, so the grid's keys work as before.
 */

export interface ImeTypingOptions {
  /** Whether the user may type into `cell` (a focused `.ag-cell`). */
  canType(cell: HTMLElement): boolean;
  /** Opens the cell's editor with `text` typed in. */
  startEditing(cell: HTMLElement, text: string): void;
}

/** Class of the cell while a composition runs (CSS shows the caret then). */
const COMPOSING_CLASS = 'ime-composing';
const SLOT_CLASS = 'ime-slot';

/** A zero-width space: text in the slot, so the browser composes inside it and not beside it. */
const HOLDER = '\u200b';

/** Listens on the grid's element; returns the function that stops it. */
export function acceptImeTyping(root: HTMLElement, options: ImeTypingOptions): () => void {
  root.spellcheck = false;
  let cell: HTMLElement | null = null;
  /** The cell's own content, set aside while a composition shows in its place. */
  let setAside: HTMLElement | null = null;

  const release = (): void => {
    if (!cell) return;
    cell.removeAttribute('contenteditable');
    cell.classList.remove(COMPOSING_CLASS);
    if (setAside) cell.replaceChildren(...setAside.childNodes);
    setAside = null;
    cell = null;
  };

  const onFocusIn = (e: FocusEvent): void => {
    const target = e.target;
    if (target === cell) return;
    release();
    if (!(target instanceof HTMLElement) || !target.classList.contains('ag-cell')) return;
    if (target.classList.contains('ag-cell-inline-editing') || !options.canType(target)) return;
    // One attribute per focus change (the grid's element turns spell checking off for all).
    cell = target;
    cell.setAttribute('contenteditable', 'true');
  };

  const onFocusOut = (e: FocusEvent): void => {
    if (e.target === cell) release();
  };

  const onBeforeInput = (e: InputEvent): void => {
    if (cell && e.target === cell && e.inputType !== 'insertCompositionText') e.preventDefault();
  };

  const onCompositionStart = (e: CompositionEvent): void => {
    if (!cell || e.target !== cell) return;
    // The composed text goes into a slot of its own, in place of the value (kept aside).
    setAside = document.createElement('span');
    setAside.hidden = true;
    setAside.append(...cell.childNodes);
    const slot = document.createElement('span');
    slot.className = SLOT_CLASS;
    slot.textContent = HOLDER;
    cell.append(setAside, slot);
    const text = slot.firstChild as Text;
    document.getSelection()?.setBaseAndExtent(text, 1, text, 1);
    cell.classList.add(COMPOSING_CLASS);
  };

  const onCompositionEnd = (e: CompositionEvent): void => {
    if (!cell || e.target !== cell) return;
    const target = cell;
    const text = e.data.split(HOLDER).join('');
    target.classList.remove(COMPOSING_CLASS);
    target.replaceChildren(...(setAside?.childNodes ?? []));
    setAside = null;
    if (text) options.startEditing(target, text);
  };

  const listeners: [string, (e: never) => void][] = [
    ['focusin', onFocusIn],
    ['focusout', onFocusOut],
    ['beforeinput', onBeforeInput],
    ['compositionstart', onCompositionStart],
    ['compositionend', onCompositionEnd],
  ];
  for (const [type, fn] of listeners) root.addEventListener(type, fn as EventListener);
  return () => {
    for (const [type, fn] of listeners) root.removeEventListener(type, fn as EventListener);
    release();
  };
}

/** Whether a key the grid passed to an editor is text the user typed (not "F2", "Enter"…). */
export function isTypedText(key: string | null | undefined): key is string {
  if (!key) return false;
  // Named keys are printable ASCII words; a typed character is one, composed text is not ASCII.
  return key.length === 1 || /[^\x20-\x7e]/.test(key);
}
