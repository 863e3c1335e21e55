/**
 * The bench page's module (bench.html): `window.bench` lets the driver seed a big workspace
 * through src/db, time the raw IndexedDB read the app depends on, and check durability.
 */
import Dexie from 'dexie';
import type { Change } from '../../../src/domain/changes';
import { createSequentialIds } from '../../../src/domain/ids';
import type { RecordId, TableId, WorkspaceId } from '../../../src/domain/ids';
import type { TableRecord } from '../../../src/domain/model';
import { createRandom } from '../../../src/domain/random';
import {
  applyChanges,
  bulkInsertRecords,
  closeRegistry,
  getRecords,
  loadAllRecords,
  openWorkspaceDb,
  registerWorkspace,
} from '../../../src/db';
import { BENCH_WORKSPACE_ID, buildBenchRecords, buildBenchSchema } from './customers';
import { formulaFloor, seedFormulaWorkspace } from './formulaSeed';
import { watchLongTasks } from './longTasks';
import { bucketReadFloor } from './readFloor';
import type { IoBenchApi } from './ioBench';
import { ioBench } from './ioBench';

/** Records built and inserted per call (each insert rewrites every bucket it touches). */
const CHUNK = 250_000;
const SEED = 20250115;
const LAST_WORKSPACE_KEY = 'regulars.workspace';

export interface SeedOptions {
  customers: number;
  /** Only 20 is supported: the schema has exactly 20 fields. */
  fields?: number;
}

export interface SeedResult {
  workspaceId: WorkspaceId;
  tableId: TableId;
  /** Field ids by key (name, phone, wechat, …). */
  fieldIds: Record<string, string>;
  records: number;
  ms: number;
}

export interface FloorResult {
  ms: number;
  count: number;
}

export class UnsupportedSeedError extends Error {
  override name = 'UnsupportedSeedError';
}

async function seedWorkspace(options: SeedOptions): Promise<SeedResult> {
  if (options.fields !== undefined && options.fields !== 20)
    throw new UnsupportedSeedError(`The bench table has 20 fields, not ${options.fields}`);
  const started = performance.now();
  const schema = buildBenchSchema(createSequentialIds('bench'));
  const db = await openWorkspaceDb(BENCH_WORKSPACE_ID);
  try {
    const changes: Change[] = [
      { kind: 'meta', before: schema.meta, after: schema.meta },
      { kind: 'table', id: schema.table.id, after: schema.table },
      ...schema.fields.map((f): Change => ({ kind: 'field', id: f.id, after: f })),
      { kind: 'view', id: schema.view.id, after: schema.view },
    ];
    await applyChanges(db, changes, schema.meta.createdAt);
    const rnd = createRandom(SEED);
    for (let from = 0; from < options.customers; from += CHUNK) {
      const to = Math.min(options.customers, from + CHUNK);
      await bulkInsertRecords(db, buildBenchRecords(schema, rnd, from, to));
      console.log(
        `bench: seeded ${to.toLocaleString('en')} / ${options.customers.toLocaleString('en')}`,
      );
    }
  } finally {
    db.close();
  }
  await registerWorkspace(schema.meta);
  localStorage.setItem(LAST_WORKSPACE_KEY, BENCH_WORKSPACE_ID);
  return {
    workspaceId: BENCH_WORKSPACE_ID,
    tableId: schema.table.id,
    fieldIds: schema.fieldIds,
    records: options.customers,
    ms: Math.round(performance.now() - started),
  };
}

/** The fastest read the app could do: the very call session.ts makes to load every row. */
async function floorToArray(workspaceId: WorkspaceId, tableId: TableId): Promise<FloorResult> {
  const db = await openWorkspaceDb(workspaceId);
  try {
    const started = performance.now();
    const rows = await loadAllRecords(db, tableId);
    return { ms: performance.now() - started, count: rows.length };
  } finally {
    db.close();
  }
}

async function readRecord(
  workspaceId: WorkspaceId,
  tableId: TableId,
  recordId: RecordId,
): Promise<TableRecord | null> {
  const db = await openWorkspaceDb(workspaceId);
  try {
    const [record] = await getRecords(db, tableId, [recordId]);
    return record ?? null;
  } finally {
    db.close();
  }
}

/**
 * The longest task of creating a bare AG Grid with `columns` columns in this page (see
 * gridFloor.tsx), counting from before its chunk is fetched and evaluated.
 */
async function gridFloor(columns: number): Promise<number> {
  const longTasks = watchLongTasks();
  const { createBareGrid } = await import('./gridFloor');
  return createBareGrid(columns, longTasks);
}

/** Deletes every IndexedDB database of this origin and forgets the last workspace. */
async function clearAll(): Promise<string[]> {
  closeRegistry();
  const names = (await indexedDB.databases()).map((d) => d.name).filter((n): n is string => !!n);
  for (const name of names) await Dexie.delete(name);
  localStorage.clear();
  return names;
}

export interface BenchApi {
  seedWorkspace: typeof seedWorkspace;
  floorToArray: typeof floorToArray;
  readRecord: typeof readRecord;
  clearAll: typeof clearAll;
  seedFormulaWorkspace: typeof seedFormulaWorkspace;
  formulaFloor: typeof formulaFloor;
  gridFloor: typeof gridFloor;
  bucketReadFloor: typeof bucketReadFloor;
  io: IoBenchApi;
}

declare global {
  interface Window {
    bench?: BenchApi;
  }
}

window.bench = {
  seedWorkspace,
  floorToArray,
  readRecord,
  clearAll,
  seedFormulaWorkspace,
  formulaFloor,
  gridFloor,
  bucketReadFloor,
  io: ioBench,
};
document.body.dataset.benchReady = 'true';
