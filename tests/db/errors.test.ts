import Dexie from 'dexie';
import { classifyStorageError, StorageQuotaError, toStorageError } from '../../src/db/errors';

describe('classifyStorageError', () => {
  it('recognises quota errors however they are wrapped', () => {
    expect(classifyStorageError(new DOMException('full', 'QuotaExceededError'))).toBe('quota');
    expect(classifyStorageError({ name: Dexie.errnames.QuotaExceeded })).toBe('quota');
    const inner = new DOMException('full', 'QuotaExceededError');
    expect(classifyStorageError(new Dexie.AbortError('aborted', inner))).toBe('quota');
    expect(classifyStorageError(new Dexie.OpenFailedError('open', inner))).toBe('quota');
    const bulk = new Dexie.BulkError('1 of 2 failed', { 1: inner });
    expect(classifyStorageError(bulk)).toBe('quota');
    expect(classifyStorageError(new Error('wrapped', { cause: inner }))).toBe('quota');
    expect(classifyStorageError(new StorageQuotaError(inner))).toBe('quota');
  });

  it('recognises storage that is unavailable or blocked', () => {
    expect(classifyStorageError(new Dexie.MissingAPIError('no indexedDB'))).toBe('blocked');
    expect(classifyStorageError(new Dexie.DatabaseClosedError('closed'))).toBe('blocked');
    expect(classifyStorageError(new DOMException('private mode', 'InvalidStateError'))).toBe(
      'blocked',
    );
    expect(classifyStorageError(new DOMException('denied', 'SecurityError'))).toBe('blocked');
  });

  it('says unknown for anything else', () => {
    expect(classifyStorageError(new Error('boom'))).toBe('unknown');
    expect(classifyStorageError(new Dexie.ConstraintError('dup key'))).toBe('unknown');
    expect(classifyStorageError(new Dexie.AbortError('aborted', new Error('x')))).toBe('unknown');
    expect(classifyStorageError(undefined)).toBe('unknown');
    expect(classifyStorageError('QuotaExceededError')).toBe('unknown');
  });

  it('survives self-referencing errors', () => {
    const loop: { name: string; inner?: unknown } = { name: 'Weird' };
    loop.inner = loop;
    expect(classifyStorageError(loop)).toBe('unknown');
  });
});

describe('toStorageError', () => {
  it('wraps quota failures and passes others through unchanged', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    const wrapped = toStorageError(quota);
    expect(wrapped).toBeInstanceOf(StorageQuotaError);
    expect((wrapped as StorageQuotaError).cause).toBe(quota);
    expect(toStorageError(wrapped)).toBe(wrapped);
    const other = new Error('other');
    expect(toStorageError(other)).toBe(other);
  });
});
