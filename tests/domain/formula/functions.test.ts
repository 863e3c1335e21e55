import { CUSTOMER_FUNCTIONS, FORMULA_FUNCTIONS } from '../../../src/domain/formula/functions';

const listed = (name: string) => FORMULA_FUNCTIONS.find((f) => f.name === name);

describe('the function catalogue', () => {
  it('lists every customer function of crm-model.md with its exact signature', () => {
    expect(CUSTOMER_FUNCTIONS.map((f) => f.signature)).toEqual([
      'RFM_R(days [, count | , b1, b2, b3, b4])',
      'RFM_F(count [, b1, b2, b3, b4])',
      'RFM_M(amount [, count | , b1, b2, b3, b4])',
      'RFM_SCORE(days, count, amount)',
      'RFM_SEGMENT(days, count, amount)',
      'LIFECYCLE_STAGE(last_purchase_date, count [, active, silent, dormant])',
      'LOYALTY_STAGE(count [, referrals])',
      'LOYALTY_TIER(value [, silver, gold, diamond])',
      'CHURN_RISK(first_purchase_date, last_purchase_date, count)',
      'DAYS_SINCE(date)',
      'NEXT_BIRTHDAY_IN(date)',
    ]);
    expect(CUSTOMER_FUNCTIONS.every((f) => f.category === 'customer')).toBe(true);
  });

  it('has unique upper-case names whose signatures start with the name', () => {
    const names = FORMULA_FUNCTIONS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of FORMULA_FUNCTIONS) {
      expect(f.name).toMatch(/^[A-Z][A-Z0-9_.]*$/);
      expect(f.signature.startsWith(`${f.name}(`)).toBe(true);
      expect(f.signature.endsWith(')')).toBe(true);
    }
  });

  it('includes the spreadsheet functions people reach for', () => {
    const wanted =
      'IF IFS IFERROR AND OR NOT SUM AVERAGE MIN MAX ROUND ROUNDUP ROUNDDOWN ABS INT MOD POWER SQRT COUNT COUNTA CONCATENATE TEXT LEFT RIGHT MID LEN UPPER LOWER TRIM SUBSTITUTE FIND SEARCH REPT VALUE TODAY NOW DATE YEAR MONTH DAY WEEKDAY DATEDIF EDATE EOMONTH DAYS NETWORKDAYS VLOOKUP HLOOKUP INDEX MATCH CHOOSE SWITCH ISBLANK ISNUMBER ISTEXT ISERROR N T';
    for (const name of wanted.split(' ')) expect(listed(name)?.name).toBe(name);
    expect(FORMULA_FUNCTIONS.length - CUSTOMER_FUNCTIONS.length).toBeGreaterThanOrEqual(60);
  });

  it('lists entries by their upper-case name, and not unknown names', () => {
    expect(listed('RFM_SEGMENT')?.category).toBe('customer');
    expect(listed('DATEDIF')?.signature).toBe('DATEDIF(start_date, end_date, unit)');
    expect(listed('NOPE')).toBeUndefined();
  });
});
