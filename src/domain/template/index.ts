/**
 * The shop template: three sample tables (customers, orders, follow-ups) filled with believable,
 * seeded data whose customer-model columns agree exactly with the generated orders.
 */
import type { IdSource, RecordId } from '../ids';
import type { Field, Language, Table, TableRecord, View } from '../model';
import { createRandom } from '../random';
import { FOLLOW_UP_NOTES } from './content';
import { planFollowUps } from './followUps';
import { drawOrderCounts, planOrders } from './orders';
import { drawProfiles } from './people';
import { buildCustomerRecord, buildFollowUpRecord, buildOrderRecord } from './records';
import type { RecordContext } from './records';
import { buildTemplateSchema } from './schema';
import { summariseCustomers } from './summary';

export interface ShopTemplateOptions {
  language: Language;
  /** The as-of date 'YYYY-MM-DD': orders fall in the two years before it. */
  asOf: string;
  seed?: number;
  ids: IdSource;
  /** Timestamp for createdAt / modifiedAt. */
  now: number;
  /** Number of customers (default 200); orders ≈ 10 per customer, follow-ups ≈ 0.75. */
  customers?: number;
}

export interface ShopTemplate {
  tables: Table[];
  fields: Field[];
  views: View[];
  records: TableRecord[];
}

const DEFAULT_SEED = 20240501;
const PROSPECT_SHARE = 0.07;

export function createShopTemplate(opts: ShopTemplateOptions): ShopTemplate {
  const { language, asOf, ids, now } = opts;
  const customers = Math.max(1, Math.round(opts.customers ?? 200));
  const rnd = createRandom(opts.seed ?? DEFAULT_SEED);
  const schema = buildTemplateSchema(language, ids);
  const ctx: RecordContext = { schema, language, asOf, now };

  const profiles = drawProfiles(rnd, customers, language, asOf);
  const counts = drawOrderCounts(rnd, customers, PROSPECT_SHARE, customers * 10);
  const orders = planOrders(rnd, counts);
  const followUps = planFollowUps(
    rnd,
    counts,
    Math.round(customers * 0.75),
    FOLLOW_UP_NOTES[language].length,
  );
  const summaries = summariseCustomers(customers, orders, asOf, language);

  const customerIds = profiles.map(() => ids.next('rec') as RecordId);
  const records: TableRecord[] = profiles.map((p, i) =>
    buildCustomerRecord(
      ctx,
      rnd,
      customerIds[i] as RecordId,
      i,
      p,
      summaries[i] as (typeof summaries)[number],
    ),
  );
  orders.forEach((o, i) =>
    records.push(buildOrderRecord(ctx, ids.next('rec') as RecordId, i, o, customerIds)),
  );
  followUps.forEach((f, i) =>
    records.push(buildFollowUpRecord(ctx, ids.next('rec') as RecordId, i, f, customerIds)),
  );
  return {
    tables: [schema.tables.customers, schema.tables.orders, schema.tables.followUps],
    fields: schema.fields,
    views: schema.views,
    records,
  };
}
