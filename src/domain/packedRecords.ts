/**
 * Records packed by column, and the records read back from them one value at a time.
 *
 * Why: a table of 1,000,000 customers held as objects is ~25 small objects per record (the
 * record, its values, every text and number in them) that all survive, and V8 copies each of
 * them out of its young generation once: ~50 pauses of 25–51 ms while a table opens (issue 3).
 * Packed, a chunk of records is a few typed arrays and strings however many rows it holds, and
 * each record is one small `LazyRecord` that reads its values from the chunk when asked. In a
 * like-for-like test (Node, 1M records of 20 fields) collections took 1,448 ms in all when the
 * records were objects, 371 ms as lazy records over packed chunks; the heap 828 MB and 296 MB.
 *
 * A lazy record is a whole `TableRecord`: `values` is an own, enumerable property (a getter)
 * that makes a plain object of the row's values, so spreading, cloning, storing and posting a
 * lazy record keep every value. Code that reads many rows reads a cell with `cellOf`, which
 * does not make that object.
 */
import type { FieldId, RecordId, TableId } from './ids';
import type { CellValue, InvalidValue, TableRecord } from './model';
import { isInvalidValue } from './model';

/** What a row holds for one field (the chunk's `kinds`, a byte per row). */
const Kind = {
  Absent: 0,
  Number: 1,
  False: 2,
  True: 3,
  Null: 4,
  Text: 5,
  /** A list of texts, its JSON in the column's strings. */
  List: 6,
  /** `{ invalid: text }`, the text in the column's strings. */
  Invalid: 7,
  /** Anything else (kept as it came, in `extra`). */
  Other: 8,
} as const;

/** Strings of a column: one string per distinct value when they repeat, else all in one. */
export type PackedStrings =
  { dict: string[]; refs: Int32Array } | { text: string; offsets: Int32Array };

export interface PackedColumn {
  kinds: Uint8Array;
  /** The numbers, at their rows; null when the column has none. */
  numbers: Float64Array | null;
  strings: PackedStrings | null;
  /** Values of kind Other by row. */
  extra: Map<number, unknown> | null;
}

/** Some records of one table, by column (structured-cloneable; `transferablesOf` lists its buffers). */
export interface PackedChunk {
  tableId: TableId;
  length: number;
  ids: PackedStrings;
  order: Float64Array;
  createdAt: Float64Array;
  modifiedAt: Float64Array;
  /** In the order the fields were first met, which is the order values are made in. */
  columns: Map<FieldId, PackedColumn>;
}

/** Strings repeat enough to keep each once when at most this share of the rows are distinct. */
const DICT_SHARE = 0.25;

class StringsBuilder {
  private readonly all: string[] = [];
  private readonly rows: number[] = [];
  /** Each distinct string's number, while they may still be few enough to keep once each. */
  private distinct: Map<string, number> | null = new Map();
  /** The number of each string added, while `distinct` is kept. */
  private readonly refs: number[] = [];
  private readonly maxDistinct: number;

  /**
   * `length`: rows of the chunk; past its DICT_SHARE distinct strings, they are not counted.
   * `unique`: the strings never repeat (ids), so they are not counted at all.
   */
  constructor(
    private readonly length: number,
    unique = false,
  ) {
    this.maxDistinct = Math.max(16, length * DICT_SHARE);
    if (unique) this.distinct = null;
  }

  add(row: number, s: string): void {
    this.rows.push(row);
    this.all.push(s);
    const distinct = this.distinct;
    if (!distinct) return;
    let ref = distinct.get(s);
    if (ref === undefined) {
      distinct.set(s, (ref = distinct.size));
      if (ref >= this.maxDistinct) this.distinct = null;
    }
    this.refs.push(ref);
  }

  get empty(): boolean {
    return this.all.length === 0;
  }

