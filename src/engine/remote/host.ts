/**
 * Runs engine requests against one TableEngine per table and says which formula cells changed.
 * The worker wraps it; without workers (unit tests) the client runs it in the page.
 */
import { substituteReferences } from '../../domain/formula';
import { createTableEngine } from '../tableEngine';
import type { ChangedCells, TableEngine } from '../types';
import type { ColumnUpdate, EngineRequest } from './protocol';

/** Above this share of changed rows a whole column is sent rather than row by row. */
const WHOLE_COLUMN_SHARE = 0.25;
/** The column a previewed formula takes while it is computed (no field has this id). */
export const PREVIEW_COLUMN = 'fld_preview';

export class EngineHost {
  private readonly engines = new Map<string, TableEngine>();

  async handle(req: EngineRequest): Promise<ColumnUpdate[]> {
    if (req.op === 'build') return this.build(req);
    const engine = this.engines.get(req.table);
    if (!engine) return [];
    switch (req.op) {
      case 'setValues':
        return updatesOf(engine, engine.setValues(req.changes));
      case 'insertRows':
        return updatesOf(engine, engine.insertRows(req.at, req.count, req.values));
      case 'removeRows':
        return updatesOf(engine, engine.removeRows(req.rows));
      case 'setEnvironment':
        return updatesOf(engine, [
          ...engine.setAsOf(req.asOf),
          ...engine.setLanguage(req.language),
        ]);
      case 'columns':
        return changeColumns(engine, req);
      case 'preview':
        return [preview(engine, req)];
      case 'drop':
        engine.destroy();
        this.engines.delete(req.table);
        return [];
    }
  }

  private async build(req: Extract<EngineRequest, { op: 'build' }>): Promise<ColumnUpdate[]> {
    this.engines.get(req.table)?.destroy();
    this.engines.delete(req.table);
    const engine = createTableEngine({
      asOf: req.asOf,
      language: req.language,
      substitute: substituteReferences,
    });
    await engine.build(req.rowCount, req.inputs, req.formulas);
    this.engines.set(req.table, engine);
    return req.formulas.map((f) => wholeColumn(engine, f.fieldId));
  }
}

/**
 * A change of the table's columns in place of a new engine: the formulas set answer with their
 * whole columns, other formulas with the cells that changed (readers of what came or went).
 */
function changeColumns(
  engine: TableEngine,
  req: Extract<EngineRequest, { op: 'columns' }>,
): ColumnUpdate[] {
  if (req.rowCount !== engine.rowCount)
    throw new Error(`Columns of ${req.rowCount} rows for an engine of ${engine.rowCount}.`);
  const changed: ChangedCells[] = [];
  // Removals first: a column may have turned from an input into a formula or back.
  for (const id of req.removeFormulas) changed.push(...engine.removeFormula(id));
  for (const id of req.removeInputs) changed.push(...engine.removeInput(id));
  for (const input of req.inputs) changed.push(...engine.addInput(input));
  for (const f of req.formulas) changed.push(...engine.setFormula(f.fieldId, f.formula));
  const whole = new Set([...req.formulas.map((f) => f.fieldId), ...req.removeFormulas]);
  return [
    ...req.formulas.map((f) => wholeColumn(engine, f.fieldId)),
    ...updatesOf(
      engine,
      changed.filter((c) => !whole.has(c.fieldId)),
    ),
  ];
}

/**
 * Computes a formula as a column of the whole table (with the inputs only it reads), keeps the
 * asked rows of it, and drops the column and those inputs again.
 */
function preview(
  engine: TableEngine,
  req: Extract<EngineRequest, { op: 'preview' }>,
): ColumnUpdate {
  if (req.rowCount !== engine.rowCount)
    throw new Error(`Preview of ${req.rowCount} rows for an engine of ${engine.rowCount}.`);
  for (const input of req.inputs) engine.addInput(input);
  let added = false;
  try {
    engine.setFormula(PREVIEW_COLUMN, req.formula);
    added = true;
    const { rows } = req;
    const type = engine.resultType(PREVIEW_COLUMN);
    return { fieldId: PREVIEW_COLUMN, type, rows, values: engine.cells(PREVIEW_COLUMN, rows) };
  } finally {
    if (added) engine.removeFormula(PREVIEW_COLUMN);
    for (const input of req.inputs) engine.removeInput(input.fieldId);
  }
}

function wholeColumn(engine: TableEngine, fieldId: string): ColumnUpdate {
  return { fieldId, type: engine.resultType(fieldId), rows: null, values: engine.column(fieldId) };
}

function updatesOf(engine: TableEngine, changed: readonly ChangedCells[]): ColumnUpdate[] {
  const byField = new Map<string, Set<number>>();
  for (const c of changed) {
    if (c.rows.length === 0) continue;
    const rows = byField.get(c.fieldId) ?? new Set<number>();
    for (const r of c.rows) rows.add(r);
    byField.set(c.fieldId, rows);
  }
  return [...byField].map(([fieldId, set]) => {
    if (set.size > engine.rowCount * WHOLE_COLUMN_SHARE) return wholeColumn(engine, fieldId);
    const rows = [...set].sort((a, b) => a - b);
    return { fieldId, type: engine.resultType(fieldId), rows, values: engine.cells(fieldId, rows) };
  });
}
