/**
 * Reads a backup file back, streaming: gzip (or plain JSON Lines, for a file someone unpacked)
 * is decoded line by line and every line validated. The result is all or nothing: either a
 * complete, consistent workspace or a problem saying why, before anything is written.
 */
import type { TableRecord } from '../../domain/model';
import type { BackupHeader, BackupProblem, BackupReadResult } from './format';
import { BACKUP_VERSION } from './format';
import { isBackupHeaderLike, isBackupRecord, readHeaderEntities } from './validate';

class BackupFileError extends Error {
  override name = 'BackupFileError';
  constructor(readonly problem: BackupProblem) {
    super(problem);
  }
}

const fail = (problem: BackupProblem): never => {
  throw new BackupFileError(problem);
};

/** Collects lines into a workspace, checking each as it comes. */
class BackupAssembler {
  header: BackupHeader | null = null;
  tableIds: ReadonlySet<string> = new Set();
  records: TableRecord[] = [];
  recordIds = new Set<string>();
  ended = false;

  acceptLine(line: string): void {
    if (line.trim() === '') return;
    if (this.ended) fail('corrupt');
    const value = parseJson(line, this.header ? 'corrupt' : 'notBackup');
    if (!this.header) return this.acceptHeader(value);
    if (typeof value === 'object' && value !== null && 'end' in value) {
      if ((value as { end: unknown }).end !== this.records.length) fail('truncated');
      this.ended = true;
      return;
    }
    if (!isBackupRecord(value, this.tableIds) || this.recordIds.has(value.id)) fail('corrupt');
    const record = value as TableRecord;
    this.recordIds.add(record.id);
    this.records.push(record);
  }

  private acceptHeader(value: unknown): void {
    if (!isBackupHeaderLike(value)) return fail('notBackup');
    if (value.version > BACKUP_VERSION) return fail('newerVersion');
    this.header = readHeaderEntities(value) ?? fail('corrupt');
    this.tableIds = new Set<string>(this.header.tables.map((t) => t.id));
  }
}

function parseJson(line: string, problem: BackupProblem): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return fail(problem);
  }
}

/** Reads the first bytes, then gives back a stream that still starts at the beginning. */
async function peek(
  source: ReadableStream<Uint8Array>,
): Promise<{ head: Uint8Array; stream: ReadableStream<Uint8Array> }> {
  const reader = source.getReader();
  const first = await reader.read();
  const head = first.done ? new Uint8Array(0) : first.value;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.length > 0) controller.enqueue(head);
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { head, stream };
}

function gunzip(): ReadableWritablePair<Uint8Array, Uint8Array> {
  // The DOM typings give DecompressionStream a BufferSource input; Uint8Array is one.
  return new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
}

function isGzip(head: Uint8Array): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}

async function readLines(
  stream: ReadableStream<Uint8Array>,
  onLine: (line: string) => void,
): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const reader = stream.getReader();
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let at = pending.indexOf('\n');
    while (at >= 0) {
      onLine(pending.slice(0, at));
      pending = pending.slice(at + 1);
      at = pending.indexOf('\n');
    }
    if (done) break;
  }
  onLine(pending);
}

/** Reads and validates a whole backup file. Never throws for a bad file: it says why. */
export async function readBackup(source: ReadableStream<Uint8Array>): Promise<BackupReadResult> {
  const assembler = new BackupAssembler();
  try {
    const { head, stream } = await peek(source);
    if (head.length === 0) return { ok: false, problem: 'empty' };
    const gzip = isGzip(head);
    // An unpacked backup (plain JSON Lines) starts with its header object.
    if (!gzip && head[0] !== 0x7b) return { ok: false, problem: 'notBackup' };
    const text = gzip ? stream.pipeThrough(gunzip()) : stream;
    await readLines(text, (line) => assembler.acceptLine(line));
  } catch (err) {
    if (err instanceof BackupFileError) return { ok: false, problem: err.problem };
    // Broken gzip or UTF-8: a file cut short, or not ours at all.
    const problem: BackupProblem = assembler.header ? 'truncated' : 'notBackup';
    return { ok: false, problem, detail: err instanceof Error ? err.message : String(err) };
  }
  if (!assembler.header) return { ok: false, problem: 'notBackup' };
  if (!assembler.ended) return { ok: false, problem: 'truncated' };
  return { ok: true, backup: { header: assembler.header, records: assembler.records } };
}

/** A Blob or File as a byte stream (jsdom's Blob has no stream(); browsers' do). */
export function streamOfBlob(blob: Blob): ReadableStream<Uint8Array> {
  if (typeof blob.stream === 'function') return blob.stream() as ReadableStream<Uint8Array>;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(new Uint8Array(await blob.arrayBuffer()));
      controller.close();
    },
  });
}
