/**
 * Reads a table in a worker (packedReader.worker.ts) and takes its packed chunks in as lazy
 * records (domain/packedRecords.ts), one chunk per task.
 */
import type { TableId } from '../domain/ids';
import type { TableRecord } from '../domain/model';
import { unpackRecords, type PackedChunk } from '../domain/packedRecords';

export interface PackedReadRequest {
  dbName: string;
  tableId: TableId;
}

export type PackedReadReply =
  | { kind: 'chunk'; chunk: PackedChunk }
  | { kind: 'done'; total: number }
  | { kind: 'failed'; name: string; message: string };

/** What the reader needs of a worker (tests pass their own). */
export interface ReaderPort {
  postMessage(message: PackedReadRequest): void;
  onmessage: ((event: MessageEvent<PackedReadReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** Whether this page can read tables in a worker. */
export function canReadInWorker(): boolean {
  return typeof Worker !== 'undefined';
}

function readerWorker(): ReaderPort {
  return new Worker(new URL('./packedReader.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as ReaderPort;
}

/** A failure the worker reported, under the name it had there (e.g. QuotaExceededError). */
export class TableReadError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** The table's records in bucket order (not table order), as lazy records over packed chunks. */
export function readTableInWorker(
  dbName: string,
  tableId: TableId,
  port: ReaderPort = readerWorker(),
): Promise<TableRecord[]> {
  return new Promise((resolve, reject) => {
    const records: TableRecord[] = [];
    const end = (): void => {
      port.onmessage = null;
      port.onerror = null;
      port.terminate();
    };
    port.onmessage = ({ data }) => {
      if (data.kind === 'chunk') unpackRecords(data.chunk, records);
      else if (data.kind === 'done') {
        end();
        if (records.length === data.total) resolve(records);
        else
          reject(
            new TableReadError('DataError', `Read ${records.length} of ${data.total} records`),
          );
      } else {
        end();
        reject(new TableReadError(data.name, data.message));
      }
    };
    port.onerror = (event) => {
      end();
      reject(new TableReadError('Error', event.message || 'The table reader stopped'));
    };
    port.postMessage({ dbName, tableId });
  });
}
