/**
 * Turns the planned customers, orders and follow-ups into table records whose values are keyed
 * by the template's field ids (text labels in the workspace language).
 */
import { addDays } from '../dates';
import type { FieldId, RecordId } from '../ids';
import type { CellValue, Language, TableRecord } from '../model';
import type { Random } from '../random';
import { CUSTOMER_NOTES, FOLLOW_UP_NOTES } from './content';
import { TEMPLATE_CHOICES } from './names';
import type { TemplateTableKey } from './names';
import type { PlannedFollowUp } from './followUps';
import type { PlannedOrder } from './orders';
import type { CustomerProfile } from './people';
import { requireFieldId } from './schema';
import type { TemplateSchema } from './schema';
import type { CustomerSummary } from './summary';

export interface RecordContext {
  schema: TemplateSchema;
  language: Language;
  asOf: string;
  now: number;
}

function choice(key: string, language: Language, index: number): string {
  return TEMPLATE_CHOICES[key]?.[language][index] ?? '';
}

function makeRecord(
  ctx: RecordContext,
  table: TemplateTableKey,
  id: RecordId,
  order: number,
  values: Record<string, CellValue>,
): TableRecord {
  const out: Partial<Record<FieldId, CellValue>> = {};
  for (const [key, value] of Object.entries(values)) {
    out[requireFieldId(ctx.schema, table, key)] = value;
  }
  const tableId = ctx.schema.tables[table].id;
  return { id, tableId, order, values: out, createdAt: ctx.now, modifiedAt: ctx.now };
}

/** Tag indices into 'customers.tags', consistent with the history (0 regular, 1 member, 2 referred). */
function drawTags(rnd: Random, profile: CustomerProfile, s: CustomerSummary): number[] {
  const tags = new Set<number>();
  if (s.purchases >= 8) tags.add(0);
  if (rnd.chance(s.purchases >= 3 ? 0.7 : s.purchases >= 1 ? 0.15 : 0)) tags.add(1);
  if (profile.source === 0) tags.add(2);
  const extras = rnd.weighted([0, 1, 2], [35, 45, 20]);
  for (let k = 0; k < extras; k++) tags.add(rnd.int(3, 11));
  return [...tags].sort((a, b) => a - b);
}

export function buildCustomerRecord(
  ctx: RecordContext,
  rnd: Random,
  id: RecordId,
  order: number,
  profile: CustomerProfile,
  s: CustomerSummary,
): TableRecord {
  const { language } = ctx;
  const tags = drawTags(rnd, profile, s);
  const notes = rnd.chance(0.25) ? rnd.pick(CUSTOMER_NOTES[language]) : null;
  return makeRecord(ctx, 'customers', id, order, {
    name: profile.name,
    phone: profile.phone,
    wechat: profile.wechat,
    gender: choice('customers.gender', language, profile.gender === 'male' ? 0 : 1),
    birthday: profile.birthday,
    tags: tags.map((t) => choice('customers.tags', language, t)),
    source: choice('customers.source', language, profile.source),
    notes,
    points: tags.includes(1) ? Math.floor(s.totalSpent) : null,
    lastPurchase: s.lastPurchase,
    firstPurchase: s.firstPurchase,
    purchases: s.purchases,
    totalSpent: s.totalSpent,
    // R, F, M … 流失风险 are formula columns: computed, not stored.
  });
}

export function buildOrderRecord(
  ctx: RecordContext,
  id: RecordId,
  order: number,
  o: PlannedOrder,
  customerIds: readonly RecordId[],
): TableRecord {
  const name = o.item.name[ctx.language];
  return makeRecord(ctx, 'orders', id, order, {
    customer: [customerIds[o.customer] as RecordId],
    date: addDays(ctx.asOf, -o.daysAgo),
    amount: o.amount,
    item: o.quantity > 1 ? `${name} ×${o.quantity}` : name,
    channel: choice('orders.channel', ctx.language, o.channel),
  });
}

export function buildFollowUpRecord(
  ctx: RecordContext,
  id: RecordId,
  order: number,
  f: PlannedFollowUp,
  customerIds: readonly RecordId[],
): TableRecord {
  return makeRecord(ctx, 'followUps', id, order, {
    customer: [customerIds[f.customer] as RecordId],
    date: addDays(ctx.asOf, -f.daysAgo),
    channel: choice('followUps.channel', ctx.language, f.channel),
    note: FOLLOW_UP_NOTES[ctx.language][f.note] ?? '',
    nextFollowUp: f.nextInDays === null ? null : addDays(ctx.asOf, f.nextInDays),
  });
}
