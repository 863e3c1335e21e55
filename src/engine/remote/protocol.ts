/**
 * Messages between the app and the formula engine's worker. Every request names a table; the
 * worker answers with the formula cells that changed, one message per column (so the page never
 * has to unpack one huge message), then a `done`.
 */
import type { Language } from '../../domain/model';
import type {
  CellChange,
  FormulaColumn,
  FormulaResult,
  InputColumn,
  ResultType,
  RowValues,
} from '../types';

export type EngineRequest =
  | {
      op: 'build';
      table: string;
      asOf: string;
      language: Language;
      rowCount: number;
      inputs: InputColumn[];
      formulas: FormulaColumn[];
    }
  | { op: 'setValues'; table: string; changes: CellChange[] }
  | { op: 'insertRows'; table: string; at: number; count: number; values: RowValues[] }
  | { op: 'removeRows'; table: string; rows: number[] }
  | { op: 'setEnvironment'; table: string; asOf: string; language: Language }
  | { op: 'drop'; table: string };

/** New values of one formula column: some rows, or the whole column when `rows` is null. */
export interface ColumnUpdate {
  fieldId: string;
  type: ResultType;
  rows: number[] | null;
  values: FormulaResult[];
}

export type EngineMessage =
  { id: number; update: ColumnUpdate } | { id: number; done: true } | { id: number; error: string };

export type EngineEnvelope = EngineRequest & { id: number };
