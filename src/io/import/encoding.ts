/**
 * Text encodings of imported files: byte-order mark first, then a strict UTF-8 trial, then a
 * byte-statistics detector (GBK and Big5 bytes both decode without error as the other).
 */
import { detect } from 'chardet';
import type { TextEncoding } from '../../domain/import/types';
import { SNIFF_BYTES } from './sniff';

/** UTF-8 is tried on this much (a multi-byte character cut at the end is fine: stream mode). */
const UTF8_TRIAL_BYTES = 4 * 1024 * 1024;

export function bomEncoding(bytes: Uint8Array): TextEncoding | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    decoder.decode(bytes.subarray(0, UTF8_TRIAL_BYTES), { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** chardet's names → ours; anything else non-UTF-8 is most likely Chinese Excel's GBK. */
function mapDetected(name: string | null): TextEncoding {
  const n = (name ?? '').toLowerCase();
  if (n === 'big5') return 'big5';
  if (n === 'utf-16le') return 'utf-16le';
  if (n === 'utf-16be') return 'utf-16be';
  if (n === 'utf-8') return 'utf-8';
  return 'gb18030';
}

export function detectEncoding(bytes: Uint8Array): TextEncoding {
  const bom = bomEncoding(bytes);
  if (bom) return bom;
  if (isUtf8(bytes)) return 'utf-8';
  return mapDetected(detect(bytes.subarray(0, SNIFF_BYTES)));
}

/** The whole text (a matching byte-order mark is dropped). Throws RangeError when too long. */
export function decodeBytes(bytes: Uint8Array, encoding: TextEncoding): string {
  const text = new TextDecoder(encoding).decode(bytes);
  // A BOM of another encoding than the chosen one survives decoding; drop it too.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
