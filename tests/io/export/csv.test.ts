// @vitest-environment node
import {
  buildCsvBlob,
  buildCsvBlobInSteps,
  buildCsvParts,
  formatCsvCell,
  neutraliseCell,
  restoreNeutralised,
} from '../../../src/io/export/csv';
import type { ExportColumn } from '../../../src/io/export/types';

type Row = readonly string[];
const columns = (headers: string[]): ExportColumn<Row>[] =>
  headers.map((header, i) => ({
    header,
    text: (row) => row[i] ?? '',
    typed: (row) => ({ t: 's', v: row[i] ?? '' }),
  }));

describe('neutraliseCell', () => {
  it.each(['=1+1', '+86 138 0000 0000', '-A1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("x")', '-'])(
    'prefixes %j with an apostrophe',
    (text) => {
      expect(neutraliseCell(text)).toBe(`'${text}`);
    },
  );
  it.each(['-12.5', '-3', '-0.5', '-1e5', '12', 'plain', '张三', '', "'already"])(
    'leaves %j alone',
    (text) => {
      expect(neutraliseCell(text)).toBe(text);
    },
  );
  it('prefixes text that already has apostrophes before a formula character once more', () => {
    expect(neutraliseCell("'=1+1")).toBe("''=1+1");
    expect(neutraliseCell("''-x")).toBe("'''-x");
  });
  it('neutralises a negative number followed by more (it could be an expression)', () => {
    expect(neutraliseCell('-12.5+A1')).toBe("'-12.5+A1");
    expect(neutraliseCell('-12,5')).toBe("'-12,5");
  });
});

describe('restoreNeutralised', () => {
  it.each([
    '=1+1',
    '+86 138 0000 0000',
    '-A1',
    '@x',
    '\tx',
    "'=1+1",
    "''-x",
    "'already",
    "'",
    '-12.5',
    '12',
    '张三',
    '',
    "it's",
  ])('gives back what the export wrote for %j', (text) => {
    expect(restoreNeutralised(neutraliseCell(text))).toBe(text);
  });
  it('takes off one apostrophe another tool put before a formula character, and no other', () => {
    expect(restoreNeutralised("'-12.5")).toBe('-12.5');
    expect(restoreNeutralised("'+86 139 0000 1111")).toBe('+86 139 0000 1111');
    expect(restoreNeutralised("'007")).toBe("'007");
    expect(restoreNeutralised("'")).toBe("'");
  });
});

describe('formatCsvCell', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(formatCsvCell('a,b')).toBe('"a,b"');
    expect(formatCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(formatCsvCell('line1\r\nline2')).toBe('"line1\r\nline2"');
    expect(formatCsvCell('plain')).toBe('plain');
  });
  it('neutralises before quoting', () => {
    expect(formatCsvCell('=1,2')).toBe(`"'=1,2"`);
  });
});

describe('buildCsvParts', () => {
  it('starts with a BOM, ends every line with CRLF and keeps Chinese text', async () => {
    const blob = buildCsvBlob(columns(['姓名', '备注']), [
      ['张三', '老客户, 爱喝"龙井"'],
      ['李四', '=cmd'],
    ]);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toBe('\uFEFF姓名,备注\r\n张三,"老客户, 爱喝""龙井"""\r\n李四,\'=cmd\r\n');
  });

  it('splits many rows into several parts that join to the whole file', () => {
    const rows = Array.from({ length: 4500 }, (_, i) => [`r${i}`, String(-i)]);
    const parts = buildCsvParts(columns(['a', 'b']), rows);
    expect(parts.length).toBeGreaterThan(2);
    const lines = parts.join('').split('\r\n');
    expect(lines).toHaveLength(4502);
    expect(lines[4500]).toBe('r4499,-4499');
    expect(lines[4501]).toBe('');
  });

  it('writes only the header for no rows', () => {
    expect(buildCsvParts(columns(['a']), []).join('')).toBe('\uFEFFa\r\n');
  });
});

describe('buildCsvBlobInSteps', () => {
  it('writes the same bytes as the one-go build, pausing between blocks', async () => {
    const rows = Array.from({ length: 4500 }, (_, i) => [`客户${i}`, i % 7 ? String(-i) : '=x']);
    const pause = vi.fn(() => Promise.resolve());
    const stepped = await buildCsvBlobInSteps(columns(['a', 'b']), rows, pause);
    expect(pause).toHaveBeenCalledTimes(3);
    const whole = buildCsvBlob(columns(['a', 'b']), rows);
    expect(new Uint8Array(await stepped.arrayBuffer())).toEqual(
      new Uint8Array(await whole.arrayBuffer()),
    );
  });
  it('yields through the real event loop by default', async () => {
    const blob = await buildCsvBlobInSteps(columns(['a']), [['x']]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
    expect(text).toBe('\uFEFFa\r\nx\r\n');
  });
});
