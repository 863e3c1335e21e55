/**
 * Turns converted rows into ONE command: new records (and, for update-or-insert, cell changes
 * on matched records), built chunk by chunk as rows arrive so the page never blocks for long.
 */
import type { Change, Command } from '../changes';
import type { FieldId, RecordId } from '../ids';
import { newRecordId } from '../ids';
import type { CellValue, Field, Table, TableRecord, View } from '../model';
import { isEmptyValue, isInvalidValue } from '../model';
import { cellOf } from '../packedRecords';
import { normaliseWidth } from '../numbers';
import { reasonForType } from './convert';
import type { ImportMode, ImportProblem, UpdatePolicy } from './types';

export interface ImportColumn {
  header: string;
  field: Field;
  /** True for a field the import creates. */
  isNew: boolean;
  /** An existing field as it was before the import (its choices may grow). */
  before?: Field;
  /** Update-or-insert: what happens to a matched record's value (new fields always fill). */
  policy: UpdatePolicy;
}

export interface ImportTarget {
  mode: ImportMode;
  table: Table;
  /** newTable: the table does not exist yet; its views are created too. */
  isNewTable: boolean;
  /** The table's views (newTable: the default view to create). */
  views: readonly View[];
  /** Records already in the table, in table order (append/upsert). */
  existing: readonly TableRecord[];
  /** Update-or-insert: index into the columns of the column matched against records. */
  keyIndex?: number;
  now: number;
}

export interface ImportCounts {
  added: number;
  updated: number;
  /** Matched records whose values were already what the file says. */
  unchanged: number;
  skipped: number;
  flagged: number;
  problems: ImportProblem[];
}

/** Key text for matching: trimmed, case-folded; phone numbers compare digits (and a leading +). */
export function normaliseKey(value: CellValue | undefined, phone: boolean): string {
  if (value === null || value === undefined) return '';
  const text = isInvalidValue(value)
    ? value.invalid
    : Array.isArray(value)
      ? value.join(', ')
      : String(value);
  const t = normaliseWidth(text).trim();
  if (!phone) return t.toLocaleLowerCase();
  const digits = t.replace(/\D/g, '');
  return digits === '' ? '' : (t.startsWith('+') ? '+' : '') + digits;
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (isEmptyValue(a) && isEmptyValue(b)) return true;
  if (a === b) return true;
  return typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b);
}

function shouldWrite(
  policy: UpdatePolicy,
  before: CellValue | undefined,
  after: CellValue,
): boolean {
  if (after === null || sameValue(before, after)) return false;
  if (policy === 'keep') return false;
  return policy === 'overwrite' || isEmptyValue(before);
}

export class ImportBuilder {
  /** Record and cell changes, made as rows arrive (finish only puts the schema first). */
  private readonly rowChanges: Change[] = [];
  private readonly keys = new Map<string, TableRecord>();
  private readonly seenKeys = new Set<string>();
  private nextOrder: number;
  private readonly counts: ImportCounts = {
    added: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    flagged: 0,
    problems: [],
  };

  constructor(
    private readonly target: ImportTarget,
    private columns: readonly ImportColumn[],
  ) {
    const last = target.existing.at(-1);
    this.nextOrder = last ? Math.floor(last.order) + 1 : 0;
  }

  /** Existing records whose keys are indexed so far (update-or-insert). */
  private indexed = 0;

  /**
   * Indexes the keys of up to `count` more existing records; true once all are. The caller may
   * spread this over several tasks (a million records); addRows finishes it if needed.
   */
  indexExisting(count = Infinity): boolean {
    const key = this.keyColumn();
    const all = this.target.existing;
    if (!key) return true;
    const phone = key.field.type === 'phone';
    const end = Math.min(all.length, this.indexed + count);
    for (let i = this.indexed; i < end; i++) {
      const r = all[i] as TableRecord;
      const k = normaliseKey(cellOf(r, key.field.id), phone);
      if (k !== '' && !this.keys.has(k)) this.keys.set(k, r);
    }
    this.indexed = end;
    return end === all.length;
  }

  private keyColumn(): ImportColumn | undefined {
    const { mode, keyIndex } = this.target;
    return mode === 'upsert' && keyIndex !== undefined ? this.columns[keyIndex] : undefined;
  }

  /** One row's values, refilled per row from the columns (no array per row). */
  private readonly scratch: CellValue[] = [];

