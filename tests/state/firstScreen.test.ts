import { beforeEach, describe, expect, it } from 'vitest';
import type { RecordId, TableId, WorkspaceId } from '../../src/domain/ids';
import type { TableRecord } from '../../src/domain/model';
import type { FieldId } from '../../src/domain/ids';
import {
  readFirstScreen,
  readFirstScreenFormulas,
  saveFirstScreen,
} from '../../src/state/firstScreen';
import { formulaValue } from '../../src/state/formulas';
import { initialState, useAppStore } from '../../src/state/store';

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

  it("keeps the rows' formula results, shown until the engine has its own", () => {
    const segment = 'fld_seg' as FieldId;
    const results = {
      rec_1: { [segment]: '重要价值' },
      rec_2: { [segment]: { error: 'DIV_BY_ZERO' } },
    };
    saveFirstScreen(ws, table, [rec(1), rec(2)], results as never);
    expect(readFirstScreenFormulas(ws, table)).toEqual(results);
    expect(readFirstScreenFormulas(ws, 'tbl_other' as TableId)).toEqual({});
    useAppStore.setState({ ...initialState, workspaceId: ws }, true);
    // No engine has been built for the table in this test: the snapshot answers.
    expect(formulaValue(table, segment, 'rec_1' as RecordId)).toBe('重要价值');
    expect(formulaValue(table, segment, 'rec_2' as RecordId)).toEqual({ error: 'DIV_BY_ZERO' });
    expect(formulaValue(table, segment, 'rec_3' as RecordId)).toBeUndefined();
    useAppStore.setState(initialState, true);
  });
});
