/**
 * What the formula editor needs from the evaluation engine, passed in as a prop so the UI does
 * not depend on the engine (the state layer supplies the real one; tests pass a fake).
 */

/** One row of the live preview: the record's primary value and the formula's result. */
export interface FormulaPreviewRow {
  label: string;
  value: string;
  error?: boolean;
}

export interface FormulaSupport {
  /** Syntax check of a stored formula by the engine; position is an offset in `stored` if known. */
  validate(stored: string): { ok: true } | { ok: false; message: string; position?: number };
  /**
   * Results of the stored formula for the first rows of the table (for the live preview); null
   * when a later call superseded this one.
   */
  preview(stored: string, rows: number): Promise<FormulaPreviewRow[] | null>;
}

/** How many rows the live preview shows. */
export const PREVIEW_ROWS = 5;
