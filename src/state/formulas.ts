/**
 * Live formula columns. Per table with formula fields, the engine (HyperFormula plus the
 * customer functions, in a Web Worker) holds the input columns the formulas read; record edits,
 * inserts and deletes reach it incrementally, and listeners learn which cells changed.
 * A change of formulas reaches it incrementally too; a change of the inputs' types rebuilds it.
 */
import { formulaDependencies } from '../domain/formula';
import type * as EngineApi from '../engine';
import { todayLocal } from '../domain/dates';
import { normaliseLanguage } from '../domain/language';
import { yieldToEventLoop } from '../domain/pause';
import type { FieldId, RecordId, TableId } from '../domain/ids';
import type { Field, Language, TableRecord } from '../domain/model';
import type { SchemaState } from '../domain/schemaState';
import type { RecordDelta } from './recordStore';
import type { EngineValue, FormulaResult, InputKind, ResultType } from '../engine/types';
import { createEngineClient } from '../engine/remote/client';
import type { EngineClient } from '../engine/remote/client';
import type { EngineRequest } from '../engine/remote/protocol';
import type { EngineClientOptions } from '../engine/remote/client';
import { applyUpdates, indexRecords, lendColumns, shiftResults, shownValue } from './formulaMirror';
import type { FormulaTable, RowShift } from './formulaMirror';
import { editInputs, insertAdded, removeDeleted } from './formulaRows';
import { RowIndex } from './formulaRowIndex';
import { readFirstScreenFormulas } from './firstScreen';
import type { FirstScreenFormulas } from './firstScreen';
import { engineColumnsOf, engineValueOf, inputKindOf } from './formulaValues';
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
  return inputsAmong(schema, tableId, read);
}

/** The fields among `ids` that are the table's inputs (not formulas), with their kinds. */
function inputsAmong(
  schema: SchemaState,
  tableId: TableId,
  ids: Iterable<string>,
): Map<FieldId, { field: Field; kind: InputKind }> {
  const out = new Map<FieldId, { field: Field; kind: InputKind }>();
  for (const id of ids) {
    const f = schema.fields[id as FieldId];
    const kind = f && f.tableId === tableId ? inputKindOf(f) : null;
    if (f && kind) out.set(f.id, { field: f, kind });
  }
  return out;
}

/** Each formula column's formula. */
function formulasOf(schema: SchemaState, tableId: TableId): Map<FieldId, string> {
  return new Map(formulaFields(schema, tableId).map((f) => [f.id, f.options.formula ?? '']));
}

/** What a table's engine holds, as one text: its formulas and the kinds of its inputs. */
function signatureFrom(
  formulas: ReadonlyMap<FieldId, string>,
  inputs: ReadonlyMap<FieldId, { kind: InputKind }>,
): string {
  const f = [...formulas].map(([id, formula]) => `${id}=${formula}`);
  const i = [...inputs].map(([id, { kind }]) => `${id}:${kind}`);
  return `${f.sort().join('\n')}|${i.sort().join(',')}`;
}

