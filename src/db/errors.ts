/**
 * Maps storage failures to a few kinds the UI can explain ("the disk is full", "storage is
 * blocked in this browser"). Dexie wraps native errors, so we look through `inner` too.
 */
import Dexie from 'dexie';

export type StorageErrorKind = 'quota' | 'blocked' | 'unknown';

/** Thrown by writes (applyChanges, bulkInsertRecords) when the browser refuses more data. */
export class StorageQuotaError extends Error {
  override name = 'StorageQuotaError';
  constructor(cause: unknown) {
    super('The browser storage quota is exhausted; nothing was written.', { cause });
  }
}

/** Names meaning "this browser will not let us use IndexedDB right now". */
const BLOCKED_NAMES: ReadonlySet<string> = new Set([
  Dexie.errnames.MissingAPI,
  Dexie.errnames.DatabaseClosed,
  Dexie.errnames.VersionChange,
  Dexie.errnames.InvalidState,
  'SecurityError',
  'BlockedError',
]);

const MAX_DEPTH = 5;

export function classifyStorageError(err: unknown): StorageErrorKind {
  if (hasName(err, (name) => name === Dexie.errnames.QuotaExceeded, 0)) return 'quota';
  if (err instanceof StorageQuotaError) return 'quota';
  if (hasName(err, (name) => BLOCKED_NAMES.has(name), 0)) return 'blocked';
  return 'unknown';
}

export function isQuotaError(err: unknown): boolean {
  return classifyStorageError(err) === 'quota';
}

/** Rethrow helper: quota failures become StorageQuotaError, anything else passes through. */
export function toStorageError(err: unknown): unknown {
  if (err instanceof StorageQuotaError) return err;
  return isQuotaError(err) ? new StorageQuotaError(err) : err;
}

/** Looks at the error, its `inner`/`cause`, and a BulkError's `failures`. */
function hasName(err: unknown, test: (name: string) => boolean, depth: number): boolean {
  if (typeof err !== 'object' || err === null || depth > MAX_DEPTH) return false;
  const e = err as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof e.name === 'string' && test(e.name)) return true;
  if (hasName(e.inner, test, depth + 1) || hasName(e.cause, test, depth + 1)) return true;
  const failures = Array.isArray(e.failures)
    ? e.failures
    : typeof e.failures === 'object' && e.failures !== null
      ? Object.values(e.failures)
      : [];
  return failures.some((f: unknown) => hasName(f, test, depth + 1));
}
