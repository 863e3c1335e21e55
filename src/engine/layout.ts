/**
 * Row blocks of a formula column: each block is one array formula over a fixed range of rows
 * (0–999, 1000–1999, …), so inserts and removals only change the tail.
 */

export interface Block {
  start: number;
  len: number;
}

/** Rows [start, start+count) cut into blocks of `size` rows. */
export function chunkBlocks(start: number, count: number, size: number): Block[] {
  const blocks: Block[] = [];
  for (let s = start; s < start + count; s += size) {
    blocks.push({ start: s, len: Math.min(size, start + count - s) });
  }
  return blocks;
}

/** Removed rows (any order, duplicates allowed) → descending [start, amount] spans. */
export function toSpans(rows: readonly number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const spans: [number, number][] = [];
  for (const r of sorted) {
    const last = spans[spans.length - 1];
    if (last && last[0] + last[1] === r) last[1] += 1;
    else spans.push([r, 1]);
  }
  return spans.reverse();
}
