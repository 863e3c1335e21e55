import { beforeEach, describe, expect, it } from 'vitest';
import type { RecordId, TableId, WorkspaceId } from '../../src/domain/ids';
import type { TableRecord } from '../../src/domain/model';
import { readFirstScreen, saveFirstScreen } from '../../src/state/firstScreen';

const ws = 'wsp_a' as WorkspaceId;
const table = 'tbl_a' as TableId;
const rec = (i: number): TableRecord => ({
  id: `rec_${i}` as RecordId,
  tableId: table,
  order: i,
  values: {},
  createdAt: 0,
  modifiedAt: 0,
});

beforeEach(() => localStorage.clear());

describe('first-screen snapshot', () => {
  it('keeps at most 40 rows of one table per workspace', () => {
    saveFirstScreen(
      ws,
      table,
      Array.from({ length: 100 }, (_, i) => rec(i)),
    );
    const back = readFirstScreen(ws, table);
    expect(back).toHaveLength(40);
    expect(back?.[0]?.id).toBe('rec_0');
    expect(readFirstScreen(ws, 'tbl_other' as TableId)).toBeNull();
    expect(readFirstScreen('wsp_other' as WorkspaceId, table)).toBeNull();
  });

  it('ignores damaged snapshots', () => {
    localStorage.setItem(`regulars.first.${ws}`, '{not json');
    expect(readFirstScreen(ws, table)).toBeNull();
    localStorage.setItem(
      `regulars.first.${ws}`,
      JSON.stringify({ tableId: table, records: [null, { id: 3 }, rec(1)] }),
    );
    expect(readFirstScreen(ws, table)?.map((r) => r.id)).toEqual(['rec_1']);
  });
});
