/**
 * runLargeCommand (imports, restores): written in one chunked transaction before anything is
 * shown; a cancel mid-write leaves the database and the app exactly as they were.
 */
import type { Command } from '../../src/domain/changes';
import type { FieldId, TableId } from '../../src/domain/ids';
import { newRecord } from '../../src/domain/commands/recordCommands';
import { listFields } from '../../src/domain/schemaState';
import { recordStore, runLargeCommand, undo } from '../../src/state/session';
import { useAppStore } from '../../src/state/store';
import { expectStoredMatchesMemory, openEmpty, readStored, resetApp, schemaNow } from './helpers';

beforeEach(resetApp);
afterEach(resetApp);

function addRowsCommand(tableId: TableId, count: number): Command {
  const nameField = listFields(schemaNow(), tableId)[0]?.id as FieldId;
  const changes = Array.from({ length: count }, (_, i) => {
    const rec = newRecord(tableId, i, { [nameField]: `客户 ${i}` }, 1_000);
    return { kind: 'record' as const, id: rec.id, after: rec };
  });
  return { label: 'history.import', changes, at: 1_000 };
}

describe('runLargeCommand', () => {
  it(
    'writes in chunks with progress, then shows the rows and undoes them as one step',
    { timeout: 30_000 },
    async () => {
      const tableId = await openEmpty();
      const seen: number[] = [];
      const outcome = await runLargeCommand(addRowsCommand(tableId, 12_000), {
        onProgress: (written, total) => seen.push(written / total),
      });
      expect(outcome).toBe('ok');
      // Whole buckets per bulk call, at most 64 of the 1,024 (~750 records here): the write
      // reports progress many times, always forward, and the last report completes it.
      expect(seen.length).toBeGreaterThanOrEqual(12_000 / (64 * 12));
      expect(seen[0]).toBeLessThan(0.1);
      expect(seen.every((x, i) => i === 0 || x > (seen[i - 1] as number))).toBe(true);
      expect(seen.at(-1)).toBe(1);
      expect(recordStore(tableId).all()).toHaveLength(12_000);
      expect(recordStore(tableId).all()[11_999]?.values).toEqual(
        expect.objectContaining({
          [listFields(schemaNow(), tableId)[0]?.id as string]: '客户 11999',
        }),
      );
      expect(useAppStore.getState().history.undo).toHaveLength(1);
      await expectStoredMatchesMemory();
      await undo();
      expect(recordStore(tableId).all()).toHaveLength(0);
      await expectStoredMatchesMemory();
      expect((await readStored()).total).toBe(0);
    },
  );

  it(
    'cancelled midway: nothing stored, nothing shown, no undo step',
    { timeout: 30_000 },
    async () => {
      const tableId = await openEmpty();
      const controller = new AbortController();
      const outcome = await runLargeCommand(addRowsCommand(tableId, 12_000), {
        signal: controller.signal,
        onProgress: (written) => {
          if (written >= 5_000) controller.abort();
        },
      });
      expect(outcome).toBe('cancelled');
      expect(recordStore(tableId).all()).toHaveLength(0);
      expect(useAppStore.getState().history.undo).toHaveLength(0);
      expect((await readStored()).total).toBe(0);
      await expectStoredMatchesMemory();
    },
  );
});