  build(): PackedStrings {
    const { length, distinct, rows } = this;
    if (distinct) {
      const refs = new Int32Array(length).fill(-1);
      for (let k = 0; k < rows.length; k++) refs[rows[k] as number] = this.refs[k] as number;
      return { dict: [...distinct.keys()], refs };
    }
    const offsets = new Int32Array(length + 1);
    let at = 0;
    let k = 0;
    for (let row = 0; row < length; row++) {
      if (rows[k] === row) at += (this.all[k++] as string).length;
      offsets[row + 1] = at;
    }
    return { text: this.all.join(''), offsets };
  }
}

function stringAt(strings: PackedStrings, row: number): string {
  if ('dict' in strings) return strings.dict[strings.refs[row] as number] as string;
  return strings.text.slice(strings.offsets[row], strings.offsets[row + 1]);
}

class ColumnBuilder {
  readonly kinds: Uint8Array;
  private numbers: Float64Array | null = null;
  private readonly strings: StringsBuilder;
  private extra: Map<number, unknown> | null = null;

  constructor(private readonly length: number) {
    this.kinds = new Uint8Array(length);
    this.strings = new StringsBuilder(length);
  }

  set(row: number, v: unknown): void {
    if (typeof v === 'number') {
      (this.numbers ??= new Float64Array(this.length))[row] = v;
      this.kinds[row] = Kind.Number;
    } else if (typeof v === 'string') {
      this.strings.add(row, v);
      this.kinds[row] = Kind.Text;
    } else if (v === true || v === false) this.kinds[row] = v ? Kind.True : Kind.False;
    else if (v === null) this.kinds[row] = Kind.Null;
    else if (isTextList(v)) {
      this.strings.add(row, JSON.stringify(v));
      this.kinds[row] = Kind.List;
    } else if (isPlainInvalid(v)) {
      this.strings.add(row, v.invalid);
      this.kinds[row] = Kind.Invalid;
    } else {
      (this.extra ??= new Map()).set(row, v);
      this.kinds[row] = Kind.Other;
    }
  }

  build(): PackedColumn {
    const strings = this.strings.empty ? null : this.strings.build();
    return { kinds: this.kinds, numbers: this.numbers, strings, extra: this.extra };
  }
}

function isTextList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

/** `{ invalid: text }` with nothing else in it, so that reading it back makes the same object. */
function isPlainInvalid(v: unknown): v is InvalidValue {
  return isInvalidValue(v) && Object.keys(v).length === 1;
}

/** Packs records of one table (`tableId`: theirs). Their order is kept. */
export function packRecords(tableId: TableId, records: readonly TableRecord[]): PackedChunk {
  const length = records.length;
  const ids = new StringsBuilder(length, true);
  const order = new Float64Array(length);
  const createdAt = new Float64Array(length);
  const modifiedAt = new Float64Array(length);
  const builders = new Map<FieldId, ColumnBuilder>();
  // Records read together mostly list their fields in the same order: the column of the field
  // at each position is remembered, so most values find theirs without a look-up.
  const keyAt: string[] = [];
  const builderAt: ColumnBuilder[] = [];
  for (let row = 0; row < length; row++) {
    const r = records[row] as TableRecord;
    ids.add(row, r.id);
    order[row] = r.order;
    createdAt[row] = r.createdAt;
    modifiedAt[row] = r.modifiedAt;
    const values = r.values as Record<string, unknown>;
    let at = 0;
    for (const key in values) {
      let column = keyAt[at] === key ? builderAt[at] : undefined;
      if (!column) {
        column = builders.get(key as FieldId);
        if (!column) builders.set(key as FieldId, (column = new ColumnBuilder(length)));
        keyAt[at] = key;
        builderAt[at] = column;
      }
      column.set(row, values[key]);
      at++;
    }
  }
  const columns = new Map<FieldId, PackedColumn>();
  for (const [id, builder] of builders) columns.set(id, builder.build());
  return { tableId, length, ids: ids.build(), order, createdAt, modifiedAt, columns };
}

