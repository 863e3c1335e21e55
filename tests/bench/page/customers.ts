/**
 * A deterministic large customer table for benchmarks: one table, N customers × 20 fields of
 * mixed types, drawn from a seeded PRNG and the template's content pools so cells look real.
 */
import type {
  FieldId,
  IdSource,
  RecordId,
  TableId,
  ViewId,
  WorkspaceId,
} from '../../../src/domain/ids';
import { OPTION_COLORS } from '../../../src/domain/model';
import type {
  CellValue,
  Field,
  FieldOptions,
  FieldType,
  SelectOption,
  Table,
  TableRecord,
  View,
  WorkspaceMeta,
} from '../../../src/domain/model';
import type { Random } from '../../../src/domain/random';
import { CUSTOMER_NOTES, ZH_GIVEN, ZH_SURNAMES } from '../../../src/domain/template/content';
import { TEMPLATE_CHOICES } from '../../../src/domain/template/names';

export const BENCH_WORKSPACE_ID = 'wsp_bench' as WorkspaceId;
/** Fixed timestamps keep every run byte-identical. */
export const BENCH_NOW = Date.UTC(2025, 0, 15, 9, 0, 0);

/** [key, type, name]; the first is the primary field. Exactly 20 entries, every common type. */
const FIELD_SPECS: readonly (readonly [string, FieldType, string])[] = [
  ['name', 'text', '姓名'],
  ['phone', 'phone', '手机'],
  ['wechat', 'text', '微信'],
  ['gender', 'singleSelect', '性别'],
  ['birthday', 'date', '生日'],
  ['tags', 'multiSelect', '标签'],
  ['source', 'singleSelect', '来源'],
  ['notes', 'longText', '备注'],
  ['points', 'number', '会员积分'],
  ['lastPurchase', 'date', '最近消费日期'],
  ['purchases', 'number', '消费次数'],
  ['totalSpent', 'currency', '消费金额'],
  ['email', 'email', '邮箱'],
  ['member', 'checkbox', '会员'],
  ['satisfaction', 'rating', '满意度'],
  ['discount', 'percent', '折扣'],
  ['tier', 'singleSelect', '会员等级'],
  ['city', 'text', '城市'],
  ['homepage', 'url', '主页'],
  ['visitedAt', 'dateTime', '最近到店'],
];

const EXTRA_CHOICES: Record<string, readonly string[]> = {
  tier: ['普通', '银卡', '金卡', '钻石'],
};
const CITIES = ['上海', '北京', '杭州', '成都', '广州', '深圳', '南京', '武汉', '苏州', '西安'];
const MOBILE_PREFIXES = ['130', '135', '138', '139', '150', '158', '166', '177', '186', '199'];

export interface BenchSchema {
  meta: WorkspaceMeta;
  table: Table;
  fields: Field[];
  view: View;
  /** Field ids by key (name, phone, wechat, …). */
  fieldIds: Record<string, FieldId>;
}

function choicesFor(key: string, ids: IdSource): SelectOption[] {
  const names = EXTRA_CHOICES[key] ?? TEMPLATE_CHOICES[`customers.${key}`]?.['zh-CN'] ?? [];
  return names.map((name, i) => ({
    id: ids.next('opt'),
    name,
    color: OPTION_COLORS[(i + 1) % OPTION_COLORS.length] ?? 'gray',
  }));
}

function optionsFor(key: string, type: FieldType, ids: IdSource): FieldOptions {
  switch (type) {
    case 'singleSelect':
    case 'multiSelect':
      return { choices: choicesFor(key, ids) };
    case 'currency':
      return { decimals: 2, currencySymbol: '¥' };
    case 'number':
      return { decimals: 0, thousands: true };
    case 'percent':
      return { decimals: 0 };
    case 'date':
      return { dateFormat: 'YYYY-MM-DD' };
    case 'rating':
      return { max: 5 };
    default:
      return {};
  }
}

export function buildBenchSchema(ids: IdSource): BenchSchema {
  const tableId = ids.next('tbl') as TableId;
  const fieldIds: Record<string, FieldId> = {};
  const fields: Field[] = FIELD_SPECS.map(([key, type, name]) => {
    const id = ids.next('fld') as FieldId;
    fieldIds[key] = id;
    return { id, tableId, name, type, options: optionsFor(key, type, ids) };
  });
  const primaryFieldId = fields[0]?.id as FieldId;
  const meta: WorkspaceMeta = {
    id: BENCH_WORKSPACE_ID,
    name: '基准测试',
    createdAt: BENCH_NOW,
    language: 'zh-CN',
    activeTableId: tableId,
  };
  const table: Table = { id: tableId, name: '客户', order: 0, primaryFieldId };
  const view: View = {
    id: ids.next('viw') as ViewId,
    tableId,
    name: '全部',
    order: 0,
    columns: fields.map((f) => ({ fieldId: f.id })),
    sorts: [],
    filters: [],
    filterMode: 'and',
  };
  return { meta, table, fields, view, fieldIds };
}

