/**
 * Formula workspaces for the formula scenarios: the bench table plus 首次消费日期 and either the
 * template's 9 analysis formulas or 3 row-local formulas; and the same work as plain JS (floor).
 */
import type { Change } from '../../../src/domain/changes';
import {
  churnRisk,
  daysSince,
  lifecycleStage,
  loyaltyStage,
  loyaltyTier,
  rfmColumns,
} from '../../../src/domain/crm';
import { createSequentialIds } from '../../../src/domain/ids';
import type { FieldId, TableId, WorkspaceId } from '../../../src/domain/ids';
import type { Field, TableRecord } from '../../../src/domain/model';
import { createRandom } from '../../../src/domain/random';
import { TEMPLATE_FORMULAS } from '../../../src/domain/template/formulas';
import {
  applyChanges,
  bulkInsertRecords,
  loadAllRecords,
  openWorkspaceDb,
  registerWorkspace,
} from '../../../src/db';
import { BENCH_NOW, BENCH_WORKSPACE_ID, buildBenchRecords, buildBenchSchema } from './customers';

export type FormulaSet = 'template' | 'local';
/**
 * Records per insert. Every chunk touches every bucket (records go to buckets by a hash of their
 * id), and each insert reads and rewrites the buckets it touches: chunks of 10,000 made the
 * 1M-row seed rewrite each bucket 100 times (about 19 minutes); 250,000 as in seed.ts.
 */
const CHUNK = 250_000;
const LOCAL: Record<string, (ref: (k: string) => string) => string> = {
  avg: (ref) => `=${ref('totalSpent')}/${ref('purchases')}`,
  net: (ref) => `=ROUND(${ref('totalSpent')}*1.1, 2)`,
  vip: (ref) => `=IF(${ref('totalSpent')} > 1000, "VIP", "")`,
};

export interface FormulaSeedResult {
  workspaceId: WorkspaceId;
  tableId: TableId;
  fieldIds: Record<string, string>;
  records: number;
  ms: number;
}

function formulaFields(
  set: FormulaSet,
  ids: Record<string, FieldId>,
  tableId: TableId,
  next: () => FieldId,
): Field[] {
  // The template set also gets one row-local formula over 会员积分, edited for the `local` figure.
  const specs =
    set === 'template'
      ? {
          ...TEMPLATE_FORMULAS,
          points: (ref: (k: string) => string) => `=ROUND(${ref('points')}*1.1, 2)`,
        }
      : LOCAL;
  return Object.entries(specs).map(([key, build]) => {
    const id = next();
    ids[`f_${key}`] = id;
    const formula = build((k) => `{${ids[k] as string}}`);
    return { id, tableId, name: `ƒ ${key}`, type: 'formula', options: { formula } } as Field;
  });
}

/** Seeds a workspace whose table has the formula columns of `set` (chunks of 250,000 rows). */
export async function seedFormulaWorkspace(
  customers: number,
  set: FormulaSet,
): Promise<FormulaSeedResult> {
  const started = performance.now();
  const idSource = createSequentialIds('bench');
  const schema = buildBenchSchema(idSource);
  const tableId = schema.table.id;
  const first: Field = {
    id: idSource.next('fld') as FieldId,
    tableId,
    name: '首次消费日期',
    type: 'date',
    options: { dateFormat: 'YYYY-MM-DD' },
  };
  schema.fieldIds.firstPurchase = first.id;
  const extra = [
    first,
    ...formulaFields(set, schema.fieldIds, tableId, () => idSource.next('fld') as FieldId),
  ];
  const fields = [...schema.fields, ...extra];
  const view = { ...schema.view, columns: fields.map((f) => ({ fieldId: f.id })) };
  const db = await openWorkspaceDb(BENCH_WORKSPACE_ID);
  try {
    const changes: Change[] = [
      { kind: 'meta', before: schema.meta, after: schema.meta },
      { kind: 'table', id: tableId, after: schema.table },
      ...fields.map((f): Change => ({ kind: 'field', id: f.id, after: f })),
      { kind: 'view', id: view.id, after: view },
    ];
    await applyChanges(db, changes, schema.meta.createdAt);
    const rnd = createRandom(20250115);
    for (let from = 0; from < customers; from += CHUNK) {
      const records = buildBenchRecords(schema, rnd, from, Math.min(customers, from + CHUNK));
      for (const r of records) addFirstPurchase(r, schema.fieldIds, rnd.int(0, 700));
      await bulkInsertRecords(db, records);
      console.log(`bench: seeded ${from + records.length}`);
    }
  } finally {
    db.close();
  }
  await registerWorkspace(schema.meta);
  localStorage.setItem('regulars.workspace', BENCH_WORKSPACE_ID);
  const ms = Math.round(performance.now() - started);
  return {
    workspaceId: BENCH_WORKSPACE_ID,
    tableId,
    fieldIds: schema.fieldIds,
    records: customers,
    ms,
  };
}

function addFirstPurchase(r: TableRecord, ids: Record<string, FieldId>, before: number): void {
  const last = r.values[ids.lastPurchase as FieldId];
  if (typeof last !== 'string') return;
  const ms = Date.parse(`${last}T00:00:00Z`) - before * 86_400_000;
  r.values[ids.firstPurchase as FieldId] = new Date(ms).toISOString().slice(0, 10);
}

const numberOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const dateOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The template's 9 formulas as plain loops over column arrays (the records read first, untimed). */
export async function formulaFloor(
  workspaceId: WorkspaceId,
  tableId: TableId,
  ids: Record<string, string>,
  asOf: string,
): Promise<number> {
  const db = await openWorkspaceDb(workspaceId);
  const rows = await loadAllRecords(db, tableId).finally(() => db.close());
  const col = <T>(key: string, as: (v: unknown) => T): T[] =>
    rows.map((r) => as(r.values[ids[key] as FieldId]));
  const last = col('lastPurchase', dateOrNull);
  const first = col('firstPurchase', dateOrNull);
  const cnt = col('purchases', numberOrNull);
  const amt = col('totalSpent', numberOrNull);
  const t0 = performance.now();
  const days = last.map((d) => daysSince(d, asOf));
  const out: unknown[] = [rfmColumns(days, cnt, amt)];
  for (let i = 0; i < rows.length; i++) {
    out.push(
      lifecycleStage(last[i] ?? null, cnt[i] ?? null, asOf),
      loyaltyTier(amt[i] ?? null),
      loyaltyStage(cnt[i] ?? null),
      churnRisk(first[i] ?? null, last[i] ?? null, cnt[i] ?? null, asOf),
    );
  }
  return performance.now() - t0 + (out.length > 0 ? 0 : 1);
}

export const BENCH_TODAY = new Date(BENCH_NOW).toISOString().slice(0, 10);