function signatureOf(schema: SchemaState, tableId: TableId): string {
  return signatureFrom(formulasOf(schema, tableId), inputFields(schema, tableId));
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
let clientOptions: EngineClientOptions = {};
const engine = (): EngineClient => (client ??= createEngineClient(clientOptions));

/**
 * Sets how the next engine connection splits its messages (tests use tiny parts to exercise
 * the chunked paths); drops the current connection and every table's results.
 */
export function configureFormulaEngine(options: EngineClientOptions): void {
  for (const tableId of [...tables.keys()]) dropFormulas(tableId);
  client?.terminate();
  client = null;
  clientOptions = options;
}

/**
 * Sends a request for the table; its reply is applied after every earlier one. `shift` moves the
 * shown results the way the request moves the engine's rows.
 */
function send(tableId: TableId, t: FormulaTable, req: EngineRequest, shift?: RowShift): void {
  const rowIds = t.rowIds;
  const reply = engine()
    .request(req)
    .catch((err: unknown) => {
      if (tables.get(tableId) === t) console.error('Formula engine:', err);
      return null;
    });
  if (shift) t.pending.push(shift);
  t.replies = t.replies.then(async () => {
    const updates = await reply;
    if (tables.get(tableId) !== t) return;
    // A failed reply still moved the engine's rows (or the engine is gone): keep in step.
    if (shift) {
      t.pending.shift();
      shiftResults(t, shift);
    }
    t.shownIds = rowIds;
    if (!updates) {
      // The engine may hold some of the new columns and not others: a new engine settles it.
      if (req.op === 'columns') {
        dropFormulas(tableId);
        void syncFormulas(tableId);
      }
      return;
    }
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
  if (current && signatureFrom(current.formulas, current.inputs) === signature)
    return current.replies;
  if (formulaFields(schema, tableId).length === 0) {
    dropFormulas(tableId);
    return Promise.resolve();
  }
  const pending = building.get(tableId);
  if (pending) return pending.then(() => syncFormulas(tableId));
  return startBuild(tableId);
}

/** Builds the table's engine, or changes the columns of the one it has. */
function startBuild(tableId: TableId): Promise<void> {
  const current = tables.get(tableId);
  const work = current ? changeColumns(tableId, current) : buildTable(tableId);
  const job = work.finally(() => building.delete(tableId));
  building.set(tableId, job);
  return job;
}

/**
 * The table's formulas or the columns they read changed: its engine takes the difference
 * (columns removed, input columns added, formulas set) instead of being built again. An input
 * now read as another kind (its field's type changed) needs a new engine.
 */
async function changeColumns(tableId: TableId, t: FormulaTable): Promise<void> {
  const schema = useAppStore.getState().schema;
  if (!schema) return;
  const inputs = inputFields(schema, tableId);
  const formulas = formulasOf(schema, tableId);
  for (const [id, { kind }] of inputs)
    if ((t.inputs.get(id)?.kind ?? kind) !== kind) return buildTable(tableId);
  const added = [...inputs.values()].filter(({ field }) => !t.inputs.has(field.id));
  const store = recordStore(tableId);
  const order = t.rowIds;
  const records = order.map((id) => store.get(id));
  if (records.some((r) => r === undefined)) return buildTable(tableId);
  // The new input columns are made a slice at a time; records edited meanwhile are read again.
  const edited = new Set<RecordId>();
  const stopWatching = store.subscribe((delta) => delta.updated.forEach((r) => edited.add(r.id)));
  let values: Map<FieldId, EngineValue[]>;
  try {
    values = await engineColumnsOf(
      added.map((a) => a.field),
      records as TableRecord[],
    );
  } finally {
    stopWatching();
  }
  // Dropped or rebuilt meanwhile, or the columns changed again: the next sync starts over.
  const now = useAppStore.getState().schema;
  const signature = signatureFrom(formulas, inputs);
  if (tables.get(tableId) !== t || !now || signatureOf(now, tableId) !== signature) return;
  if (t.rowIds !== order) return changeColumns(tableId, t);
  for (const id of edited) {
    const [row, rec] = [t.rowIndex.get(id), store.get(id)];
    if (row === undefined || !rec) continue;
    for (const { field } of added)
      (values.get(field.id) as EngineValue[])[row] = engineValueOf(field, rec);
  }
  const removeFormulas = [...t.formulas.keys()].filter((id) => !formulas.has(id));
  const removeInputs = [...t.inputs.keys()].filter((id) => !inputs.has(id));
  const set = formulasToSet(t.formulas, formulas);
  t.formulas = formulas;
  t.inputs = inputs;
  for (const id of removeInputs) t.values.delete(id);
  for (const [id, column] of values) t.values.set(id, column);
  for (const id of removeFormulas) {
    t.results.delete(id);
    t.types.delete(id);
  }
  send(tableId, t, {
    op: 'columns',
    table: tableId,
    rowCount: order.length,
    inputs: added.map(({ field, kind }) => ({
      fieldId: field.id,
      kind,
      values: values.get(field.id) ?? [],
    })),
    formulas: set.map((id) => ({ fieldId: id, formula: formulas.get(id) ?? '' })),
    removeFormulas,
    removeInputs,
  });
  lendColumns(t, values.values(), t.replies);
  await t.replies;
}

/**
 * The new and changed formulas, each after the formula columns it reads (so it can read them
 * as they are meant); formulas naming a column new to the engine are the engine's to redo.
 */
function formulasToSet(
  before: ReadonlyMap<FieldId, string>,
  after: ReadonlyMap<FieldId, string>,
): FieldId[] {
  const wanted = new Set([...after].filter(([id, f]) => before.get(id) !== f).map(([id]) => id));
  const ordered: FieldId[] = [];
  const visit = (id: FieldId, path: Set<FieldId>): void => {
    if (!wanted.has(id) || ordered.includes(id) || path.has(id)) return;
    path.add(id);
    for (const d of formulaDependencies(after.get(id) ?? '')) visit(d, path);
    ordered.push(id);
  };
  for (const id of wanted) visit(id, new Set());
  return ordered;
}

/**
 * A formula's results for some records, computed by the table's engine over all its rows so a
 * ranking sees the whole column (the formula editor's preview). A table without formula columns
 * gets its engine first. Null when there is no engine or a record is not in it.
 */
export async function previewFormula(
  tableId: TableId,
  stored: string,
  ids: readonly RecordId[],
): Promise<FormulaResult[] | null> {
  const schema = useAppStore.getState().schema;
  if (!schema || !recordStore(tableId).complete) return null;
  if (!tables.has(tableId)) await (building.get(tableId) ?? startBuild(tableId));
  const t = tables.get(tableId);
  const rows = t ? ids.map((id) => t.rowIndex.get(id)) : [];
  if (!t || rows.some((row) => row === undefined)) return null;
  // The columns the formula reads that no formula column does: the engine has not got them.
  const store = recordStore(tableId);
  const missing = [...inputsAmong(schema, tableId, formulaDependencies(stored)).values()].filter(
    ({ field }) => !t.inputs.has(field.id),
  );
  const order = t.rowIds;
  let values = new Map<FieldId, EngineValue[]>();
  if (missing.length > 0) {
    const inRows = order.map((id) => store.get(id)).filter((r) => r !== undefined);
    if (inRows.length !== order.length) return null;
    values = await engineColumnsOf(
      missing.map((m) => m.field),
      inRows,
    );
    // Rows moved while the columns were made: this preview is out of date anyway.
    if (tables.get(tableId) !== t || t.rowIds !== order) return null;
  }
  try {
    const [update] = await engine().request({
      op: 'preview',
      table: tableId,
      formula: stored,
      rows: rows as number[],
      rowCount: order.length,
      inputs: missing.map(({ field, kind }) => ({
        fieldId: field.id,
        kind,
        values: values.get(field.id) ?? [],
      })),
    });
    return update?.values.toArray() ?? null;
  } catch {
    return null;
  }
}

async function buildTable(tableId: TableId): Promise<void> {
  // In a task of its own: a build starts from the store update that shows the loaded rows, whose
  // task the grid's render already fills (traced at 100k rows: 65–70 ms with the first slice).
  await yieldToEventLoop();
  const schema = useAppStore.getState().schema;
  if (!schema) return;
  const store = recordStore(tableId);
  const records = store.all();
  const formulas = formulasOf(schema, tableId);
  const inputs = inputFields(schema, tableId);
  // The input columns and the row index are made a slice at a time (the page keeps answering);
  // changes made meanwhile are held and reach the engine right after the build, like later ones.
  const held: RecordDelta[] = [];
  const stopHolding = store.subscribe((delta) => held.push(delta));
  let values: Map<FieldId, EngineValue[]>;
  let rows: Awaited<ReturnType<typeof indexRecords>>;
  try {
    values = await engineColumnsOf(
      [...inputs.values()].map((i) => i.field),
      records,
    );
    performance.mark('regulars:formula-inputs');
    rows = await indexRecords(records);
    performance.mark('regulars:formula-rows');
  } finally {
    stopHolding();
  }
  if (!useAppStore.getState().schema?.tables[tableId]) return;
  dropFormulas(tableId);
  const t: FormulaTable = {
    rowIds: rows.ids,
    rowIndex: new RowIndex(rows.index),
    inputs,
    formulas,
    values,
    lent: new Set(),
    shownIds: rows.ids,
    pending: [],
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
    formulas: [...formulas].map(([fieldId, formula]) => ({ fieldId, formula })),
  });
  lendColumns(t, values.values(), build);
  for (const delta of held) applyDelta(tableId, delta);
  t.replies = build.then(
    (updates) => {
      if (tables.get(tableId) !== t) return;
      applyUpdates(t, updates);
      announce(tableId, [...t.results.keys()], null);
      // For the bench (tests/bench/scenarios/formulas.mjs): the listeners have the values now.
      performance.mark('regulars:formulas-ready');
    },
    (err: unknown) => {
      if (tables.get(tableId) === t) console.error('Formula engine:', err);
    },
  );
  await t.replies;
}

/**
 * The formula editor closed: a table without formula columns does not keep the engine a
 * preview of a ranking built for it (its inputs and HyperFormula stay in the worker otherwise).
 */
export function releasePreviewEngine(tableId: TableId): void {
  const pending = building.get(tableId);
  if (pending) {
    void pending.then(() => releasePreviewEngine(tableId));
    return;
  }
  const schema = useAppStore.getState().schema;
  if (schema && formulaFields(schema, tableId).length === 0) dropFormulas(tableId);
}

export function dropFormulas(tableId: TableId): void {
  const t = tables.get(tableId);
  if (!t) return;
  t.unsubscribe();
  tables.delete(tableId);
  // Nothing to wait for; a stopped engine has dropped everything anyway.
  engine()
    .request({ op: 'drop', table: tableId })
    .catch(() => undefined);
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
  const sendFor = (req: EngineRequest, shift?: RowShift) => send(tableId, t, req, shift);
  if (delta.removed.length > 0) removeDeleted(tableId, t, delta.removed, sendFor);
  if (delta.added.length > 0)
    insertAdded(tableId, t, delta.added, recordStore(tableId).all(), sendFor);
  editInputs(tableId, t, delta.updated, sendFor);
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
