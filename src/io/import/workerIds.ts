/**
 * Record ids for the import worker: the same shape as domain/ids' random ids, drawn from a pool
 * of random bytes (one crypto call per 5,000 ids instead of one per id: a million-row import).
 */
import type { IdSource } from '../../domain/ids';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const ID_LENGTH = 12;
/** getRandomValues fills at most 65,536 bytes per call. */
const POOL_BYTES = 65_536 - (65_536 % ID_LENGTH);

export function createPooledRandomIds(): IdSource {
  const pool = new Uint8Array(POOL_BYTES);
  let pos = POOL_BYTES;
  return {
    next(prefix) {
      if (pos + ID_LENGTH > POOL_BYTES) {
        crypto.getRandomValues(pool);
        pos = 0;
      }
      let s = '';
      for (let i = 0; i < ID_LENGTH; i++) s += ALPHABET[(pool[pos++] ?? 0) % 36];
      return `${prefix}_${s}`;
    },
  };
}
