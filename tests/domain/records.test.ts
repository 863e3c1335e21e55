import type { RecordId, TableId } from '../../src/domain/ids';
import type { TableRecord } from '../../src/domain/model';
import { createSlicePause } from '../../src/domain/pause';
import { compareRecordOrder, inTableOrder, inTableOrderSliced } from '../../src/domain/records';

const T = 'tbl_t' as TableId;

function rec(id: string, order: number): TableRecord {
  return { id: id as RecordId, tableId: T, order, values: {}, createdAt: 0, modifiedAt: 0 };
}

/** A deterministic shuffle (LCG), so failures reproduce. */
function shuffled<T>(items: T[], seed = 7): T[] {
  let s = seed;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const ids = (records: readonly TableRecord[]) => records.map((r) => r.id);
const sortedIds = (records: readonly TableRecord[]) => ids([...records].sort(compareRecordOrder));

function countingPause(): { pause: () => Promise<void>; calls: () => number } {
  let calls = 0;
  return { pause: () => Promise.resolve(void calls++), calls: () => calls };
}

const cases: [string, (n: number) => number][] = [
  ['a permutation of 0..n-1', (i) => i],
  ['integers with gaps', (i) => i * 2 + (i % 3)],
  ['integers with ties', (i) => Math.floor(i / 3)],
  ['fractions', (i) => i / 8 - 100],
  ['a span too wide to place', (i) => (i === 0 ? 1e9 : i)],
];

describe('inTableOrderSliced', () => {
  for (const [name, orderOf] of cases) {
    it(`orders ${name} like inTableOrder, pausing as it goes`, async () => {
      const n = 30_000;
      const records = shuffled(
        Array.from({ length: n }, (_, i) => rec(`rec_${i % 977}_${i}`, orderOf(i))),
      );
      const expected = sortedIds(records);
      const { pause, calls } = countingPause();
      const sliced = await inTableOrderSliced([...records], pause);
      expect(ids(sliced)).toEqual(expected);
      expect(ids(inTableOrder([...records]))).toEqual(expected);
      expect(calls()).toBeGreaterThanOrEqual(3);
    });
  }

  it('returns an already ordered array itself, after checking it in slices', async () => {
    const records = Array.from({ length: 20_000 }, (_, i) => rec(`rec_${i}`, i));
    const { pause, calls } = countingPause();
    expect(await inTableOrderSliced(records, pause)).toBe(records);
    expect(calls()).toBeGreaterThanOrEqual(2);
  });

  it('handles sizes around the sort runs and the trivial ones', async () => {
    for (const n of [0, 1, 2, 8191, 8192, 8193, 16_385, 40_000]) {
      const records = shuffled(
        Array.from({ length: n }, (_, i) => rec(`rec_${i}`, i / 3)),
        n,
      );
      const { pause } = countingPause();
      expect(ids(await inTableOrderSliced(records, pause))).toEqual(sortedIds(records));
    }
  });

  it('breaks ties on order by id', async () => {
    const records = shuffled(['c', 'a', 'e', 'b', 'd'].map((id) => rec(id, 1.5)));
    expect(ids(await inTableOrderSliced(records, countingPause().pause))).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
    ]);
  });
});

describe('createSlicePause', () => {
  afterEach(() => vi.restoreAllMocks());

  it('only yields once the budget is used, then starts a new slice', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const pause = createSlicePause(10);
    let timerRan = false;
    setTimeout(() => void (timerRan = true), 0);
    now = 5;
    await pause();
    expect(timerRan).toBe(false);
    now = 12;
    await pause();
    await new Promise((r) => setTimeout(r, 0));
    expect(timerRan).toBe(true);
    timerRan = false;
    setTimeout(() => void (timerRan = true), 0);
    now = 20;
    await pause();
    expect(timerRan).toBe(false);
  });
});