  /**
   * Update-or-insert matching: a row whose key repeats an earlier row's is skipped and reported
   * (the first wins); a row with an empty key cannot match and is inserted as a new record.
   *
   * Adds converted rows, column by column: `columns[c][i]` is mapped column c of the row from
   * source row `rows[i]` (1-based); `ids[i]`, when given, the id its new record gets.
   */
  addRows(
    rows: readonly number[],
    columns: readonly (readonly CellValue[])[],
    ids?: readonly RecordId[],
  ): void {
    const key = this.keyColumn();
    if (key) this.indexExisting();
    const keyIndex = this.target.keyIndex ?? 0;
    const values = this.scratch;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] ?? 0;
      for (let c = 0; c < this.columns.length; c++) values[c] = columns[c]?.[i] ?? null;
      const id = ids?.[i];
      if (!key) {
        this.addRecord(row, values, id);
        continue;
      }
      const k = normaliseKey(values[keyIndex], key.field.type === 'phone');
      if (k !== '' && this.seenKeys.has(k)) {
        this.skip(row, key.header, values[keyIndex]);
        continue;
      }
      if (k !== '') this.seenKeys.add(k);
      const match = k === '' ? undefined : this.keys.get(k);
      if (match) this.update(row, match, values);
      else this.addRecord(row, values, id);
    }
  }

  private flag(row: number, column: ImportColumn, value: CellValue): void {
    if (!isInvalidValue(value)) return;
    this.counts.flagged++;
    const reason = reasonForType(column.field.type);
    this.counts.problems.push({ row, column: column.header, value: value.invalid, reason });
  }

  private addRecord(row: number, cells: readonly CellValue[], id = newRecordId()): void {
    const values: Partial<Record<FieldId, CellValue>> = {};
    for (let c = 0; c < this.columns.length; c++) {
      const v = cells[c] ?? null;
      const column = this.columns[c] as ImportColumn;
      if (v === null) continue;
      values[column.field.id] = v;
      if (typeof v === 'object' && !Array.isArray(v)) this.flag(row, column, v);
    }
    const { table, now } = this.target;
    const order = this.nextOrder++;
    const after: TableRecord = {
      id,
      tableId: table.id,
      order,
      values,
      createdAt: now,
      modifiedAt: now,
    };
    this.rowChanges.push({ kind: 'record', id, after });
    this.counts.added++;
  }

  private update(row: number, record: TableRecord, cells: readonly CellValue[]): void {
    let changed = false;
    for (let c = 0; c < this.columns.length; c++) {
      // The key matched already; its stored spelling (dashes, spaces) is kept.
      if (c === this.target.keyIndex) continue;
      const column = this.columns[c] as ImportColumn;
      const after = cells[c] ?? null;
      const before = cellOf(record, column.field.id);
      if (!shouldWrite(column.isNew ? 'overwrite' : column.policy, before, after)) continue;
      changed = true;
      this.flag(row, column, after);
      this.rowChanges.push({
        kind: 'cell',
        tableId: this.target.table.id,
        recordId: record.id,
        fieldId: column.field.id,
        before,
        after,
      });
    }
    if (changed) this.counts.updated++;
    else this.counts.unchanged++;
  }

  private skip(row: number, column: string, key: CellValue | undefined): void {
    this.counts.skipped++;
    this.counts.problems.push({ row, column, value: describe(key), reason: 'duplicateKey' });
  }

  /**
   * The command (schema changes first, then records and cells) and what it did. `fields` are
   * the columns' fields as conversion left them (select fields with the choices met added).
   */
  finish(label: string, fields?: readonly Field[]): { command: Command; counts: ImportCounts } {
    if (fields) this.columns = this.columns.map((c, i) => ({ ...c, field: fields[i] ?? c.field }));
    const changes = this.schemaChanges().concat(this.rowChanges);
    this.counts.problems.sort((a, b) => a.row - b.row);
    return { command: { label, changes, at: this.target.now }, counts: this.counts };
  }

  private schemaChanges(): Change[] {
    const { table, views, isNewTable } = this.target;
    const changes: Change[] = [];
    if (isNewTable) changes.push({ kind: 'table', id: table.id, after: table });
    for (const column of this.columns) {
      const f = column.field;
      if (column.isNew) changes.push({ kind: 'field', id: f.id, after: f });
      else if (column.before && JSON.stringify(column.before) !== JSON.stringify(f)) {
        changes.push({ kind: 'field', id: f.id, before: column.before, after: f });
      }
    }
    const added = this.columns.filter((c) => c.isNew).map((c) => ({ fieldId: c.field.id }));
    for (const view of views) {
      if (isNewTable) changes.push({ kind: 'view', id: view.id, after: view });
      else if (added.length > 0) {
        const after = { ...view, columns: [...view.columns, ...added] };
        changes.push({ kind: 'view', id: view.id, before: view, after });
      }
    }
    return changes;
  }
}

function describe(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (isInvalidValue(value)) return value.invalid;
  return Array.isArray(value) ? value.join(', ') : String(value);
}
