import {
  cellToText,
  compareCells,
  formatCell,
  getFieldType,
  isEditableType,
  parseCell,
  repairCell,
} from '../../../src/domain/fields/index';
import type { CellValue, FieldType } from '../../../src/domain/model';
import { FIELD_TYPES } from '../../../src/domain/model';
import { choices, en, makeField, zh } from './helpers';

/** A valid value of every editable type, and one that sorts after it. */
const EDITABLE: [FieldType, CellValue, CellValue][] = [
  ['text', '李四', '张三'],
  ['longText', 'a\nb', 'c'],
  ['number', -3.5, 1234.5],
  ['currency', 9.9, 1234.5],
  ['percent', 0.125, 0.25],
  ['date', '2024-01-05', '2024-02-29'],
  ['dateTime', '2024-01-05T09:00', '2024-01-05T14:30'],
  ['singleSelect', 'VIP', '普通'],
  ['multiSelect', ['VIP'], ['普通', 'VIP']],
  ['checkbox', false, true],
  ['phone', '+86 138-0013-8000', '0571-8888 6666'],
  ['email', 'a@b.cn', 'b@b.cn'],
  ['url', 'a.com', 'https://b.com'],
  ['rating', 2, 5],
];
const fieldOf = (type: FieldType) =>
  makeField(type, type.endsWith('Select') ? choices('VIP', '普通') : {});

describe('getFieldType', () => {
  it.each(FIELD_TYPES)('returns the module for %s', (type) => {
    expect(getFieldType(type).type).toBe(type);
  });

  it('throws a named error for an unknown type (exhaustiveness)', () => {
    expect(() => getFieldType('spreadsheet' as FieldType)).toThrow(/Unexpected value/);
  });

  it('marks exactly the computed types and link as not editable', () => {
    const readOnly = FIELD_TYPES.filter((t) => !isEditableType(t));
    expect(readOnly.sort()).toEqual(
      ['autoNumber', 'createdTime', 'formula', 'link', 'lookup', 'modifiedTime', 'rollup'].sort(),
    );
  });
});

describe('the contract, for every editable type', () => {
  it.each(EDITABLE)('%s: toText reads back, in both languages', (type, value, later) => {
    const field = fieldOf(type);
    for (const ctx of [zh, en]) {
      for (const v of [value, later])
        expect(parseCell(field, cellToText(field, v, ctx), ctx)).toEqual(v);
    }
  });

  it.each(EDITABLE)('%s: empty text is null, empty shows as nothing', (type) => {
    const field = fieldOf(type);
    expect(parseCell(field, '', zh)).toBeNull();
    expect(formatCell(field, null, zh)).toBe('');
    expect(formatCell(field, undefined, en)).toBe('');
  });

  it.each(EDITABLE)('%s: sorts value < later < invalid < empty', (type, value, later) => {
    const field = fieldOf(type);
    const order: (CellValue | undefined)[] = [value, later, { invalid: '??' }, null];
    for (let i = 0; i < order.length - 1; i++) {
      expect(compareCells(field, order[i], order[i + 1])).toBeLessThan(0);
      expect(compareCells(field, order[i + 1], order[i])).toBeGreaterThan(0);
    }
    expect(compareCells(field, null, undefined)).toBe(0);
    expect(compareCells(field, value, value)).toBe(0);
  });

  it.each(EDITABLE)(
    '%s: repair keeps valid values and unknown shapes are flagged',
    (type, value) => {
      const field = fieldOf(type);
      expect(repairCell(field, value, zh)).toEqual(value);
      expect(repairCell(field, null, zh)).toBeNull();
      const weird = repairCell(field, { weird: true }, zh);
      if (type === 'text' || type === 'longText') expect(weird).toBe('{"weird":true}');
      else expect(weird).toEqual({ invalid: '{"weird":true}' });
    },
  );
});

describe('parseCell', () => {
  it('keeps text that does not fit as an invalid value, never dropping it', () => {
    expect(parseCell(makeField('number'), '十二', zh)).toEqual({ invalid: '十二' });
    expect(parseCell(makeField('date'), '上周五', zh)).toEqual({ invalid: '上周五' });
    expect(parseCell(makeField('singleSelect'), '金卡', zh)).toEqual({ invalid: '金卡' });
    expect(parseCell(makeField('phone'), '无', zh)).toEqual({ invalid: '无' });
  });

  it('returns parsed values', () => {
    expect(parseCell(makeField('currency'), '¥1,234.50', zh)).toBe(1234.5);
    expect(parseCell(makeField('checkbox'), '否', zh)).toBe(false);
    expect(parseCell(makeField('date'), '2024年1月5日', zh)).toBe('2024-01-05');
  });
});

describe('formatCell', () => {
  it('shows invalid values as their original text for every type', () => {
    for (const type of FIELD_TYPES) {
      expect(formatCell(makeField(type), { invalid: '原文' }, zh)).toBe('原文');
    }
  });
});
