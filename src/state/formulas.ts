/**
 * Live formula columns. Per table with formula fields, the engine (HyperFormula plus the
 * customer functions, in a Web Worker) holds the input columns the formulas read; record edits,
 * inserts and deletes reach it incrementally, and listeners learn which cells changed.
 * A change of formulas or of the inputs' types rebuilds that table's engine.
 */
import { formulaDependencies } from '../domain/formula';
import type * as EngineApi from '../engine';
import { todayLocal } from '../domain/dates';
import { normaliseLanguage } from '../domain/language';
import type { FieldId, RecordId, TableId } from '../domain/ids';
import type { Field, Language, TableRecord } from '../domain/model';
import type { SchemaState } from '../domain/schemaState';
import type { RecordDelta } from './recordStore';
import type { EngineValue, FormulaResult, InputKind, ResultType } from '../engine/types';
import { createEngineClient } from '../engine/remote/client';
import type { EngineClient } from '../engine/remote/client';
import type { EngineRequest } from '../engine/remote/protocol';
import { applyUpdates, indexRows, shiftResults, shownValue } from './formulaMirror';
import type { FormulaTable, RowShift } from './formulaMirror';
import { readFirstScreenFormulas } from './firstScreen';
import type { FirstScreenFormulas } from './firstScreen';
import { engineColumnOf, engineValueOf, inputKindOf } from './formulaValues';
import { recordStore } from './session';
import { useAppStore } from './store';

export type { FormulaResult, ResultType };

type EngineModule = typeof EngineApi;
let engineModule: EngineModule | null = null;

/** Loads the engine code (HyperFormula) in the page, for the formula editor's live preview. */
export async function loadFormulaEngine(): Promise<EngineModule> {
  engineModule ??= await import('../engine');
  return engineModule;
}

export type FormulaListener = (fields: FieldId[], rows: RecordId[] | null) => void;

const tables = new Map<TableId, FormulaTable>();
const building = new Map<TableId, Promise<void>>();
const listeners = new Map<TableId, Set<FormulaListener>>();

/** The labels' language: the workspace's choice, else the browser's. */
export function workspaceLanguage(): Language {
  const chosen = useAppStore.getState().schema?.meta.language;
  return chosen ?? normaliseLanguage(typeof navigator !== 'undefined' ? navigator.language : '');
}

export function asOfDate(): string {
  return useAppStore.getState().schema?.meta.asOfDate ?? todayLocal();
}

function formulaFields(schema: SchemaState, tableId: TableId): Field[] {
  return Object.values(schema.fields).filter(
    (f) => f.tableId === tableId && f.type === 'formula' && f.options.formula,
  );
}

/** The fields the formulas read, with the kind the engine sees them as. */
function inputFields(
  schema: SchemaState,
  tableId: TableId,
): Map<FieldId, { field: Field; kind: InputKind }> {
  // Only the columns some formula reads: the engine never sees the others.
  const read = new Set<string>();
  for (const f of formulaFields(schema, tableId)) {
    for (const id of formulaDependencies(f.options.formula ?? '')) read.add(id);
  }
  const out = new Map<FieldId, { field: Field; kind: InputKind }>();
  for (const id of read) {
    const f = schema.fields[id as FieldId];
    const kind = f && f.tableId === tableId ? inputKindOf(f) : null;
    if (f && kind) out.set(f.id, { field: f, kind });
  }
  return out;
}

function signatureOf(schema: SchemaState, tableId: TableId): string {
  const formulas = formulaFields(schema, tableId).map((f) => `${f.id}=${f.options.formula}`);
  const inputs = [...inputFields(schema, tableId).values()].map((i) => `${i.field.id}:${i.kind}`);
  return `${formulas.sort().join('\n')}|${inputs.sort().join(',')}`;
}

/** Per table, the results the first screen showed last time, until the engine has answered. */
const earlyResults = new Map<TableId, FirstScreenFormulas>();

