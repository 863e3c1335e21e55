/**
 * Cell renderers as plain DOM (cheaper than React per cell while scrolling 100k rows).
 * Every user value is set with textContent, never as HTML.
 */
import type { CellValue, Field } from '../../domain/model';
import { isInvalidValue } from '../../domain/model';
import { OPTION_COLOR_STYLES } from '../components/optionColors';

function chip(name: string, field: Field): HTMLElement {
  const el = document.createElement('span');
  el.className = 'chip';
  const choice = field.options.choices?.find((c) => c.name === name);
  const colors = OPTION_COLOR_STYLES[choice?.color ?? 'gray'];
  el.style.background = colors.bg;
  el.style.color = colors.fg;
  el.textContent = name;
  return el;
}

function text(value: string, className = 'cell-text'): HTMLElement {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = value;
  return el;
}

export function renderSelect(value: CellValue | undefined, field: Field): HTMLElement | string {
  if (value === null || value === undefined || value === '') return '';
  if (isInvalidValue(value)) return text(value.invalid);
  const names = Array.isArray(value) ? value : [String(value)];
  const box = document.createElement('div');
  box.className = 'chips';
  for (const n of names) box.appendChild(chip(n, field));
  return box;
}

export function renderCheckbox(value: CellValue | undefined): HTMLElement {
  if (isInvalidValue(value)) return text(value.invalid);
  const el = document.createElement('span');
  el.className = value === true ? 'cell-checkbox checked' : 'cell-checkbox';
  el.setAttribute('role', 'checkbox');
  el.setAttribute('aria-checked', value === true ? 'true' : 'false');
  el.textContent = value === true ? '✓' : '';
  return el;
}

export function renderRating(value: CellValue | undefined, field: Field): HTMLElement {
  if (isInvalidValue(value)) return text(value.invalid);
  const max = field.options.max ?? 5;
  const n = typeof value === 'number' ? value : 0;
  const el = document.createElement('span');
  el.className = 'cell-rating';
  el.setAttribute('aria-label', `${n}/${max}`);
  for (let i = 1; i <= max; i++) {
    const star = document.createElement('span');
    star.className = i <= n ? 'star on' : 'star';
    star.dataset.star = String(i);
    star.textContent = '★';
    el.appendChild(star);
  }
  return el;
}

/** Phone, email and URL show as links; a single click selects the cell, Ctrl/⌘-click opens. */
export function renderLink(
  value: CellValue | undefined,
  field: Field,
  display: string,
): HTMLElement | string {
  if (value === null || value === undefined || value === '') return '';
  if (isInvalidValue(value)) return text(value.invalid);
  const raw = String(value);
  const a = document.createElement('a');
  a.className = 'cell-link';
  a.textContent = display;
  a.title = display;
  if (field.type === 'email') a.href = `mailto:${raw}`;
  else if (field.type === 'phone') a.href = `tel:${raw.replace(/[^\d+]/g, '')}`;
  else a.href = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
  a.rel = 'noopener noreferrer';
  a.target = '_blank';
  a.addEventListener('click', (e) => {
    if (!(e.ctrlKey || e.metaKey)) e.preventDefault();
  });
  return a;
}

type RenderFn<P> = (params: P) => HTMLElement | string;

/**
 * Wraps a DOM-producing function as an AG Grid component class (the React wrapper would
 * otherwise treat a plain function as a React component).
 */
export function domRenderer<P>(render: RenderFn<P>) {
  return class DomCellRenderer {
    private el: HTMLElement = document.createElement('span');
    init(params: P): void {
      this.fill(params);
    }
    getGui(): HTMLElement {
      return this.el;
    }
    refresh(params: P): boolean {
      this.fill(params);
      return true;
    }
    private fill(params: P): void {
      const out = render(params);
      this.el.className = 'cell-wrap';
      this.el.replaceChildren(typeof out === 'string' ? document.createTextNode(out) : out);
    }
  };
}
