/**
 * What a spreadsheet's number formats say about a column: Excel keeps 25% as the number 0.25
 * and ¥1,200.50 as 1200.5, so only the cell format tells a percent or money column apart.
 */
import type { WorkSheet } from '@e965/xlsx';
import type { NumberFormatHint } from '../../domain/import/infer';

const CURRENCY = /[¥￥$€£]|元/;

/** Digits after the decimal point in the format's first section ("#,##0.00" → 2). */
function formatDecimals(z: string): number {
  const section = z.split(';')[0] ?? '';
  const m = /\.(0+)/.exec(section.replace(/"[^"]*"|\[[^\]]*\]/g, ''));
  return m ? (m[1]?.length ?? 0) : 0;
}

function currencySymbol(z: string): string {
  const m = CURRENCY.exec(z.normalize('NFKC'));
  if (!m || m[0] === '元' || m[0] === '¥') return '¥';
  return m[0];
}

export function readFormatHint(z: string): NumberFormatHint | undefined {
  if (z.includes('%')) return { kind: 'percent', decimals: formatDecimals(z) };
  if (CURRENCY.test(z))
    return { kind: 'currency', symbol: currencySymbol(z), decimals: formatDecimals(z) };
  return undefined;
}

interface Tally {
  numbers: number;
  hinted: number;
  hint: NumberFormatHint | undefined;
}

/** Per column (from `firstColumn`), the format most of its number cells share, if telling. */
export function columnFormatHints(
  ws: WorkSheet,
  firstColumn: number,
): (NumberFormatHint | undefined)[] {
  const data = ws['!data'] ?? [];
  const tallies: Tally[] = [];
  for (const row of data) {
    if (!row) continue;
    for (let c = firstColumn; c < row.length; c++) {
      const cell = row[c];
      if (!cell || cell.t !== 'n') continue;
      const t = (tallies[c - firstColumn] ??= { numbers: 0, hinted: 0, hint: undefined });
      t.numbers++;
      const hint = typeof cell.z === 'string' ? readFormatHint(cell.z) : undefined;
      if (hint && (!t.hint || t.hint.kind === hint.kind)) {
        t.hint ??= hint;
        t.hinted++;
      }
    }
  }
  return Array.from(tallies, (t) => (t && t.hinted * 2 > t.numbers ? t.hint : undefined));
}