export function formulaValue(
  tableId: TableId,
  fieldId: FieldId,
  recordId: RecordId,
): FormulaResult | undefined {
  const t = tables.get(tableId);
  if (t && t.results.size > 0) return shownValue(t, fieldId, recordId);
  const workspaceId = useAppStore.getState().workspaceId;
  if (!workspaceId) return undefined;
  let early = earlyResults.get(tableId);
  if (!early) earlyResults.set(tableId, (early = readFirstScreenFormulas(workspaceId, tableId)));
  return early[recordId]?.[fieldId];
}

/** The formula results of the first rows, so the next launch shows them before the engine runs. */
export function firstScreenFormulas(
  tableId: TableId,
  rows: readonly TableRecord[],
): FirstScreenFormulas {
  const schema = useAppStore.getState().schema;
  const fields = schema ? formulaFields(schema, tableId) : [];
  const out: FirstScreenFormulas = {};
  for (const rec of rows) {
    const values: NonNullable<FirstScreenFormulas[RecordId]> = {};
    for (const f of fields) {
      const v = formulaValue(tableId, f.id, rec.id);
      if (v !== undefined) values[f.id] = v;
    }
    out[rec.id] = values;
  }
  return out;
}

export function formulaResultType(tableId: TableId, fieldId: FieldId): ResultType | undefined {
  return tables.get(tableId)?.types.get(fieldId);
}