/** The buffers a chunk can hand over to another thread instead of copying. */
export function transferablesOf(chunk: PackedChunk): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const addStrings = (s: PackedStrings | null): void => {
    if (s) out.add(('dict' in s ? s.refs : s.offsets).buffer as ArrayBuffer);
  };
  addStrings(chunk.ids);
  for (const a of [chunk.order, chunk.createdAt, chunk.modifiedAt])
    out.add(a.buffer as ArrayBuffer);
  for (const c of chunk.columns.values()) {
    out.add(c.kinds.buffer as ArrayBuffer);
    if (c.numbers) out.add(c.numbers.buffer as ArrayBuffer);
    addStrings(c.strings);
  }
  return [...out];
}

/** Row `row`'s value of `column`; undefined when it has none. */
function cellAt(column: PackedColumn, row: number): CellValue | undefined {
  switch (column.kinds[row]) {
    case Kind.Absent:
      return undefined;
    case Kind.Number:
      return (column.numbers as Float64Array)[row];
    case Kind.False:
      return false;
    case Kind.True:
      return true;
    case Kind.Null:
      return null;
    case Kind.Text:
      return stringAt(column.strings as PackedStrings, row);
    case Kind.List:
      return JSON.parse(stringAt(column.strings as PackedStrings, row)) as string[];
    case Kind.Invalid:
      return { invalid: stringAt(column.strings as PackedStrings, row) };
    default:
      return column.extra?.get(row) as CellValue | undefined;
  }
}

/** Makes `values` on each read: own and enumerable, so copies of the record keep it. */
const VALUES_PROPERTY: PropertyDescriptor = {
  get(this: LazyRecord) {
    return LazyRecord.valuesOf(this);
  },
  enumerable: true,
  configurable: false,
};

/** One row of a packed chunk, as a record. Its values are made when read (see the file's note). */
export class LazyRecord implements TableRecord {
  readonly id: RecordId;
  readonly tableId: TableId;
  readonly order: number;
  readonly createdAt: number;
  readonly modifiedAt: number;
  declare readonly values: Partial<Record<FieldId, CellValue>>;
  readonly #chunk: PackedChunk;
  readonly #row: number;

  constructor(chunk: PackedChunk, row: number) {
    this.id = stringAt(chunk.ids, row) as RecordId;
    this.tableId = chunk.tableId;
    this.order = chunk.order[row] as number;
    this.createdAt = chunk.createdAt[row] as number;
    this.modifiedAt = chunk.modifiedAt[row] as number;
    Object.defineProperty(this, 'values', VALUES_PROPERTY);
    this.#chunk = chunk;
    this.#row = row;
  }

  /** The record's values, as a new plain object. */
  static valuesOf(rec: LazyRecord): Partial<Record<FieldId, CellValue>> {
    const values: Partial<Record<FieldId, CellValue>> = {};
    const row = rec.#row;
    for (const [id, column] of rec.#chunk.columns) {
      if (column.kinds[row] === Kind.Absent) continue;
      values[id] = cellAt(column, row) as CellValue;
    }
    return values;
  }

  /** One value of the record, without making the others. */
  static cell(rec: LazyRecord, fieldId: FieldId): CellValue | undefined {
    const column = rec.#chunk.columns.get(fieldId);
    return column ? cellAt(column, rec.#row) : undefined;
  }
}

/** The chunk's rows as records, in its order. */
export function unpackRecords(chunk: PackedChunk, into: TableRecord[] = []): TableRecord[] {
  for (let row = 0; row < chunk.length; row++) into.push(new LazyRecord(chunk, row));
  return into;
}

/** A record's value of `fieldId`: for a lazy record, without making all its values. */
export function cellOf(rec: TableRecord, fieldId: FieldId): CellValue | undefined {
  return rec instanceof LazyRecord ? LazyRecord.cell(rec, fieldId) : rec.values[fieldId];
}
