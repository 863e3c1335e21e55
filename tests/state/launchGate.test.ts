import { addRecord } from '../../src/state/actions';
import { gridIsUp, holdReadsUntilGridUp, readsMayStart } from '../../src/state/launchGate';
import { closeSession, ensureRecords, flushWrites, recordStore } from '../../src/state/session';
import { useAppStore } from '../../src/state/store';
import { openWorkspace } from '../../src/state/workspace';
import { openEmpty, resetApp } from './helpers';

beforeEach(resetApp);
afterEach(() => {
  gridIsUp();
  resetApp();
});

/** Whether `promise` has settled after a few turns of the event loop. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  return done;
}

describe('launch gate', () => {
  it('lets reads start at once when nothing holds them', async () => {
    expect(await settled(readsMayStart())).toBe(true);
  });

  it('holds reads until a grid is up, then lets every later read start at once', async () => {
    holdReadsUntilGridUp();
    const held = readsMayStart();
    expect(await settled(held)).toBe(false);
    gridIsUp();
    expect(await settled(held)).toBe(true);
    expect(await settled(readsMayStart())).toBe(true);
  });

  it('opens by itself when no grid comes in time', async () => {
    holdReadsUntilGridUp(30);
    const held = readsMayStart();
    expect(await settled(held)).toBe(false);
    await new Promise((r) => setTimeout(r, 40));
    expect(await settled(held)).toBe(true);
  });

  it("holds a reopened workspace's table read until the grid is up, then loads every row", async () => {
    const tableId = await openEmpty();
    await addRecord(tableId);
    await addRecord(tableId);
    await flushWrites();
    const workspaceId = useAppStore.getState().workspaceId;
    if (!workspaceId) throw new Error('no workspace');
    closeSession();

    holdReadsUntilGridUp();
    expect(await openWorkspace(workspaceId)).toBe(true);
    const loading = ensureRecords(tableId);
    expect(await settled(loading)).toBe(false);
    expect(useAppStore.getState().loaded[tableId]).not.toBe(true);
    expect(recordStore(tableId).size).toBe(0);

    gridIsUp();
    await loading;
    expect(useAppStore.getState().loaded[tableId]).toBe(true);
    expect(recordStore(tableId).size).toBe(2);
  });
});