function isoDay(daysBeforeNow: number): string {
  return new Date(BENCH_NOW - daysBeforeNow * 86_400_000).toISOString().slice(0, 10);
}

function digits(rnd: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rnd.int(0, 9));
  return s;
}

function drawName(rnd: Random): { name: string; handle: string } {
  const surname = rnd.weighted(
    ZH_SURNAMES,
    ZH_SURNAMES.map((s) => s[2]),
  );
  const pool = rnd.chance(0.6) ? ZH_GIVEN.female : ZH_GIVEN.male;
  const given = rnd.chance(0.35) ? [rnd.pick(pool)] : [rnd.pick(ZH_GIVEN.neutral), rnd.pick(pool)];
  return {
    name: surname[0] + given.map((g) => g[0]).join(''),
    handle: surname[1] + given.map((g) => g[1]).join(''),
  };
}

function pickSome(rnd: Random, options: readonly string[], max: number): string[] {
  const picked = new Set<string>();
  const n = rnd.int(0, max);
  for (let i = 0; i < n; i++) picked.add(rnd.pick(options));
  return [...picked];
}

/** Values of one customer, keyed by field key; empty cells are left out as the app stores them. */
function drawValues(rnd: Random, order: number, choices: (key: string) => string[]) {
  const { name, handle } = drawName(rnd);
  const phone = rnd.pick(MOBILE_PREFIXES) + digits(rnd, 8);
  const purchases = Math.floor(rnd.pareto(1, 1.3));
  const spent = Math.round(purchases * (20 + rnd.next() * 60) * 100) / 100;
  const last = rnd.int(0, 720);
  const values: Record<string, CellValue> = {
    name,
    phone,
    gender: rnd.pick(choices('gender')),
    source: rnd.pick(choices('source')),
    points: rnd.int(0, 5000),
    lastPurchase: isoDay(last),
    purchases,
    totalSpent: spent,
    member: rnd.chance(0.4),
    tier: rnd.pick(choices('tier')),
    city: rnd.pick(CITIES),
    visitedAt: `${isoDay(last)}T${String(rnd.int(8, 21)).padStart(2, '0')}:${digits(rnd, 1)}0`,
  };
  if (rnd.chance(0.8)) values.wechat = `${handle}${digits(rnd, 2)}`;
  if (rnd.chance(0.85)) values.birthday = isoDay(rnd.int(18 * 365, 65 * 365));
  const tags = pickSome(rnd, choices('tags'), 3);
  if (tags.length > 0) values.tags = tags;
  if (rnd.chance(0.3)) values.notes = rnd.pick(CUSTOMER_NOTES['zh-CN']);
  if (rnd.chance(0.5)) values.email = `${handle}${order}@example.com`;
  if (rnd.chance(0.6)) values.satisfaction = rnd.int(1, 5);
  if (rnd.chance(0.3)) values.discount = rnd.int(1, 30) / 100;
  if (rnd.chance(0.05)) values.homepage = `https://shop.example.com/u/${handle}`;
  return values;
}

/** Records `from` … `to - 1` of the bench table (ids and order follow the index). */
export function buildBenchRecords(
  schema: BenchSchema,
  rnd: Random,
  from: number,
  to: number,
): TableRecord[] {
  const names = new Map<string, string[]>();
  for (const f of schema.fields) {
    const key = Object.keys(schema.fieldIds).find((k) => schema.fieldIds[k] === f.id);
    if (key && f.options.choices)
      names.set(
        key,
        f.options.choices.map((c) => c.name),
      );
  }
  const choices = (key: string): string[] => names.get(key) ?? [];
  const records: TableRecord[] = [];
  for (let order = from; order < to; order++) {
    const drawn = drawValues(rnd, order, choices);
    const values: TableRecord['values'] = {};
    for (const [key, value] of Object.entries(drawn)) {
      const id = schema.fieldIds[key];
      if (id) values[id] = value;
    }
    records.push({
      id: benchRecordId(order),
      tableId: schema.table.id,
      order,
      values,
      createdAt: BENCH_NOW - 400 * 86_400_000 + order * 1000,
      modifiedAt: BENCH_NOW,
    });
  }
  return records;
}

/** Stable record ids, so the driver can name a record without asking the page. */
export function benchRecordId(order: number): RecordId {
  return `rec_bench${order.toString(36).padStart(6, '0')}` as RecordId;
}
