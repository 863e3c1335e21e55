/**
 * Writes a backup as a stream: the header line, then records page by page as they are read,
 * then the trailer, through the browser's gzip CompressionStream. Nothing holds the whole
 * file as one string; the compressed bytes are gathered into a Blob.
 */
import type { TableRecord } from '../../domain/model';
import { yieldToEventLoop } from '../../domain/pause';
import type { BackupHeader, BackupTrailer } from './format';
import { BACKUP_MIME } from './format';

/** The uncompressed JSON Lines bytes, pulled page by page (backpressure from the reader). */
export function createBackupLines(
  header: BackupHeader,
  pages: AsyncIterable<readonly TableRecord[]>,
  pause: () => Promise<void> = yieldToEventLoop,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  let count = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${JSON.stringify(header)}\n`));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        const trailer: BackupTrailer = { end: count };
        controller.enqueue(encoder.encode(`${JSON.stringify(trailer)}\n`));
        controller.close();
        return;
      }
      count += next.value.length;
      let text = '';
      for (const record of next.value) text += `${JSON.stringify(record)}\n`;
      if (text) controller.enqueue(encoder.encode(text));
      // Pages from memory and the gzip stream all settle in microtasks: without a real pause
      // a million records would hold the page for seconds.
      await pause();
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

export function compressGzip(stream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  // The DOM typings give CompressionStream a BufferSource input; Uint8Array is one.
  const gzip = new CompressionStream('gzip') as unknown as ReadableWritablePair<
    Uint8Array,
    Uint8Array
  >;
  return stream.pipeThrough(gzip);
}

/** Gathers a byte stream into a Blob (parts stay separate; no single giant buffer). */
export async function collectBlob(stream: ReadableStream<Uint8Array>, type: string): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value as Uint8Array<ArrayBuffer>);
  }
  return new Blob(parts, { type });
}

/** The compressed backup file. */
export function writeBackup(
  header: BackupHeader,
  pages: AsyncIterable<readonly TableRecord[]>,
): Promise<Blob> {
  return collectBlob(compressGzip(createBackupLines(header, pages)), BACKUP_MIME);
}
