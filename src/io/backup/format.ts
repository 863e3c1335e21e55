/**
 * The backup file: gzip-compressed JSON Lines. Line 1 is the header (format, version, meta,
 * tables, fields, views); then one record per line; the last line `{"end": <record count>}`
 * proves the file is complete. Lines keep 1,000,000 records from ever being one string.
 */
import type { Field, Table, TableRecord, View, WorkspaceMeta } from '../../domain/model';

export const BACKUP_FORMAT = 'regulars-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_EXTENSION = 'regulars';
export const BACKUP_MIME = 'application/gzip';

/** The first line of a backup file. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** When the backup was made (epoch ms). */
  createdAt: number;
  meta: WorkspaceMeta;
  tables: Table[];
  fields: Field[];
  views: View[];
}

/** The last line of a backup file. */
export interface BackupTrailer {
  end: number;
}

/** A whole workspace as read back from a backup file, validated. */
export interface WorkspaceBackup {
  header: BackupHeader;
  records: TableRecord[];
}

/** Why a file cannot be restored (each has a message in the i18n catalogue). */
export type BackupProblem =
  'empty' | 'notBackup' | 'newerVersion' | 'corrupt' | 'truncated' | 'unreadable';

export type BackupReadResult =
  { ok: true; backup: WorkspaceBackup } | { ok: false; problem: BackupProblem; detail?: string };
