import { createSequentialIds } from '../../../src/domain/ids';
import type { Language } from '../../../src/domain/model';
import { substituteReferences } from '../../../src/domain/formula';
import { createShopTemplate } from '../../../src/domain/template';

const make = (language: Language) =>
  createShopTemplate({
    language,
    asOf: '2025-06-30',
    seed: 1,
    ids: createSequentialIds(),
    now: 1,
    customers: 20,
  });

const EXPECTED: Record<Language, Record<string, [string, string][]>> = {
  'zh-CN': {
    客户: [
      ['姓名', 'text'],
      ['手机', 'phone'],
      ['微信', 'text'],
      ['性别', 'singleSelect'],
      ['生日', 'date'],
      ['标签', 'multiSelect'],
      ['来源', 'singleSelect'],
      ['备注', 'longText'],
      ['会员积分', 'number'],
      ['最近消费日期', 'date'],
      ['首次消费日期', 'date'],
      ['消费次数', 'number'],
      ['消费金额', 'currency'],
      ['R', 'formula'],
      ['F', 'formula'],
      ['M', 'formula'],
      ['RFM', 'formula'],
      ['RFM分群', 'formula'],
      ['生命周期', 'formula'],
      ['会员等级', 'formula'],
      ['忠诚阶段', 'formula'],
      ['流失风险', 'formula'],
    ],
    订单: [
      ['客户', 'link'],
      ['日期', 'date'],
      ['金额', 'currency'],
      ['商品', 'text'],
      ['渠道', 'singleSelect'],
    ],
    跟进记录: [
      ['客户', 'link'],
      ['日期', 'date'],
      ['方式', 'singleSelect'],
      ['内容', 'longText'],
      ['下次跟进', 'date'],
    ],
  },
  en: {
    Customers: [
      ['Name', 'text'],
      ['Phone', 'phone'],
      ['WeChat', 'text'],
      ['Gender', 'singleSelect'],
      ['Birthday', 'date'],
      ['Tags', 'multiSelect'],
      ['Source', 'singleSelect'],
      ['Notes', 'longText'],
      ['Points', 'number'],
      ['Last purchase', 'date'],
      ['First purchase', 'date'],
      ['Purchases', 'number'],
      ['Total spent', 'currency'],
      ['R', 'formula'],
      ['F', 'formula'],
      ['M', 'formula'],
      ['RFM', 'formula'],
      ['RFM segment', 'formula'],
      ['Life cycle', 'formula'],
      ['Tier', 'formula'],
      ['Loyalty', 'formula'],
      ['Churn risk', 'formula'],
    ],
    Orders: [
      ['Customer', 'link'],
      ['Date', 'date'],
      ['Amount', 'currency'],
      ['Item', 'text'],
      ['Channel', 'singleSelect'],
    ],
    'Follow-ups': [
      ['Customer', 'link'],
      ['Date', 'date'],
      ['Channel', 'singleSelect'],
      ['Note', 'longText'],
      ['Next follow-up', 'date'],
    ],
  },
};

/** The analysis columns' formulas as a user reads them (field names in braces). */
const FORMULAS: Record<Language, Record<string, string>> = {
  'zh-CN': {
    R: '=RFM_R(DAYS_SINCE({最近消费日期}), {消费次数})',
    F: '=RFM_F({消费次数})',
    M: '=RFM_M({消费金额}, {消费次数})',
    RFM: '=RFM_SCORE(DAYS_SINCE({最近消费日期}), {消费次数}, {消费金额})',
    RFM分群: '=RFM_SEGMENT(DAYS_SINCE({最近消费日期}), {消费次数}, {消费金额})',
    生命周期: '=LIFECYCLE_STAGE({最近消费日期}, {消费次数})',
    会员等级: '=LOYALTY_TIER({消费金额})',
    忠诚阶段: '=LOYALTY_STAGE({消费次数})',
    流失风险: '=CHURN_RISK({首次消费日期}, {最近消费日期}, {消费次数})',
  },
  en: {
    R: '=RFM_R(DAYS_SINCE({Last purchase}), {Purchases})',
    F: '=RFM_F({Purchases})',
    M: '=RFM_M({Total spent}, {Purchases})',
    RFM: '=RFM_SCORE(DAYS_SINCE({Last purchase}), {Purchases}, {Total spent})',
    'RFM segment': '=RFM_SEGMENT(DAYS_SINCE({Last purchase}), {Purchases}, {Total spent})',
    'Life cycle': '=LIFECYCLE_STAGE({Last purchase}, {Purchases})',
    Tier: '=LOYALTY_TIER({Total spent})',
    Loyalty: '=LOYALTY_STAGE({Purchases})',
    'Churn risk': '=CHURN_RISK({First purchase}, {Last purchase}, {Purchases})',
  },
};

