/**
 * What an export writes, independent of where the values come from: a list of columns, each
 * able to give one row's cell as plain text (CSV) and as a typed cell (XLSX).
 */

/** A typed spreadsheet cell. Dates are ISO text ('YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm', local). */
export type TypedCell =
  | { t: 'n'; v: number; z?: string }
  | { t: 'd'; iso: string }
  | { t: 'b'; v: boolean }
  | { t: 's'; v: string };

export interface ExportColumn<R> {
  header: string;
  /** The cell as plain text, as a user would type it back (CSV). */
  text(row: R): string;
  /** The cell as a typed value, or null when empty (XLSX). */
  typed(row: R): TypedCell | null;
}

/** Excel's last row; a sheet cannot hold more than this many data rows under its header. */
export const XLSX_MAX_DATA_ROWS = 1_048_575;
