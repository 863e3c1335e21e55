/**
 * Whether a key event's target is a place where the user types text, which keeps its own
 * keys (undo, paste). A grid cell, editable only to take input-method text
 * (grid/imeTyping.ts), is not one.
 */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.classList.contains('ag-cell')) return false;
  return (
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT' ||
    target.isContentEditable
  );
}
