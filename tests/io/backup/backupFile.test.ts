// @vitest-environment node
import type { FieldId, RecordId, TableId, ViewId, WorkspaceId } from '../../../src/domain/ids';
import type { TableRecord } from '../../../src/domain/model';
import type { BackupHeader } from '../../../src/io/backup/format';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../../src/io/backup/format';
import { readBackup, streamOfBlob } from '../../../src/io/backup/reader';
import { compressGzip, writeBackup } from '../../../src/io/backup/writer';

const T = 'tbl_1' as TableId;
const F = 'fld_1' as FieldId;
const header: BackupHeader = {
  format: BACKUP_FORMAT,
  version: BACKUP_VERSION,
  createdAt: 1_700_000_000_000,
  meta: { id: 'wsp_1' as WorkspaceId, name: '我的店', createdAt: 1, language: 'zh-CN' },
  tables: [{ id: T, name: '客户', order: 0, primaryFieldId: F }],
  fields: [{ id: F, tableId: T, name: '姓名', type: 'text', options: {} }],
  views: [
    {
      id: 'viw_1' as ViewId,
      tableId: T,
      name: '全部',
      order: 0,
      columns: [{ fieldId: F, width: 120 }],
      sorts: [],
      filters: [],
      filterMode: 'and',
    },
  ],
};

function makeRecords(n: number): TableRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `rec_${i}` as RecordId,
    tableId: T,
    order: i,
    values: { [F]: i % 3 === 0 ? { invalid: `坏值${i}` } : `客户${i}\n"x"` },
    createdAt: 1000 + i,
    modifiedAt: 2000 + i,
  }));
}

async function* pagesOf(records: TableRecord[], size: number) {
  for (let i = 0; i < records.length; i += size) yield records.slice(i, i + size);
}

function streamOfText(text: string): ReadableStream<Uint8Array> {
  return streamOfBlob(new Blob([text]));
}

async function gzipText(text: string): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const reader = compressGzip(streamOfText(text)).getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read())
    parts.push(next.value as Uint8Array<ArrayBuffer>);
  return new Blob(parts);
}

describe('backup file', () => {
  it('round-trips header and records through gzip', async () => {
    const records = makeRecords(2500);
    const blob = await writeBackup(header, pagesOf(records, 1000));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const result = await readBackup(streamOfBlob(blob));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup.header).toEqual(header);
    expect(result.backup.records).toEqual(records);
  });

  it('reads an unpacked (plain JSON Lines) backup too', async () => {
    const text = `${JSON.stringify(header)}\n${JSON.stringify(makeRecords(1)[0])}\n{"end":1}\n`;
    const result = await readBackup(streamOfText(text));
    expect(result.ok && result.backup.records).toHaveLength(1);
  });

  it('writes an empty workspace as header and trailer', async () => {
    const blob = await writeBackup(header, pagesOf([], 10));
    const result = await readBackup(streamOfBlob(blob));
    expect(result.ok && result.backup.records).toEqual([]);
  });

  const cases: [string, () => Promise<Blob> | Blob, string][] = [
    ['an empty file', () => new Blob([]), 'empty'],
    ['a CSV file', () => new Blob(['姓名,电话\n张三,138\n']), 'notBackup'],
    ['random JSON', () => gzipText('{"hello":1}\n'), 'notBackup'],
    [
      'a newer version',
      () => gzipText(`${JSON.stringify({ ...header, version: 99 })}\n`),
      'newerVersion',
    ],
    [
      'a field of an unknown type',
      () =>
        gzipText(
          `${JSON.stringify({ ...header, fields: [{ ...header.fields[0], type: 'hologram' }] })}\n{"end":0}\n`,
        ),
      'corrupt',
    ],
    [
      'a view of a missing table',
      () =>
        gzipText(
          `${JSON.stringify({ ...header, views: [{ ...header.views[0], tableId: 'tbl_x' }] })}\n{"end":0}\n`,
        ),
      'corrupt',
    ],
    [
      'a record of a missing table',
      () =>
        gzipText(
          `${JSON.stringify(header)}\n${JSON.stringify({ ...makeRecords(1)[0], tableId: 'tbl_x' })}\n{"end":1}\n`,
        ),
      'corrupt',
    ],
    [
      'a record with an object value',
      () =>
        gzipText(
          `${JSON.stringify(header)}\n${JSON.stringify({ ...makeRecords(1)[0], values: { [F]: { a: 1 } } })}\n{"end":1}\n`,
        ),
      'corrupt',
    ],
    [
      'a record twice',
      () => {
        const r = JSON.stringify(makeRecords(1)[0]);
        return gzipText(`${JSON.stringify(header)}\n${r}\n${r}\n{"end":2}\n`);
      },
      'corrupt',
    ],
    ['no trailer', () => gzipText(`${JSON.stringify(header)}\n`), 'truncated'],
    ['a wrong record count', () => gzipText(`${JSON.stringify(header)}\n{"end":5}\n`), 'truncated'],
  ];
  it.each(cases)('rejects %s', async (_name, make, problem) => {
    const result = await readBackup(streamOfBlob(await make()));
    expect(result).toMatchObject({ ok: false, problem });
  });

  it('rejects a gzip file cut short', async () => {
    const blob = await writeBackup(header, pagesOf(makeRecords(3000), 500));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const cut = new Blob([bytes.slice(0, Math.floor(bytes.length * 0.6))]);
    const result = await readBackup(streamOfBlob(cut));
    expect(result).toMatchObject({ ok: false, problem: 'truncated' });
  });

  it('rejects binary garbage that happens to start like gzip', async () => {
    const bytes = new Uint8Array(200).map((_, i) => (i * 37) % 256);
    bytes[0] = 0x1f;
    bytes[1] = 0x8b;
    const result = await readBackup(streamOfBlob(new Blob([bytes])));
    expect(result).toMatchObject({ ok: false, problem: 'notBackup' });
  });
});
