/**
 * Localised names of the shop template: tables, fields, the default view and select choices.
 * Field keys are stable across languages so code can find a field without knowing the language.
 */
import type { FieldType, Language } from '../model';

type Localised = Record<Language, string>;

export const TEMPLATE_TABLE_KEYS = ['customers', 'orders', 'followUps'] as const;
export type TemplateTableKey = (typeof TEMPLATE_TABLE_KEYS)[number];

export const TABLE_NAMES: Record<TemplateTableKey, Localised> = {
  customers: { 'zh-CN': '客户', en: 'Customers' },
  orders: { 'zh-CN': '订单', en: 'Orders' },
  followUps: { 'zh-CN': '跟进记录', en: 'Follow-ups' },
};

export const DEFAULT_VIEW_NAME: Localised = { 'zh-CN': '全部', en: 'All' };

export interface TemplateFieldSpec {
  key: string;
  type: FieldType;
  name: Localised;
}

const spec = (key: string, type: FieldType, zh: string, en: string): TemplateFieldSpec => ({
  key,
  type,
  name: { 'zh-CN': zh, en },
});

/** Fields in display order; the first is the table's primary field. */
export const TEMPLATE_FIELDS: Record<TemplateTableKey, readonly TemplateFieldSpec[]> = {
  customers: [
    spec('name', 'text', '姓名', 'Name'),
    spec('phone', 'phone', '手机', 'Phone'),
    spec('wechat', 'text', '微信', 'WeChat'),
    spec('gender', 'singleSelect', '性别', 'Gender'),
    spec('birthday', 'date', '生日', 'Birthday'),
    spec('tags', 'multiSelect', '标签', 'Tags'),
    spec('source', 'singleSelect', '来源', 'Source'),
    spec('notes', 'longText', '备注', 'Notes'),
    spec('points', 'number', '会员积分', 'Points'),
    spec('lastPurchase', 'date', '最近消费日期', 'Last purchase'),
    spec('firstPurchase', 'date', '首次消费日期', 'First purchase'),
    spec('purchases', 'number', '消费次数', 'Purchases'),
    spec('totalSpent', 'currency', '消费金额', 'Total spent'),
    spec('r', 'number', 'R', 'R'),
    spec('f', 'number', 'F', 'F'),
    spec('m', 'number', 'M', 'M'),
    spec('rfm', 'number', 'RFM', 'RFM'),
    spec('rfmSegment', 'text', 'RFM分群', 'RFM segment'),
    spec('lifecycle', 'text', '生命周期', 'Life cycle'),
    spec('tier', 'text', '会员等级', 'Tier'),
    spec('loyalty', 'text', '忠诚阶段', 'Loyalty'),
    spec('churnRisk', 'text', '流失风险', 'Churn risk'),
  ],
  orders: [
    spec('customer', 'link', '客户', 'Customer'),
    spec('date', 'date', '日期', 'Date'),
    spec('amount', 'currency', '金额', 'Amount'),
    spec('item', 'text', '商品', 'Item'),
    spec('channel', 'singleSelect', '渠道', 'Channel'),
  ],
  followUps: [
    spec('customer', 'link', '客户', 'Customer'),
    spec('date', 'date', '日期', 'Date'),
    spec('channel', 'singleSelect', '方式', 'Channel'),
    spec('note', 'longText', '内容', 'Note'),
    spec('nextFollowUp', 'date', '下次跟进', 'Next follow-up'),
  ],
};

/** Choices of the select fields, keyed by "table.field"; the same index means the same choice. */
export const TEMPLATE_CHOICES: Record<string, Record<Language, readonly string[]>> = {
  'customers.gender': { 'zh-CN': ['男', '女'], en: ['Male', 'Female'] },
  'customers.source': {
    'zh-CN': ['朋友介绍', '路过', '大众点评', '小红书', '微信群', '抖音'],
    en: ['Friend referral', 'Walk-in', 'Dianping', 'Xiaohongshu', 'WeChat group', 'Douyin'],
  },
  'customers.tags': {
    'zh-CN': [
      '老客',
      '会员',
      '朋友介绍',
      '爱甜食',
      '咖啡控',
      '上班族',
      '学生',
      '宝妈',
      '附近小区',
      '少糖',
      '订过生日蛋糕',
      '团购',
    ],
    en: [
      'Regular',
      'Member',
      'Referred',
      'Sweet tooth',
      'Coffee lover',
      'Office worker',
      'Student',
      'Parent',
      'Lives nearby',
      'Less sugar',
      'Birthday cake',
      'Group order',
    ],
  },
  'orders.channel': {
    'zh-CN': ['到店', '微信', '电话', '外卖平台'],
    en: ['In store', 'WeChat', 'Phone', 'Delivery app'],
  },
  'followUps.channel': {
    'zh-CN': ['电话', '微信', '短信', '到店'],
    en: ['Phone', 'WeChat', 'SMS', 'In store'],
  },
};
