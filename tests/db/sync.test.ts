import { BroadcastChannel as NodeBroadcastChannel } from 'node:worker_threads';
import type { Change } from '../../src/domain/changes';
import type { FieldId, RecordId, TableId } from '../../src/domain/ids';
import { applyChanges } from '../../src/db/applyChanges';
import { WorkspaceDb } from '../../src/db/schema';
import {
  createSyncChannel,
  readSyncedRecords,
  summarizeChanges,
  type ChannelFactory,
  type ChannelLike,
  type SyncChannel,
  type SyncMessage,
} from '../../src/db/sync';
import { F_NAME, makeField, makeRecord, nextWorkspaceId, openFreshDb, T1, T2 } from './helpers';

/** Node's BroadcastChannel, in case the test environment hides the global one. */
const nodeChannels: ChannelFactory = (name) =>
  new NodeBroadcastChannel(name) as unknown as ChannelLike;

const open: SyncChannel[] = [];
function channel(workspaceId: ReturnType<typeof nextWorkspaceId>, tabId: string): SyncChannel {
  const c = createSyncChannel(workspaceId, tabId, nodeChannels);
  open.push(c);
  return c;
}
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

function collect(c: SyncChannel): SyncMessage[] {
  const got: SyncMessage[] = [];
  c.subscribe((m) => got.push(m));
  return got;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const cellChange = (recordId: string, value: string): Change => ({
  kind: 'cell',
  tableId: T1,
  recordId: recordId as RecordId,
  fieldId: F_NAME,
  before: null,
  after: value,
});

describe('summarizeChanges', () => {
  it('groups record ids per table and flags schema changes', () => {
    const r1 = makeRecord('rec_1', T1, 0);
    const r9 = makeRecord('rec_9', T2, 0);
    const msg = summarizeChanges('tab-a', [
      cellChange('rec_2', 'x'),
      { kind: 'record', id: r1.id, after: r1 },
      { kind: 'record', id: r9.id, before: r9 },
      { kind: 'record', id: r1.id, before: r1 }, // created then deleted: deleted wins
      cellChange('rec_2', 'y'),
    ]);
    expect(msg).toEqual({
      origin: 'tab-a',
      schema: false,
      records: [
        { tableId: T1, upserted: ['rec_2'], deleted: ['rec_1'] },
        { tableId: T2, upserted: [], deleted: ['rec_9'] },
      ],
    });
  });

  it('marks schema for table, field, view and meta changes', () => {
    const field = makeField('fld_x' as FieldId, T1);
    expect(summarizeChanges('t', [{ kind: 'field', id: field.id, after: field }]).schema).toBe(
      true,
    );
    expect(summarizeChanges('t', [cellChange('rec_1', 'v')]).schema).toBe(false);
  });
});

describe('createSyncChannel', () => {
  it('delivers to other tabs of the same workspace, never back to the sender', async () => {
    const ws = nextWorkspaceId();
    const tabA = channel(ws, 'A');
    const tabB = channel(ws, 'B');
    const secondA = channel(ws, 'A'); // another instance in tab A
    const otherWorkspace = channel(nextWorkspaceId(), 'C');
    const [gotA, gotB, gotSecondA, gotOther] = [tabA, tabB, secondA, otherWorkspace].map(collect);

    tabA.publish([cellChange('rec_1', '新值')]);
    await settle();
    expect(gotB).toEqual([
      { origin: 'A', schema: false, records: [{ tableId: T1, upserted: ['rec_1'], deleted: [] }] },
    ]);
    expect(gotA).toEqual([]);
    expect(gotSecondA).toEqual([]);
    expect(gotOther).toEqual([]);
  });

  it('tells the other tabs when the whole workspace was replaced (a backup restored over it)', async () => {
    const ws = nextWorkspaceId();
    const tabA = channel(ws, 'A');
    const tabB = channel(ws, 'B');
    const [gotA, gotB] = [tabA, tabB].map(collect);
    tabA.publishReplaced();
    await settle();
    expect(gotB).toEqual([{ origin: 'A', schema: true, records: [], replaced: true }]);
    expect(gotA).toEqual([]);
  });

  it('posts nothing for an empty command, and nothing after unsubscribe or close', async () => {
    const ws = nextWorkspaceId();
    const tabA = channel(ws, 'A');
    const tabB = channel(ws, 'B');
    const got: SyncMessage[] = [];
    const unsubscribe = tabB.subscribe((m) => got.push(m));
    tabA.publish([]);
    await settle();
    expect(got).toEqual([]);
    unsubscribe();
    tabA.publish([cellChange('rec_1', 'x')]);
    await settle();
    expect(got).toEqual([]);
    tabB.subscribe((m) => got.push(m));
    tabB.close();
    tabA.publish([cellChange('rec_1', 'y')]);
    await settle();
    expect(got).toEqual([]);
  });

  it('ignores malformed messages on the channel', async () => {
    const ws = nextWorkspaceId();
    const tabB = channel(ws, 'B');
    const got = collect(tabB);
    const raw = new NodeBroadcastChannel(`regulars-${ws}`);
    raw.postMessage({ origin: 'A', schema: 'yes', records: [] });
    raw.postMessage('hello');
    await settle();
    raw.close();
    expect(got).toEqual([]);
  });

  it('uses the global BroadcastChannel by default', async () => {
    expect(typeof globalThis.BroadcastChannel).toBe('function');
    const ws = nextWorkspaceId();
    const tabA = createSyncChannel(ws, 'A');
    const tabB = createSyncChannel(ws, 'B');
    open.push(tabA, tabB);
    const got = collect(tabB);
    tabA.publish([cellChange('rec_1', 'x')]);
    await settle();
    expect(got).toHaveLength(1);
  });
});

describe('end to end: write in tab A, re-read in tab B', () => {
  it('tab B reads exactly the changed records and learns about deletions', async () => {
    const dbA = await openFreshDb();
    const dbB = new WorkspaceDb(dbA.workspaceId);
    await dbB.open();
    const r1 = makeRecord('rec_1', T1, 0, { [F_NAME]: '旧' });
    const r2 = makeRecord('rec_2', T1, 1);
    await applyChanges(dbA, [
      { kind: 'record', id: r1.id, after: r1 },
      { kind: 'record', id: r2.id, after: r2 },
    ]);
    const tabA = channel(dbA.workspaceId, 'A');
    const tabB = channel(dbA.workspaceId, 'B');
    const received = new Promise<SyncMessage>((resolve) => tabB.subscribe(resolve));

    const command: Change[] = [
      cellChange('rec_1', '新'),
      { kind: 'record', id: r2.id, before: r2 },
    ];
    await applyChanges(dbA, command);
    tabA.publish(command);

    const synced = await readSyncedRecords(dbB, await received);
    expect(synced).toHaveLength(1);
    expect(synced[0]!.tableId).toBe(T1 as TableId);
    expect(synced[0]!.records.map((r) => [r.id, r.values[F_NAME]])).toEqual([['rec_1', '新']]);
    expect(synced[0]!.deleted).toEqual(['rec_2']);
    dbA.close();
    dbB.close();
  });

  it('treats an upserted record deleted since as deleted', async () => {
    const db = await openFreshDb();
    const msg: SyncMessage = {
      origin: 'A',
      schema: false,
      records: [{ tableId: T1, upserted: ['rec_gone' as RecordId], deleted: [] }],
    };
    expect(await readSyncedRecords(db, msg)).toEqual([
      { tableId: T1, records: [], deleted: ['rec_gone'] },
    ]);
    db.close();
  });

  it('names no ids when a command changed more than 10,000 records of a table: the table is re-read', async () => {
    const db = await openFreshDb();
    const many: Change[] = Array.from({ length: 10_001 }, (_, i) => {
      const r = makeRecord(`rec_${i}`, T1, i, { [F_NAME]: `n${i}` });
      return { kind: 'record', id: r.id, after: r };
    });
    const few = makeRecord('rec_other', T2, 0, {});
    const msg = summarizeChanges('A', [...many, { kind: 'record', id: few.id, after: few }]);
    expect(msg.schema).toBe(false);
    expect(msg.records).toEqual([
      { tableId: T1, upserted: [], deleted: [], reload: true },
      { tableId: T2, upserted: ['rec_other'], deleted: [] },
    ]);
    await applyChanges(db, many.slice(0, 3));
    const [part] = await readSyncedRecords(db, { ...msg, records: [msg.records[0]!] });
    expect(part?.reload).toBe(true);
    expect(part?.records.map((r) => r.id)).toEqual(['rec_0', 'rec_1', 'rec_2']);
    db.close();
  });
});
