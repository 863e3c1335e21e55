/**
 * What kind of file the bytes are (by magic bytes, then name), and the bad-file checks that
 * need no parsing: empty, binary, password-protected, too large.
 */
import type { SourceFormat, SourceProblem } from '../../domain/import/types';

/** Above this the browser cannot hold the file, its text and its rows at once. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
/** How much of a text file the binary and encoding checks look at. */
export const SNIFF_BYTES = 64 * 1024;

export type FileKind = 'zip' | 'ole' | 'text';

export function sniffKind(bytes: Uint8Array): FileKind {
  const [a, b, c, d] = bytes;
  if (a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04) return 'zip';
  if (a === 0xd0 && b === 0xcf && c === 0x11 && d === 0xe0) return 'ole';
  return 'text';
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  const stop = Math.min(end, bytes.length);
  for (let i = start; i < stop; i++) s += String.fromCharCode(bytes[i] ?? 0);
  return s;
}

/**
 * An ODS package should store its `mimetype` entry first, uncompressed; some writers do not,
 * so the entry names (never compressed) decide: content.xml and no xl/workbook.xml.
 */
export function isOdsZip(bytes: Uint8Array): boolean {
  if (latin1(bytes, 30, 200).includes('application/vnd.oasis.opendocument.spreadsheet'))
    return true;
  return containsPattern(bytes, asciiPattern('content.xml')) && !containsPattern(bytes, XLSX_PART);
}

/** The UTF-16LE bytes of `name`, as OLE directory entries store stream names. */
function utf16Pattern(name: string): number[] {
  const out: number[] = [];
  for (const ch of name) out.push(ch.charCodeAt(0), 0);
  return out;
}

function containsPattern(bytes: Uint8Array, pattern: readonly number[]): boolean {
  const first = pattern[0] ?? 0;
  const last = bytes.length - pattern.length;
  for (let i = bytes.indexOf(first); i >= 0 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < pattern.length && bytes[i + j] === pattern[j]) j++;
    if (j === pattern.length) return true;
  }
  return false;
}

function asciiPattern(text: string): number[] {
  return [...text].map((ch) => ch.charCodeAt(0));
}

const XLSX_PART = asciiPattern('xl/workbook');
const ENCRYPTION_INFO = utf16Pattern('EncryptionInfo');
const ENCRYPTED_PACKAGE = utf16Pattern('EncryptedPackage');

/** A password-protected .xlsx is an OLE file holding EncryptionInfo and EncryptedPackage. */
export function isEncryptedOle(bytes: Uint8Array): boolean {
  return containsPattern(bytes, ENCRYPTION_INFO) || containsPattern(bytes, ENCRYPTED_PACKAGE);
}

/** Decoded text that is really a binary file: NUL characters or many control characters. */
export function looksBinaryText(text: string): boolean {
  const n = Math.min(text.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) controls++;
  }
  return controls > Math.max(2, n / 100);
}

/** The spreadsheet format of a ZIP/OLE file, or the problem that stops it. */
export function spreadsheetFormat(kind: FileKind, bytes: Uint8Array): SourceFormat | SourceProblem {
  if (kind === 'zip') return isOdsZip(bytes) ? 'ods' : 'xlsx';
  if (kind === 'ole') return isEncryptedOle(bytes) ? 'encrypted' : 'xls';
  return 'csv';
}

/** A bare BIFF2–5 worksheet stream (Excel 2.x–5 saved without the OLE container). */
export function isBiffStream(bytes: Uint8Array): boolean {
  return bytes[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(bytes[1] ?? -1);
}

/** Text that is markup: an HTML or XML table saved with a spreadsheet's name. */
export function isMarkupText(text: string): boolean {
  return /^\s*</.test(text.slice(0, 1000));
}

/** File names we read as text even when they are called something else. */
export function isSpreadsheetName(name: string): boolean {
  return /\.(xlsx|xlsm|xls|ods)$/i.test(name);
}
