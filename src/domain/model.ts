/**
 * The workspace model: plain serialisable records, shared by db, state and ui.
 * Everything stored in IndexedDB has exactly these shapes (see db/schema.ts for versions).
 */
import type { FieldId, RecordId, TableId, ViewId, WorkspaceId } from './ids';

export const FIELD_TYPES = [
  'text',
  'longText',
  'number',
  'currency',
  'percent',
  'date',
  'dateTime',
  'singleSelect',
  'multiSelect',
  'checkbox',
  'phone',
  'email',
  'url',
  'rating',
  'link',
  'lookup',
  'rollup',
  'formula',
  'autoNumber',
  'createdTime',
  'modifiedTime',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Colours a select option can take; the UI maps each to a background/foreground pair. */
export const OPTION_COLORS = [
  'gray',
  'red',
  'orange',
  'yellow',
  'green',
  'teal',
  'blue',
  'purple',
  'pink',
  'brown',
] as const;
export type OptionColor = (typeof OPTION_COLORS)[number];

export interface SelectOption {
  id: string;
  name: string;
  color: OptionColor;
}

export type DateFormat = 'YYYY-MM-DD' | 'YYYY/MM/DD' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'YYYY年M月D日';
export type RollupFunction = 'sum' | 'count' | 'min' | 'max' | 'average' | 'latest' | 'earliest';

/** Options per type; unused keys are absent. Stored as one flat object for easy migration. */
export interface FieldOptions {
  /** number, currency, percent: digits after the decimal point. */
  decimals?: number;
  /** currency: symbol shown before the amount (default ¥). */
  currencySymbol?: string;
  /** number: show thousands separators. */
  thousands?: boolean;
  /** date, dateTime. */
  dateFormat?: DateFormat;
  /** singleSelect, multiSelect. */
  choices?: SelectOption[];
  /** rating: maximum stars (default 5). */
  max?: number;
  /** link: the table linked to. */
  linkTableId?: TableId;
  /** lookup/rollup: the link field on this table and the field read on the other table. */
  linkFieldId?: FieldId;
  targetFieldId?: FieldId;
  rollup?: RollupFunction;
  /** formula: source text with field references in braces. */
  formula?: string;
  /**
   * formula: the name each referenced field had when the formula was last saved, so that a
   * reference to a deleted field can still be shown by name (see domain/formula).
   */
  formulaRefNames?: Record<FieldId, string>;
  /**
   * formula: how results are shown; 'auto' (or absent) follows the inferred result type.
   * number/currency/percent use `decimals` (and currency `currencySymbol`).
   */
  formulaFormat?: 'auto' | 'number' | 'currency' | 'percent' | 'date' | 'text';
  /** autoNumber: the next number to hand out. */
  nextNumber?: number;
}

export interface Field {
  id: FieldId;
  tableId: TableId;
  name: string;
  type: FieldType;
  options: FieldOptions;
  description?: string;
}

/** A value that did not fit its field's type, kept as the text it came in as. */
export interface InvalidValue {
  invalid: string;
}

/**
 * Stored cell value. By type: text-like → string; number/currency/percent/rating → number
 * (percent stored as a fraction: 0.25 shows as 25%); date → 'YYYY-MM-DD'; dateTime →
 * 'YYYY-MM-DDTHH:mm' (local); singleSelect → option name; multiSelect → option names;
 * checkbox → boolean; link → record ids; autoNumber → number. Empty is null or absent.
 */
export type CellValue = string | number | boolean | string[] | InvalidValue | null;

export interface TableRecord {
  id: RecordId;
  tableId: TableId;
  /** Position within the table (default order when a view has no sort). */
  order: number;
  values: Partial<Record<FieldId, CellValue>>;
  createdAt: number;
  modifiedAt: number;
}

export interface Table {
  id: TableId;
  name: string;
  /** Position in the sidebar. */
  order: number;
  /** The field shown frozen at the left and used as the record's title. */
  primaryFieldId: FieldId;
  /** Created from the shop template's sample data (removable in one click). */
  sample?: boolean;
}

export type SortDirection = 'asc' | 'desc';
export interface ViewSort {
  fieldId: FieldId;
  direction: SortDirection;
}

export type FilterOperator =
  | 'contains'
  | 'notContains'
  | 'is'
  | 'isNot'
  | 'isEmpty'
  | 'isNotEmpty'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'withinLastDays'
  | 'withinNextDays';

export interface ViewFilter {
  fieldId: FieldId;
  operator: FilterOperator;
  value?: string;
}

export interface ViewColumn {
  fieldId: FieldId;
  width?: number;
  hidden?: boolean;
}

export interface View {
  id: ViewId;
  tableId: TableId;
  name: string;
  order: number;
  /** Every field of the table appears once, in display order (the primary field first). */
  columns: ViewColumn[];
  sorts: ViewSort[];
  filters: ViewFilter[];
  filterMode: 'and' | 'or';
}

export type Language = 'zh-CN' | 'en';

export interface WorkspaceMeta {
  id: WorkspaceId;
  name: string;
  createdAt: number;
  /** Language chosen in settings; absent means "follow the browser". */
  language?: Language;
  /** Pinned as-of date 'YYYY-MM-DD' for analysis; absent means today. */
  asOfDate?: string;
  /** The table and view open last. */
  activeTableId?: TableId;
  activeViewId?: ViewId;
  lastBackupAt?: number;
}

export function isInvalidValue(v: unknown): v is InvalidValue {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as InvalidValue).invalid === 'string'
  );
}

export function isEmptyValue(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}
