import { getFieldType } from '../../../src/domain/fields/index';
import { en, makeField, parsed, sorted, zh } from './helpers';

describe('text and long text', () => {
  const text = makeField('text');
  const long = makeField('longText');

  it('keep any text exactly as typed', () => {
    expect(parsed(text, '  张三 ')).toBe('  张三 ');
    expect(parsed(long, '第一行\n第二行')).toBe('第一行\n第二行');
    expect(parsed(text, 'Hello, world')).toBe('Hello, world');
    expect(parsed(text, '')).toBeNull();
  });

  it('sort by pinyin with numeric runs, empty last', () => {
    expect(sorted(text, ['张三', null, '李四', '阿强', '王五'])).toEqual([
      '阿强',
      '李四',
      '王五',
      '张三',
      null,
    ]);
    expect(sorted(text, ['item 10', 'item 2', 'Item 1'])).toEqual(['Item 1', 'item 2', 'item 10']);
  });

  it('format and toText give the text', () => {
    const mod = getFieldType('text');
    expect(mod.format('王五', text, zh)).toBe('王五');
    expect(mod.toText('Alice', text, en)).toBe('Alice');
    expect(mod.format(undefined, text, en)).toBe('');
  });

  it('repair turns anything readable into text', () => {
    const mod = getFieldType('text');
    expect(mod.repair(12, text, zh)).toBe('12');
    expect(mod.repair(true, text, zh)).toBe('true');
    expect(mod.repair(['a', 'b'], text, zh)).toBe('a, b');
    expect(mod.repair({ invalid: '旧值' }, text, zh)).toBe('旧值');
    expect(mod.repair({ a: 1 }, text, zh)).toBe('{"a":1}');
    expect(mod.repair(null, text, zh)).toBeNull();
  });
});

describe('phone', () => {
  const field = makeField('phone');
  const mod = getFieldType('phone');

  it.each([
    '+86 138-0013-8000',
    '0571-8888 6666',
    '13800138000',
    '(021) 6666.8888',
    '010-12345678',
    '95588',
  ])('keeps %s as typed', (phone) => {
    expect(parsed(field, phone)).toBe(phone);
  });

  it('trims and normalises full-width digits only', () => {
    expect(parsed(field, ' ０５７１-８８８８６６６６ ')).toBe('0571-88886666');
  });

  it.each(['abc', '138-0013-800a', '1234', '+86 1234567890123456', '电话', '138 0013 8000 转 12'])(
    'rejects %s',
    (text) => {
      expect(parsed(field, text)).toBe('!notPhone');
    },
  );

  it('repairs numbers without losing digits, keeps invalid text flagged', () => {
    expect(mod.repair(13800138000, field, zh)).toBe('13800138000');
    expect(mod.repair('不详', field, zh)).toEqual({ invalid: '不详' });
    expect(mod.repair({ invalid: 'x' }, field, zh)).toEqual({ invalid: 'x' });
  });

  it('sorts as text, invalid after valid', () => {
    expect(sorted(field, [{ invalid: '?' }, '13900000000', '0571-8888'])).toEqual([
      '0571-8888',
      '13900000000',
      { invalid: '?' },
    ]);
    expect(sorted(field, ['13900000000', null, '13800000000'])).toEqual([
      '13800000000',
      '13900000000',
      null,
    ]);
  });
});

describe('email', () => {
  const field = makeField('email');
  it.each(['a@b.cn', 'li.lei+vip@qq.com', '张三@例子.中国', 'Bob@Example.COM'])(
    'accepts %s',
    (e) => {
      expect(parsed(field, ` ${e} `)).toBe(e);
    },
  );
  it('drops a mailto: prefix', () => {
    expect(parsed(field, 'mailto:a@b.cn')).toBe('a@b.cn');
  });
  it.each(['abc', 'a@b', '@b.cn', 'a b@c.cn', 'a@@b.cn', 'a@b..cn', 'a@b.c'])('rejects %s', (e) => {
    expect(parsed(field, e)).toBe('!notEmail');
  });
  it('repairs and formats', () => {
    const mod = getFieldType('email');
    expect(mod.repair('x@y.com', field, en)).toBe('x@y.com');
    expect(mod.repair('nope', field, en)).toEqual({ invalid: 'nope' });
    expect(mod.format({ invalid: 'nope' }, field, en)).toBe('nope');
  });
});

describe('url', () => {
  const field = makeField('url');
  it.each([
    'https://example.com',
    'http://shop.example.com/a?b=1',
    'www.taobao.com',
    'example.com',
    'example.com/path/page.html',
    'weidian.com:8080/shop',
    '例子.中国',
  ])('accepts %s as typed', (u) => {
    expect(parsed(field, u)).toBe(u);
  });
  it.each(['abc', '1.5', 'http://', 'not a url.com', 'ftp//x', 'a.b'])('rejects %s', (u) => {
    expect(parsed(field, u)).toBe('!notUrl');
  });
  it('sorts and repairs', () => {
    const mod = getFieldType('url');
    expect(sorted(field, ['b.com', null, 'a.com'])).toEqual(['a.com', 'b.com', null]);
    expect(mod.repair(42, field, zh)).toEqual({ invalid: '42' });
  });
});
