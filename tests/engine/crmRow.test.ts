// @vitest-environment node
/**
 * The customer functions' row bodies count days from date serials; they must give what the
 * crm-model functions give on the dates those serials (or texts) name, row for row.
 */
import { CellError, EmptyValue } from 'hyperformula';
import { churnRiskRow, daysSinceRow, lifecycleRow } from '../../src/engine/crmRow';
import type { RowContext } from '../../src/engine/crmRow';
import {
  churnRisk,
  churnRiskLabel,
  daysSince,
  lifecycleLabel,
  lifecycleStage,
} from '../../src/domain/crm';
import { isoDayNumber, isoFromSerialDay, SERIAL_EPOCH_DAY } from '../../src/domain/dates';

const AS_OF = '2025-03-01';
const ctx: RowContext = {
  asOf: AS_OF,
  asOfSerial: (isoDayNumber(AS_OF) as number) + SERIAL_EPOCH_DAY,
  language: 'zh-CN',
};

/** What a cell's value names as a date, the way the crm-model functions take it. */
function isoOf(v: unknown): string | null {
  if (typeof v === 'number') return isoFromSerialDay(v);
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}
const shown = (v: string | number | null) => (v === null ? EmptyValue : v);

function randomValue(rnd: () => number): unknown {
  const pick = Math.floor(rnd() * 10);
  const serial = 45_000 + Math.floor(rnd() * 1_000) - 500;
  switch (pick) {
    case 0:
      return null;
    case 1:
      return serial + rnd(); // a date-time
    case 2:
      return isoFromSerialDay(serial);
    case 3:
      return [-693_594, -693_593, 2_958_465, 2_958_466, 1e12, -1e12][Math.floor(rnd() * 6)];
    case 4:
      return ['2025-02-30', '2025-1-5', 'abc', '', '0000-01-01', '9999-12-31'][
        Math.floor(rnd() * 6)
      ];
    case 5:
      return [NaN, Infinity, true][Math.floor(rnd() * 3)];
    default:
      return serial;
  }
}

describe('customer functions over date serials', () => {
  it('DAYS_SINCE, LIFECYCLE_STAGE and CHURN_RISK match crm-model on the dates named', () => {
    let s = 7;
    const rnd = (): number => (s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32;
    for (let i = 0; i < 20_000; i++) {
      const [first, last] = [randomValue(rnd), randomValue(rnd)];
      const count = [null, 0, 1, 2, 3, 7, 2.5][Math.floor(rnd() * 7)] ?? null;
      expect(daysSinceRow(ctx, last)).toEqual(shown(daysSince(isoOf(last), AS_OF)));
      const stage = lifecycleStage(isoOf(last), count, AS_OF, 30, 90, 180);
      expect(lifecycleRow(ctx, last, count, 30, 90, 180)).toEqual(
        shown(stage && lifecycleLabel(stage, 'zh-CN')),
      );
      const risk = churnRisk(isoOf(first), isoOf(last), count, AS_OF);
      expect(churnRiskRow(ctx, first, last, count)).toEqual(
        shown(risk && churnRiskLabel(risk, 'zh-CN')),
      );
    }
  });

  it('hand-worked: a date-time counts its day; a day past 9999 or before year 1 is no date', () => {
    const serial = ctx.asOfSerial - 45;
    expect(daysSinceRow(ctx, serial + 0.75)).toBe(45);
    expect(daysSinceRow(ctx, '2025-01-15')).toBe(45);
    expect(daysSinceRow(ctx, 2_958_466)).toBe(EmptyValue);
    expect(daysSinceRow(ctx, -693_594)).toBe(EmptyValue);
    expect(lifecycleRow(ctx, serial, 3, 30, 90, 180)).toBe('沉默期');
    expect(daysSinceRow(ctx, new CellError('DIV_BY_ZERO' as never))).toBeInstanceOf(CellError);
  });
});
