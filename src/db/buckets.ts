/**
 * How records are laid out in IndexedDB (schema v3+): each table's records are spread over a
 * fixed number of buckets by a hash of the record id, and one bucket is one stored object.
 *
 * Why: IndexedDB pays per stored object (and per index entry), not per byte. One object per
 * record wrote 4,000–7,000 and read ~60,000 records/s on the test machine, so a million-row
 * import took minutes; a bucket of ~1,000 records costs about what one record did. Hashing the
 * id (rather than packing rows by position) means any tab finds a record's bucket from its id
 * alone, with no index to keep: a cell edit reads and rewrites one bucket, inside the
 * command's transaction, so two tabs editing records of one bucket still both win.
 * The hash and the bucket count are part of the stored format: never change them.
 */
import { idHash, type RecordId, type TableId } from '../domain/ids';
import type { TableRecord } from '../domain/model';

/** Buckets per table: ~100 records each at 100k rows, ~1,000 at 1M. Stored format: fixed. */
export const BUCKETS_PER_TABLE = 1024;

export interface RecordBucket {
  /** `<tableId>:<bucket number, 4 digits>`. */
  key: string;
  tableId: TableId;
  /** In no particular order: readers sort by `order`. */
  records: TableRecord[];
}

/** The id's FNV-1a hash modulo the bucket count. */
export function bucketNumberOf(recordId: RecordId): number {
  return idHash(recordId) % BUCKETS_PER_TABLE;
}

export function bucketKey(tableId: TableId, bucket: number): string {
  return `${tableId}:${String(bucket).padStart(4, '0')}`;
}

export function bucketKeyOf(tableId: TableId, recordId: RecordId): string {
  return bucketKey(tableId, bucketNumberOf(recordId));
}

/** The keys of the table's buckets `from` to `to` (not included), for one IndexedDB read. */
export function bucketRange(tableId: TableId, from: number, to: number): IDBKeyRange {
  return IDBKeyRange.bound(bucketKey(tableId, from), bucketKey(tableId, to - 1));
}

/** Every bucket key a table can have, in bucket order. */
export function allBucketKeys(tableId: TableId): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BUCKETS_PER_TABLE; b++) keys.push(bucketKey(tableId, b));
  return keys;
}

/**
 * Groups records by bucket key. Used to write new records and by the v2 → v3 migration.
 */
export function groupIntoBuckets(records: Iterable<TableRecord>): Map<string, RecordBucket> {
  const buckets = new Map<string, RecordBucket>();
  for (const record of records) {
    const key = bucketKeyOf(record.tableId, record.id);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { key, tableId: record.tableId, records: [] }));
    bucket.records.push(record);
  }
  return buckets;
}
