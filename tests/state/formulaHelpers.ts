/**
 * Formula test support: fields by name, the Spent → Double columns most formula tests build
 * on, waiting until the engine has answered, and the requests it was sent.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import type { FieldId, TableId } from '../../src/domain/ids';
import type { Field, TableRecord } from '../../src/domain/model';
import { listFields } from '../../src/domain/schemaState';
import { addField, addRecord, editCellText } from '../../src/state/actions';
import { configureFormulaEngine, startFormulaSync, syncFormulas } from '../../src/state/formulas';
import type { EngineClientOptions } from '../../src/engine/remote/client';
import { EngineHost } from '../../src/engine/remote/host';
import type { EngineRequest } from '../../src/engine/remote/protocol';
import { openEmpty, resetApp, schemaNow } from './helpers';

/**
 * Each test of the file starts from an empty app with formula syncing on (and the engine's
 * messages split as `engine` says), and leaves nothing running.
 */
export function withFormulaSync(engine?: EngineClientOptions): void {
  let stop: (() => void) | undefined;
  beforeEach(() => {
    resetApp();
    if (engine) configureFormulaEngine(engine);
    stop = startFormulaSync();
  });
  afterEach(() => {
    stop?.();
    resetApp();
    if (engine) configureFormulaEngine({});
  });
}

export function fieldNamed(tableId: TableId, name: string): Field {
  const f = listFields(schemaNow(), tableId).find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
}

/** Adds the number column Spent. */
export async function addSpent(tableId: TableId): Promise<Field> {
  await addField(tableId, { name: 'Spent', type: 'number', options: {} }, {});
  return fieldNamed(tableId, 'Spent');
}

/** Adds the formula column Double = Spent × 2. */
export async function addDouble(tableId: TableId, spent: Field): Promise<FieldId> {
  await addField(
    tableId,
    { name: 'Double', type: 'formula', options: { formula: `={${spent.id}} * 2` } },
    {},
  );
  return fieldNamed(tableId, 'Double').id;
}

/** Adds `count` records whose Spent is 1, 2, 3 … */
export async function addSpentRecords(
  tableId: TableId,
  spent: Field,
  count: number,
): Promise<TableRecord[]> {
  const records: TableRecord[] = [];
  for (let i = 0; i < count; i++) {
    const rec = await addRecord(tableId);
    await editCellText(spent, rec.id, String(i + 1), 'en');
    records.push(rec);
  }
  return records;
}

/** A new empty table with the number column Spent and `count` records whose Spent is 1, 2, 3 … */
export async function spentTable(count: number) {
  const tableId = await openEmpty();
  const spent = await addSpent(tableId);
  const records = await addSpentRecords(tableId, spent, count);
  return { tableId, spent, records };
}

/** Waits until the engine has answered every request sent so far. */
export async function settleFormulas(tableId: TableId): Promise<void> {
  for (let i = 0; i < 3; i++) await syncFormulas(tableId);
}

/**
 * From now on, the operations the engine is asked for, in order (until `vi.restoreAllMocks()`).
 */
export function recordEngineOps(): EngineRequest['op'][] {
  const ops: EngineRequest['op'][] = [];
  const handle = EngineHost.prototype.handle;
  vi.spyOn(EngineHost.prototype, 'handle').mockImplementation(function (
    this: EngineHost,
    req: EngineRequest,
  ) {
    ops.push(req.op);
    return handle.call(this, req);
  });
  return ops;
}
