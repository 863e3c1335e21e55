/**
 * Whether a key event's target is a place where the user types text, which keeps its own
 * keys (undo, paste). A grid cell made editable only to take input-method text is not one.
 */
import { TYPING_CLASS } from './grid/imeTyping';

export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.classList.contains(TYPING_CLASS)) return false;
  return (
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT' ||
    target.isContentEditable
  );
}