export function subscribeFormulas(tableId: TableId, listener: FormulaListener): () => void {
  let set = listeners.get(tableId);
  if (!set) listeners.set(tableId, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

function announce(tableId: TableId, fields: FieldId[], rows: RecordId[] | null): void {
  for (const l of listeners.get(tableId) ?? []) l(fields, rows);
}

/** The engine worker, started with the first table that has formulas. */
let client: EngineClient | null = null;
const engine = (): EngineClient => (client ??= createEngineClient());

/**
 * Sends a request for the table; its reply is applied after every earlier one. `shift` moves the
 * shown results the way the request moves the engine's rows.
 */
function send(tableId: TableId, t: FormulaTable, req: EngineRequest, shift?: RowShift): void {
  const rowIds = t.rowIds;
  const reply = engine().request(req);
  t.replies = t.replies.then(async () => {
    const updates = await reply.catch((err: unknown) => {
      console.error('Formula engine:', err);
      return null;
    });
    if (tables.get(tableId) !== t || !updates) return;
    if (shift) shiftResults(t, shift);
    if (t.shownIds !== rowIds) [t.shownIds, t.shownIndex] = [rowIds, null];
    if (t.shownIds === t.rowIds) t.shownIndex = null;
    const changed = applyUpdates(t, updates);
    const { fields, rows } = shift ? withInserted(t, shift, changed) : changed;
    if (fields.length > 0)
      announce(tableId, fields, rows && rows.size <= rowIds.length / 2 ? [...rows] : null);
    // For the bench (tests/bench/scenarios/formulas.mjs): the grid has the new values.
    performance.mark('regulars:formulas-updated');
  });
}

/**
 * What a reply that moved rows changed: the shown results moved with their records, so only
 * the rows the reply changed and, after an insert, the new rows (every formula) show new values.
 */
function withInserted(
  t: FormulaTable,
  shift: RowShift,
  changed: { fields: FieldId[]; rows: Set<RecordId> | null },
): { fields: FieldId[]; rows: Set<RecordId> | null } {
  if (shift.kind !== 'insert') return changed;
  const rows = changed.rows;
  for (const id of t.shownIds.slice(shift.at, shift.at + shift.count)) rows?.add(id);
  return { fields: [...t.results.keys()], rows };
}

/** Makes the table's formula results current: builds (or rebuilds) its engine when needed. */
export function syncFormulas(tableId: TableId): Promise<void> {
  const schema = useAppStore.getState().schema;
  const store = recordStore(tableId);
  if (!schema || !store.complete) return Promise.resolve();
  const signature = signatureOf(schema, tableId);
  const current = tables.get(tableId);
  if (current?.signature === signature) return current.replies;
  if (formulaFields(schema, tableId).length === 0) {
    dropFormulas(tableId);
    return Promise.resolve();
  }
  const pending = building.get(tableId);
  if (pending) return pending.then(() => syncFormulas(tableId));
  const job = buildTable(tableId, signature).finally(() => building.delete(tableId));
  building.set(tableId, job);
  return job;
}

async function buildTable(tableId: TableId, signature: string): Promise<void> {
  const schema = useAppStore.getState().schema;
  if (!schema) return;
  const store = recordStore(tableId);
  const records = store.all();
  const formulas = formulaFields(schema, tableId);
  const inputs = inputFields(schema, tableId);
  // The input columns are made a slice at a time (the page keeps answering); changes made
  // meanwhile are held and reach the engine right after the build, like later ones.
  const held: RecordDelta[] = [];
  const stopHolding = store.subscribe((delta) => held.push(delta));
  const values = new Map<FieldId, EngineValue[]>();
  try {
    for (const { field } of inputs.values())
      values.set(field.id, await engineColumnOf(field, records));
  } finally {
    stopHolding();
  }
  if (!useAppStore.getState().schema?.tables[tableId]) return;
  dropFormulas(tableId);
  const rowIds = records.map((r) => r.id);
  const t: FormulaTable = {
    signature,
    rowIds,
    rowIndex: indexRows(rowIds),
    inputs,
    values,
    shownIds: rowIds,
    shownIndex: null,
    results: new Map(),
    types: new Map(),
    replies: Promise.resolve(),
    unsubscribe: () => undefined,
  };
  tables.set(tableId, t);
  // Changes made while the engine builds are sent after the build and applied after it.
  t.unsubscribe = store.subscribe((delta) => applyDelta(tableId, delta));
  const build = engine().request({
    op: 'build',
    table: tableId,
    asOf: asOfDate(),
    language: workspaceLanguage(),
    rowCount: records.length,
    inputs: [...inputs.values()].map(({ field, kind }) => ({
      fieldId: field.id,
      kind,
      values: values.get(field.id) ?? [],
    })),
    formulas: formulas.map((f) => ({ fieldId: f.id, formula: f.options.formula ?? '' })),
  });
  for (const delta of held) applyDelta(tableId, delta);
  t.replies = build.then(
    (updates) => {
      if (tables.get(tableId) !== t) return;
      applyUpdates(t, updates);
      announce(tableId, [...t.results.keys()], null);
      // For the bench (tests/bench/scenarios/formulas.mjs): the listeners have the values now.
      performance.mark('regulars:formulas-ready');
    },
    (err: unknown) => console.error('Formula engine:', err),
  );
  await t.replies;
}

export function dropFormulas(tableId: TableId): void {
  const t = tables.get(tableId);
  if (!t) return;
  t.unsubscribe();
  tables.delete(tableId);
  void engine().request({ op: 'drop', table: tableId });
}

function setRows(t: FormulaTable, rowIds: RecordId[]): void {
  t.rowIds = rowIds;
  t.rowIndex = indexRows(rowIds);
}

/** Record changes reach the engine incrementally; a full reload rebuilds it. */
function applyDelta(tableId: TableId, delta: RecordDelta): void {
  const t = tables.get(tableId);
  if (!t) return;
  if (delta.reset) {
    dropFormulas(tableId);
    void syncFormulas(tableId);
    return;
  }
  if (delta.removed.length > 0) removeDeleted(tableId, t, delta.removed);
  if (delta.added.length > 0) insertAdded(tableId, t, delta.added);
  editInputs(tableId, t, delta.updated);
}

function removeDeleted(tableId: TableId, t: FormulaTable, ids: readonly RecordId[]): void {
  const rows = ids.map((id) => t.rowIndex.get(id)).filter((r): r is number => r !== undefined);
  if (rows.length === 0) return;
  const gone = new Set(rows);
  setRows(
    t,
    t.rowIds.filter((_, i) => !gone.has(i)),
  );
  for (const [id, column] of t.values)
    t.values.set(
      id,
      column.filter((_, i) => !gone.has(i)),
    );
  send(tableId, t, { op: 'removeRows', table: tableId, rows }, { kind: 'remove', rows });
}

/** Sends the engine the input cells whose value really changed. */
function editInputs(tableId: TableId, t: FormulaTable, updated: readonly TableRecord[]): void {
  const changes = [];
  for (const rec of updated) {
    const row = t.rowIndex.get(rec.id);
    if (row === undefined) continue;
    for (const { field } of t.inputs.values()) {
      const value = engineValueOf(field, rec);
      const column = t.values.get(field.id);
      if (!column || column[row] === value) continue;
      column[row] = value;
      changes.push({ fieldId: field.id, row, value });
    }
  }
  if (changes.length > 0) send(tableId, t, { op: 'setValues', table: tableId, changes });
}

/** New records go in as runs of consecutive rows, one request per run. */
function insertAdded(tableId: TableId, t: FormulaTable, added: readonly TableRecord[]): void {
  const order = recordStore(tableId).all();
  const position = new Map(order.map((r, i) => [r.id, i] as const));
  const sorted = [...added].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  for (let i = 0; i < sorted.length;) {
    const at = Math.min(
      position.get((sorted[i] as TableRecord).id) ?? t.rowIds.length,
      t.rowIds.length,
    );
    let end = i + 1;
    while (end < sorted.length && position.get((sorted[end] as TableRecord).id) === at + (end - i))
      end += 1;
    const run = sorted.slice(i, end);
    const values = [...t.inputs.values()].map(({ field }) => ({
      fieldId: field.id,
      values: run.map((rec) => engineValueOf(field, rec)),
    }));
    const ids = [...t.rowIds];
    ids.splice(at, 0, ...run.map((r) => r.id));
    setRows(t, ids);
    for (const v of values) t.values.get(v.fieldId as FieldId)?.splice(at, 0, ...v.values);
    const count = run.length;
    send(
      tableId,
      t,
      { op: 'insertRows', table: tableId, at, count, values },
      { kind: 'insert', at, count },
    );
    i = end;
  }
}

/** The as-of date or the language changed: recalculate every open table. */
export function refreshEnvironment(asOf: string, language: Language): void {
  for (const [tableId, t] of tables) {
    send(tableId, t, { op: 'setEnvironment', table: tableId, asOf, language });
  }
}

/**
 * Starts the engine's worker as soon as a workspace with formulas opens: loading HyperFormula
 * there (~0.3 s) then overlaps reading the records instead of following it.
 */
function warmEngine(schema: SchemaState | null): void {
  if (client || !schema) return;
  if (Object.values(schema.fields).some((f) => f.type === 'formula' && f.options.formula)) engine();
}

/** Keeps formula results current as schema, loaded tables and settings change. */
export function startFormulaSync(): () => void {
  // "Today" moves on at local midnight while the app stays open.
  let today = todayLocal();
  const timer = setInterval(() => {
    const now = todayLocal();
    if (now === today) return;
    today = now;
    if (!useAppStore.getState().schema?.meta.asOfDate)
      refreshEnvironment(asOfDate(), workspaceLanguage());
  }, 60_000);
  const unsubscribe = useAppStore.subscribe((state, prev) => {
    if (state.schema !== prev.schema) warmEngine(state.schema);
    if (state.schema !== prev.schema || state.loaded !== prev.loaded) {
      for (const [tableId, loaded] of Object.entries(state.loaded)) {
        if (loaded && state.schema?.tables[tableId as TableId])
          void syncFormulas(tableId as TableId);
      }
      for (const tableId of [...tables.keys()])
        if (!state.schema?.tables[tableId]) dropFormulas(tableId);
    }
    const meta = state.schema?.meta;
    const before = prev.schema?.meta;
    if (
      meta &&
      before &&
      (meta.asOfDate !== before.asOfDate || meta.language !== before.language)
    ) {
      refreshEnvironment(asOfDate(), workspaceLanguage());
    }
  });
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}
