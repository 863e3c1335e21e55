/**
 * Messages between the app and the formula engine's worker. Every request names a table; the
 * worker answers with the formula cells that changed, then a `done`. Big columns travel in
 * parts of bounded size (see wire.ts), so neither thread spends long on one message.
 */
import type { Language } from '../../domain/model';
import type { EncodedResults, ResultColumn } from '../resultColumn';
import type {
  CellChange,
  EngineValue,
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
  /**
   * The table's columns changed: `removeFormulas` and `removeInputs` go, `inputs` (`rowCount`
   * values each) are added, then `formulas` are set in order (new or changed, each after the
   * formula columns it reads). The set formulas answer with their whole columns.
   */
  | {
      op: 'columns';
      table: string;
      rowCount: number;
      inputs: InputColumn[];
      formulas: FormulaColumn[];
      removeFormulas: string[];
      removeInputs: string[];
    }
  /**
   * A formula's results for some rows, computed over the whole table with `inputs` (the
   * columns it reads that no formula column does, `rowCount` values each); changes nothing.
   */
  | {
      op: 'preview';
      table: string;
      formula: string;
      rows: number[];
      rowCount: number;
      inputs: InputColumn[];
    }
  | { op: 'drop'; table: string };

/** New values of one formula column: some rows, or the whole column when `rows` is null. */
export interface ColumnUpdate {
  fieldId: string;
  type: ResultType;
  rows: number[] | null;
  values: FormulaResult[];
}

/** A ColumnUpdate as the page receives it: its values as a typed column (`rows`' order). */
export interface ReceivedUpdate {
  fieldId: string;
  type: ResultType;
  rows: number[] | null;
  values: ResultColumn;
}

/**
 * A consecutive part of one ColumnUpdate: its values from `at` on, typed (their arrays are
 * transferred, not cloned), and for a row update the rows they belong to; `total` is the whole
 * update's length.
 */
export interface UpdateChunk {
  fieldId: string;
  type: ResultType;
  at: number;
  total: number;
  rows: number[] | null;
  results: EncodedResults;
}

/** A part of a request's input column, sent ahead of the request that carries it empty. */
export interface InputPart {
  fieldId: string;
  values: EngineValue[];
}

/**
 * Page → worker. `seq` numbers every message of one direction from 0, so a lost, repeated or
 * reordered message is detected rather than silently applied to the wrong rows.
 */
export type ToEngine =
  | { seq: number; id: number; input: InputPart }
  | { seq: number; id: number; request: EngineRequest };

/** Worker → page: a request's chunks in order, then `done` (or `error`). */
export type FromEngine =
  | { seq: number; id: number; chunk: UpdateChunk }
  | { seq: number; id: number; done: true }
  | { seq: number; id: number; error: string };

/** The buffers a message can hand over instead of copying (a chunk's typed values). */
export function transferablesOf(message: FromEngine): Transferable[] {
  if (!('chunk' in message)) return [];
  const { numbers, codes } = message.chunk.results;
  return [numbers.buffer, codes.buffer];
}
