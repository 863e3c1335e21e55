/**
 * The shared vocabulary of importing a file: what a source looks like, how its columns map to
 * fields, and what an import reports. Used by src/io (reading, worker), src/state and src/ui.
 */
import type { FieldId, TableId } from '../ids';
import type { FieldOptions, FieldType } from '../model';

export type SourceFormat = 'csv' | 'xlsx' | 'xls' | 'ods';
/** Text encodings we detect and decode (GBK/GB2312 are decoded as their superset gb18030). */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
export type Delimiter = ',' | '\t' | ';' | '|';

/**
 * One source cell as read: text from text files; from spreadsheets a number, a boolean, text,
 * or a real date cell turned into ISO text ('YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm').
 */
export type RawCell = string | number | boolean | null;

/** Why a file cannot be imported at all (each has a message in the i18n catalogue). */
export type SourceProblem =
  | 'empty'
  | 'binary'
  | 'badZip'
  | 'encrypted'
  | 'tooLarge'
  | 'unsupported'
  | 'unreadable'
  | 'noRows';

export interface SourceInfo {
  fileName: string;
  /** Bytes. */
  size: number;
  format: SourceFormat;
  /** Sheet names; a text file has one unnamed sheet (''). */
  sheets: string[];
  /** Text files: the detected encoding and delimiter. */
  encoding?: TextEncoding;
  delimiter?: Delimiter;
}

/** A type inferred for a source column: the field type and options a new field would get. */
export interface InferredType {
  type: FieldType;
  options: FieldOptions;
}

export interface SourceColumn {
  /** Position in the source row. */
  index: number;
  /** Header text (trimmed); a blank header becomes "列 N" / "Column N" in the UI language. */
  header: string;
  inferred: InferredType;
  /** No header text and no value in the previewed rows (e.g. trailing commas): skip by default. */
  empty?: boolean;
}

export interface PreviewRequest {
  sheet: number;
  /** 0-based row index of the header within the sheet; null = detect. */
  headerRow: number | null;
  /** Text files only; undefined = keep the detected one. */
  encoding?: TextEncoding;
}

export interface Preview {
  sheet: number;
  encoding?: TextEncoding;
  /** The header row used (detected unless the request named one). */
  headerRow: number;
  /** The first rows of the sheet as they are (up to 10 above the header plus the header), to pick another header row. */
  top: RawCell[][];
  columns: SourceColumn[];
  /** Up to 50 data rows after the header. */
  rows: RawCell[][];
  /** Data rows in the sheet (exact for spreadsheets and fully read text files). */
  totalRows: number;
}

/** Where one source column goes. */
export type ColumnTarget =
  | { kind: 'skip' }
  | { kind: 'field'; fieldId: FieldId }
  | { kind: 'new'; name: string; type: FieldType; options: FieldOptions };

export type ImportMode = 'newTable' | 'append' | 'upsert';
/** For update-or-insert: what happens to a matched record's existing value. */
export type UpdatePolicy = 'overwrite' | 'keep' | 'fillEmpty';

export interface ImportSpec {
  sheet: number;
  headerRow: number;
  encoding?: TextEncoding;
  /** One target per source column, by source column index. */
  columns: ColumnTarget[];
  mode: ImportMode;
  /** newTable: the new table's name. */
  tableName?: string;
  /** append / upsert: the table imported into. */
  tableId?: TableId;
  /** upsert: the source column whose value is matched against the key field it maps to. */
  keyColumn?: number;
  /** upsert: policy per mapped existing field (default 'overwrite'). */
  policies?: Partial<Record<FieldId, UpdatePolicy>>;
}

export type ImportPhase = 'reading' | 'converting' | 'writing';
export interface ImportProgress {
  phase: ImportPhase;
  /** Source rows done so far and in all. */
  rows: number;
  totalRows: number;
  /** 0–100 over the whole import. */
  percent: number;
}

/** Why a value was flagged or a row skipped (each has a message in the i18n catalogue). */
export type ImportProblemReason =
  | 'notNumber'
  | 'notDate'
  | 'notDateTime'
  | 'notEmail'
  | 'notUrl'
  | 'notPhone'
  | 'notChoice'
  | 'notBoolean'
  | 'notValue'
  | 'duplicateKey'
  | 'emptyKey'
  | 'emptyRow';

export interface ImportProblem {
  /** 1-based row number in the source file/sheet (as a spreadsheet shows it). */
  row: number;
  /** The source column's header. */
  column: string;
  value: string;
  reason: ImportProblemReason;
}

export interface ImportSummary {
  tableId: TableId;
  added: number;
  updated: number;
  /** Update-or-insert: matched records whose values already equalled the file's (not counted as updated). */
  unchanged?: number;
  skipped: number;
  /** Cells kept as text and flagged because they did not fit their field's type. */
  flagged: number;
  /** Every problem (flagged cells and skipped rows), for the downloadable report. */
  problems: ImportProblem[];
}
