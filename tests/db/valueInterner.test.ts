import { describe, expect, it } from 'vitest';
import { ValueInterner } from '../../src/db/valueInterner';
import type { CellValue } from '../../src/domain/model';

// Which copy of a string a record holds cannot be seen from JavaScript: these tests check that
// every value stays as read, and which fields the interner keeps sharing.
describe('ValueInterner', () => {
  it('keeps every value as read, strings in lists included', () => {
    const interner = new ValueInterner();
    const invalid = { invalid: 'abc' };
    const a: Record<string, CellValue> = { city: '上海', tags: ['老客', 'VIP'], n: 1.5 };
    const b: Record<string, CellValue> = {
      city: '上海',
      tags: ['VIP'],
      b: true,
      e: null,
      x: invalid,
    };
    interner.internValues(a);
    interner.internValues(b);
    expect(a).toEqual({ city: '上海', tags: ['老客', 'VIP'], n: 1.5 });
    expect(b).toEqual({ city: '上海', tags: ['VIP'], b: true, e: null, x: { invalid: 'abc' } });
    expect(b.x).toBe(invalid);
    expect(interner.distinct('city')).toBe(1);
    expect(interner.distinct('tags')).toBe(2);
    expect(interner.distinct('n')).toBeNull();
  });

  it('stops sharing a field whose values do not repeat, and keeps sharing one that does', () => {
    const interner = new ValueInterner();
    for (let i = 0; i < 5000; i++) {
      const phone = `138${String(i).padStart(8, '0')}`;
      expect(interner.share('phone', phone)).toBe(phone);
      interner.share('gender', i % 3 ? '男' : '女');
    }
    expect(interner.distinct('phone')).toBeNull();
    expect(interner.distinct('gender')).toBe(2);
    expect(interner.share('phone', '13800000007')).toBe('13800000007');
  });

  it('keeps fields apart and leaves long texts out', () => {
    const interner = new ValueInterner();
    const long = '这是一段很长的备注'.repeat(10);
    expect(interner.share('notes', long)).toBe(long);
    expect(interner.distinct('notes')).toBeNull();
    interner.share('a', 'x');
    interner.share('b', 'x');
    interner.share('b', 'y');
    expect(interner.distinct('a')).toBe(1);
    expect(interner.distinct('b')).toBe(2);
  });
});
