/**
 * Numbers as shop owners type them (¥1,234.50, 1，234元, ２５%, 1.5万) and as the grid shows them.
 * Parsing is strict about grouping so that "1,2,3" is never silently read as 123.
 */

export interface ParsedNumber {
  value: number;
  /** The text ended in %: the caller decides what that means (number: /100). */
  percent: boolean;
}

const CURRENCY_PREFIX = /^(?:rmb|cny|usd|eur|[¥$€£])\s*/i;
const SUFFIX = /\s*(元|块|rmb|cny|%)$/i;
const MULTIPLIER = /\s*(万|亿)$/;
const CORE = /^(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?(?:e[+-]?\d+)?$/i;

/** Full-width digits and signs (１２３，％￥) become ASCII; other text is untouched. */
export function normaliseWidth(text: string): string {
  // Plain ASCII is already normal (NFKC costs ~2 µs a value: imports call this per cell).
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  return text.normalize('NFKC').replace(/\u2212/g, '-');
}

function takeSign(s: string): { negative: boolean; rest: string } | null {
  const first = s[0];
  if (first === '-' || first === '+') return { negative: first === '-', rest: s.slice(1).trim() };
  return null;
}

/** Digits between spaces ("1 234 567") are a thousands grouping; turn them into commas. */
function normaliseGroupSpaces(core: string): string {
  return /^\d{1,3}(?: \d{3})+(?:\.\d*)?$/.test(core) ? core.replace(/ /g, ',') : core;
}

function readCore(core: string): number | null {
  const s = normaliseGroupSpaces(core);
  if (!/\d/.test(s) || !CORE.test(s)) return null;
  const value = Number(s.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

/** Reads a typed number; null when the text is not one number. */
export function parseNumberText(text: string): ParsedNumber | null {
  let s = normaliseWidth(text).trim();
  let sign = takeSign(s);
  if (sign) s = sign.rest;
  s = s.replace(CURRENCY_PREFIX, '');
  if (!sign) {
    sign = takeSign(s);
    if (sign) s = sign.rest;
  }
  let percent = false;
  const suffix = SUFFIX.exec(s);
  if (suffix) {
    percent = suffix[1] === '%';
    s = s.slice(0, suffix.index);
  }
  let factor = 1;
  const mult = MULTIPLIER.exec(s);
  if (mult) {
    factor = mult[1] === '万' ? 1e4 : 1e8;
    s = s.slice(0, mult.index);
  }
  const value = readCore(s.trim());
  if (value === null) return null;
  const scaled = roundNoise(value * factor);
  return { value: sign?.negative ? -scaled : scaled, percent };
}

/** Removes binary floating-point noise (0.1 + 0.2, 33.3 / 100) at 15 significant digits. */
export function roundNoise(n: number): number {
  return Number.isFinite(n) && n !== 0 ? Number(n.toPrecision(15)) : n;
}

/** Plain text a parser reads back exactly (no grouping, no symbol). */
export function toPlainNumberText(n: number): string {
  return String(roundNoise(n));
}

export function groupThousands(s: string): string {
  if (/e/i.test(s)) return s;
  const match = /^(-?)(\d+)(.*)$/.exec(s);
  if (!match) return s;
  const [, sign = '', int = '', rest = ''] = match;
  return sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + rest;
}

/** Up to 10 significant digits, but never dropping digits of the integer part. */
function trimSignificant(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const intDigits = Math.max(1, Math.floor(Math.log10(Math.abs(n))) + 1);
  const precision = Math.min(21, Math.max(10, intDigits));
  return String(Number(n.toPrecision(precision)));
}

export function clampDecimals(decimals: number): number {
  return Math.min(10, Math.max(0, Math.round(decimals)));
}

export interface NumberFormat {
  /** Fixed digits after the point; undefined shows what the value needs. */
  decimals?: number | undefined;
  thousands?: boolean | undefined;
}

export function formatNumber(n: number, format: NumberFormat = {}): string {
  if (!Number.isFinite(n)) return String(n);
  const s =
    format.decimals === undefined ? trimSignificant(n) : n.toFixed(clampDecimals(format.decimals));
  const unsigned = s === '-0' || /^-0\.0*$/.test(s) ? s.slice(1) : s;
  return format.thousands ? groupThousands(unsigned) : unsigned;
}
