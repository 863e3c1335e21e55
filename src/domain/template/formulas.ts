/**
 * The template's customer-analysis columns as formulas over its purchase columns, so they
 * stay right as orders change (crm-model.md). References are by field id, as stored.
 */
import type { FieldId } from '../ids';
import type { FieldOptions } from '../model';

type Ref = (key: string) => string;

const DAYS = (ref: Ref) => `DAYS_SINCE(${ref('lastPurchase')})`;
const TRIPLE = (ref: Ref) => `${DAYS(ref)}, ${ref('purchases')}, ${ref('totalSpent')}`;

/** Formula per customer field key; R and M take the purchase count so that prospects are not scored. */
export const TEMPLATE_FORMULAS: Record<string, (ref: Ref) => string> = {
  r: (ref) => `=RFM_R(${DAYS(ref)}, ${ref('purchases')})`,
  f: (ref) => `=RFM_F(${ref('purchases')})`,
  m: (ref) => `=RFM_M(${ref('totalSpent')}, ${ref('purchases')})`,
  rfm: (ref) => `=RFM_SCORE(${TRIPLE(ref)})`,
  rfmSegment: (ref) => `=RFM_SEGMENT(${TRIPLE(ref)})`,
  lifecycle: (ref) => `=LIFECYCLE_STAGE(${ref('lastPurchase')}, ${ref('purchases')})`,
  tier: (ref) => `=LOYALTY_TIER(${ref('totalSpent')})`,
  loyalty: (ref) => `=LOYALTY_STAGE(${ref('purchases')})`,
  churnRisk: (ref) =>
    `=CHURN_RISK(${ref('firstPurchase')}, ${ref('lastPurchase')}, ${ref('purchases')})`,
};

/** Options of a template formula field: the stored formula and the names it refers to. */
export function templateFormulaOptions(
  key: string,
  ids: Readonly<Record<string, FieldId>>,
  names: Readonly<Record<string, string>>,
): FieldOptions | null {
  const build = TEMPLATE_FORMULAS[key];
  if (!build) return null;
  const refNames: Record<FieldId, string> = {};
  const formula = build((k) => {
    const id = ids[k] as FieldId;
    refNames[id] = names[k] ?? k;
    return `{${id}}`;
  });
  return { formula, formulaRefNames: refNames };
}
