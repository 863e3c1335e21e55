import { addMissingChoices, splitChoiceText } from '../../../src/domain/fields/choices';
import { getFieldType } from '../../../src/domain/fields/index';
import { createSequentialIds, setIdSource } from '../../../src/domain/ids';
import { choices, en, makeField, parsed, sorted, zh } from './helpers';

describe('singleSelect', () => {
  const field = makeField('singleSelect', choices('VIP', '普通', 'New'));
  const mod = getFieldType('singleSelect');

  it('matches a choice by name, case-insensitive and trimmed', () => {
    expect(parsed(field, 'vip')).toBe('VIP');
    expect(parsed(field, ' 普通 ')).toBe('普通');
    expect(parsed(field, 'new')).toBe('New');
    expect(parsed(field, '金卡')).toBe('!notChoice');
    expect(parsed(field, 'VIP, 普通')).toBe('!notChoice');
  });

  it('sorts by choice order, unknown names after, empty last', () => {
    expect(sorted(field, ['New', null, '金卡', 'VIP', '普通'])).toEqual([
      'VIP',
      '普通',
      'New',
      '金卡',
      null,
    ]);
  });

  it('formats the name and repairs stored values', () => {
    expect(mod.format('VIP', field, zh)).toBe('VIP');
    expect(mod.toText('New', field, en)).toBe('New');
    expect(mod.repair('vip', field, zh)).toBe('VIP');
    expect(mod.repair('已删除', field, zh)).toEqual({ invalid: '已删除' });
    expect(mod.repair(['VIP'], field, zh)).toBe('VIP');
  });
});

describe('multiSelect', () => {
  const field = makeField('multiSelect', choices('老客', '团购', 'VIP'));
  const mod = getFieldType('multiSelect');

  it('splits on , ， 、 ; ； and matches every name', () => {
    expect(parsed(field, '老客, 团购')).toEqual(['老客', '团购']);
    expect(parsed(field, '老客，团购、vip')).toEqual(['老客', '团购', 'VIP']);
    expect(parsed(field, 'VIP;老客；')).toEqual(['VIP', '老客']);
    expect(parsed(field, '老客, 老客')).toEqual(['老客']);
    expect(parsed(field, '老客, 新客')).toBe('!notChoice');
    expect(parsed(field, ' , ')).toBe('!notChoice');
  });

  it('formats joined and copies text that reads back', () => {
    expect(mod.format(['老客', '团购'], field, zh)).toBe('老客, 团购');
    expect(parsed(field, mod.toText(['VIP', '老客'], field, en))).toEqual(['VIP', '老客']);
  });

  it('sorts by choice positions', () => {
    expect(sorted(field, [['VIP'], ['团购'], [], ['老客', 'VIP'], ['老客']])).toEqual([
      ['老客'],
      ['老客', 'VIP'],
      ['团购'],
      ['VIP'],
      [],
    ]);
  });

  it('repairs arrays and strings', () => {
    expect(mod.repair(['vip', '老客'], field, zh)).toEqual(['VIP', '老客']);
    expect(mod.repair('团购、老客', field, zh)).toEqual(['团购', '老客']);
    expect(mod.repair(['VIP', '新客'], field, zh)).toEqual({ invalid: 'VIP, 新客' });
    expect(mod.repair([], field, zh)).toBeNull();
  });
});

describe('choice helpers', () => {
  it('splitChoiceText drops empties and repeats', () => {
    expect(splitChoiceText('a, b，,c、A')).toEqual(['a', 'b', 'c']);
  });

  it('addMissingChoices adds new names with round-robin colours and fresh ids', () => {
    setIdSource(createSequentialIds('c'));
    const existing = choices('a').choices ?? [];
    const result = addMissingChoices(existing, ['A', 'b', 'c', 'b']);
    expect(result.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(result.map((c) => c.color)).toEqual(['blue', 'red', 'orange']);
    expect(result[1]?.id).toMatch(/^opt_c/);
    expect(new Set(result.map((c) => c.id)).size).toBe(3);
  });
});
