/**
 * Floors for the import/export bench: the same work done by the libraries alone (papaparse or
 * SheetJS, then one Dexie bulkAdd into a scratch database with the app's records store layout).
 */
import { read, utils } from '@e965/xlsx';
import Dexie, { type EntityTable } from 'dexie';
import Papa from 'papaparse';
import type { FieldId, TableId } from '../../../src/domain/ids';
import { newRecordId } from '../../../src/domain/ids';
import type { CellValue, TableRecord } from '../../../src/domain/model';
import { SCHEMA_V2 } from '../../../src/db/schema';

const FLOOR_DB = 'regulars-bench-floor';
const FLOOR_TABLE = 'tbl_floor' as TableId;

class FloorDb extends Dexie {
  records!: EntityTable<TableRecord, 'id'>;

  constructor() {
    super(FLOOR_DB);
    // The app's records store, indexes included: IndexedDB pays per index entry too.
    this.version(1).stores({ records: SCHEMA_V2.records });
  }
}

export interface FloorTiming {
  ms: number;
  /** Reading the file and parsing it. */
  parseMs: number;
  /** Making the records and the one bulkAdd transaction. */
  writeMs: number;
  rows: number;
}

const FIELD_IDS = Array.from({ length: 64 }, (_, i) => `fld_floor${i}` as FieldId);

/** Data rows (after the header) as records shaped like the app's. */
function buildRecords(rows: readonly unknown[][], now: number): TableRecord[] {
  const records: TableRecord[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    // papaparse gives the trailing line break an empty row of its own.
    if (row.length === 1 && row[0] === '') continue;
    const values: Partial<Record<FieldId, CellValue>> = {};
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      const id = FIELD_IDS[c];
      if (id !== undefined && v !== undefined && v !== null && v !== '')
        values[id] = v instanceof Date ? v.toISOString().slice(0, 10) : (v as CellValue);
    }
    records.push({
      id: newRecordId(),
      tableId: FLOOR_TABLE,
      order: records.length,
      values,
      createdAt: now,
      modifiedAt: now,
    });
  }
  return records;
}

async function openFloorDb(): Promise<FloorDb> {
  await Dexie.delete(FLOOR_DB);
  const db = new FloorDb();
  await db.open();
  return db;
}

/** Times `parse` then the write of its rows; the scratch database is deleted afterwards. */
async function timeFloor(parse: () => Promise<unknown[][]>): Promise<FloorTiming> {
  const db = await openFloorDb();
  try {
    const started = performance.now();
    const rows = await parse();
    const parsed = performance.now();
    const records = buildRecords(rows, Date.now());
    await db.transaction('rw', db.records, async () => {
      await db.records.bulkAdd(records);
    });
    const written = performance.now();
    return {
      ms: written - started,
      parseMs: parsed - started,
      writeMs: written - parsed,
      rows: records.length,
    };
  } finally {
    db.close();
    await Dexie.delete(FLOOR_DB);
  }
}

export function csvFloor(file: File): Promise<FloorTiming> {
  return timeFloor(async () => {
    const text = await file.text();
    return Papa.parse<unknown[]>(text, { header: false }).data;
  });
}

export function xlsxFloor(file: File): Promise<FloorTiming> {
  return timeFloor(async () => {
    const book = read(await file.arrayBuffer(), { dense: true, cellDates: true });
    const sheet = book.Sheets[book.SheetNames[0] ?? ''];
    return sheet ? utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true }) : [];
  });
}

/** papaparse writing the same rows' stored values (no formatting), as one CSV Blob. */
export function unparseFloor(
  records: readonly TableRecord[],
  fieldIds: readonly FieldId[],
  headers: readonly string[],
): { ms: number; bytes: number } {
  const started = performance.now();
  const data: unknown[][] = [[...headers]];
  for (const r of records) data.push(fieldIds.map((f) => r.values[f] ?? ''));
  const blob = new Blob(['\uFEFF', Papa.unparse(data)], { type: 'text/csv' });
  return { ms: performance.now() - started, bytes: blob.size };
}

export interface WriteVariant {
  name: string;
  ms: number;
  recordsPerSec: number;
}

/** One way of writing records: bulkAdd or bulkPut, all at once or in awaited chunks. */
async function timeWrite(
  records: readonly TableRecord[],
  method: 'bulkAdd' | 'bulkPut',
  chunk: number,
): Promise<WriteVariant> {
  const db = await openFloorDb();
  try {
    const started = performance.now();
    await db.transaction('rw', db.records, async () => {
      for (let at = 0; at < records.length; at += chunk)
        await db.records[method](records.slice(at, at + chunk));
    });
    const ms = performance.now() - started;
    const name = `${method} ${chunk >= records.length ? 'all at once' : `in chunks of ${chunk}`}`;
    return { name, ms, recordsPerSec: Math.round(records.length / (ms / 1000)) };
  } finally {
    db.close();
    await Dexie.delete(FLOOR_DB);
  }
}

/**
 * Where IndexedDB's time goes: the file's records written four ways, each in one transaction
 * into an empty store (the floor's way, and the app's way: bulkPut in chunks of 5,000).
 */
export async function compareWrites(file: File, limit: number): Promise<WriteVariant[]> {
  const text = await file.text();
  const rows = Papa.parse<unknown[]>(text, { header: false }).data.slice(0, limit + 1);
  const records = buildRecords(rows, Date.now());
  const results: WriteVariant[] = [];
  for (const [method, chunk] of [
    ['bulkAdd', records.length],
    ['bulkPut', records.length],
    ['bulkAdd', 5000],
    ['bulkPut', 5000],
  ] as const)
    results.push(await timeWrite(records, method, chunk));
  return results;
}