const CHOICES: Record<Language, Record<string, string[]>> = {
  'zh-CN': {
    '客户.性别': ['男', '女'],
    '客户.来源': ['朋友介绍', '路过', '大众点评', '小红书', '微信群', '抖音'],
    '订单.渠道': ['到店', '微信', '电话', '外卖平台'],
    '跟进记录.方式': ['电话', '微信', '短信', '到店'],
  },
  en: {
    'Customers.Gender': ['Male', 'Female'],
    'Orders.Channel': ['In store', 'WeChat', 'Phone', 'Delivery app'],
    'Follow-ups.Channel': ['Phone', 'WeChat', 'SMS', 'In store'],
  },
};

describe.each(['zh-CN', 'en'] as const)('shop template schema (%s)', (language) => {
  const t = make(language);

  it('has the three sample tables with the listed fields, in order and typed', () => {
    expect(t.tables.map((x) => x.name)).toEqual(Object.keys(EXPECTED[language]));
    t.tables.forEach((table, order) => {
      expect(table.order).toBe(order);
      expect(table.sample).toBe(true);
      const fields = t.fields.filter((f) => f.tableId === table.id);
      expect(fields.map((f) => [f.name, f.type])).toEqual(EXPECTED[language][table.name]);
      expect(table.primaryFieldId).toBe(fields[0]?.id);
    });
  });

  it('makes the analysis columns formulas over the purchase columns, stored by field id', () => {
    const formulas = t.fields.filter((f) => f.type === 'formula');
    expect(formulas.map((f) => f.name)).toEqual(Object.keys(FORMULAS[language]));
    const nameOf = (id: string): string => t.fields.find((f) => f.id === id)?.name ?? `?${id}`;
    for (const f of formulas) {
      const stored = f.options.formula ?? '';
      expect(stored).not.toMatch(/[\u4e00-\u9fff]|Purchases|Total spent/);
      expect(substituteReferences(stored, (id) => `{${nameOf(id)}}`)).toBe(
        FORMULAS[language][f.name],
      );
      const refs = Object.entries(f.options.formulaRefNames ?? {});
      expect(refs.length).toBeGreaterThan(0);
      for (const [id, name] of refs) expect(name).toBe(nameOf(id));
      expect(f.options.formulaFormat).toBe('auto');
    }
  });

  it('gives every table one default view showing all fields in order', () => {
    expect(t.views).toHaveLength(3);
    for (const table of t.tables) {
      const views = t.views.filter((v) => v.tableId === table.id);
      expect(views).toHaveLength(1);
      const fields = t.fields.filter((f) => f.tableId === table.id).map((f) => ({ fieldId: f.id }));
      expect(views[0]).toMatchObject({
        name: language === 'zh-CN' ? '全部' : 'All',
        order: 0,
        columns: fields,
        sorts: [],
        filters: [],
        filterMode: 'and',
      });
    }
  });

  it('links orders and follow-ups to the customers table', () => {
    const customers = t.tables[0];
    const links = t.fields.filter((f) => f.type === 'link');
    expect(links).toHaveLength(2);
    for (const f of links) expect(f.options.linkTableId).toBe(customers?.id);
  });

  it('offers the select choices in the workspace language, with unique option ids', () => {
    const tableName = (id: string): string => t.tables.find((x) => x.id === id)?.name ?? '';
    for (const [key, expected] of Object.entries(CHOICES[language])) {
      const f = t.fields.find((x) => `${tableName(x.tableId)}.${x.name}` === key);
      expect(f?.options.choices?.map((c) => c.name)).toEqual(expected);
    }
    const tags = t.fields.find((f) => f.type === 'multiSelect');
    expect(tags?.options.choices?.map((c) => c.name)).toContain(
      language === 'zh-CN' ? '老客' : 'Regular',
    );
    const selects = t.fields.filter((f) => f.type === 'singleSelect' || f.type === 'multiSelect');
    const optionIds = selects.flatMap((f) => (f.options.choices ?? []).map((c) => c.id));
    expect(new Set(optionIds).size).toBe(optionIds.length);
    const money = t.fields.filter((f) => f.type === 'currency');
    for (const f of money) expect(f.options.currencySymbol).toBe('¥');
  });
});
