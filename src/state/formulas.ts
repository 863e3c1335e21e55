/**
 * Live formula columns. Per table with formula fields, a HyperFormula-backed engine
 * (src/engine, loaded on demand) holds the input columns the formulas read; record edits,
 * inserts and deletes reach it incrementally, and listeners learn which cells changed.
 * A change of formulas or of the inputs' types rebuilds that table's engine.
 */
import { formulaDependencies, substituteReferences } from '../domain/formula';
import type * as EngineApi from '../engine';
import { todayLocal } from '../domain/dates';
import { normaliseLanguage } from '../domain/language';
import type { FieldId, RecordId, TableId } from '../domain/ids';
import type { Field, Language, TableRecord } from '../domain/model';
import type { SchemaState } from '../domain/schemaState';
import type { RecordDelta } from './recordStore';
import type {
  ChangedCells,
  EngineValue,
  FormulaResult,
  InputKind,
  ResultType,
  TableEngine,
} from '../engine/types';
import { engineValueOf, inputKindOf } from './formulaValues';
import { recordStore } from './session';
import { useAppStore } from './store';

export type { FormulaResult, ResultType };

type EngineModule = typeof EngineApi;
let engineModule: EngineModule | null = null;

/** Loads the engine code (HyperFormula) once; resolves when formulas can be evaluated. */
export async function loadFormulaEngine(): Promise<EngineModule> {
  engineModule ??= await import('../engine');
  return engineModule;
}

export type FormulaListener = (fields: FieldId[], rows: RecordId[] | null) => void;

interface FormulaTable {
  engine: TableEngine;
  signature: string;
  rowIds: RecordId[];
  rowIndex: Map<RecordId, number>;
  inputs: Map<FieldId, { field: Field; kind: InputKind }>;
  /** What the engine holds for each input, to send only real changes. */
  values: Map<FieldId, EngineValue[]>;
  results: Map<FieldId, FormulaResult[]>;
  unsubscribe: () => void;
}

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

export function formulaValue(
  tableId: TableId,
  fieldId: FieldId,
  recordId: RecordId,
): FormulaResult | undefined {
  const t = tables.get(tableId);
  const row = t?.rowIndex.get(recordId);
  return row === undefined ? undefined : t?.results.get(fieldId)?.[row];
}

export function formulaResultType(tableId: TableId, fieldId: FieldId): ResultType | undefined {
  const t = tables.get(tableId);
  return t?.results.has(fieldId) ? t.engine.resultType(fieldId) : undefined;
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

/** Re-reads the changed formula columns and tells listeners which rows changed. */
function absorb(tableId: TableId, t: FormulaTable, changed: readonly ChangedCells[]): void {
  const fields: FieldId[] = [];
  const rows = new Set<RecordId>();
  for (const c of changed) {
    if (c.rows.length === 0) continue;
    fields.push(c.fieldId as FieldId);
    t.results.set(c.fieldId as FieldId, t.engine.column(c.fieldId));
    for (const r of c.rows) {
      const id = t.rowIds[r];
      if (id) rows.add(id);
    }
  }
  if (fields.length > 0)
    announce(tableId, fields, rows.size > t.rowIds.length / 2 ? null : [...rows]);
}

/** Makes the table's formula results current: builds (or rebuilds) its engine when needed. */
export function syncFormulas(tableId: TableId): Promise<void> {
  const schema = useAppStore.getState().schema;
  const store = recordStore(tableId);
  if (!schema || !store.complete) return Promise.resolve();
  const signature = signatureOf(schema, tableId);
  const current = tables.get(tableId);
  if (current?.signature === signature) return Promise.resolve();
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
  const mod = await loadFormulaEngine();
  const schema = useAppStore.getState().schema;
  if (!schema) return;
  const store = recordStore(tableId);
  const records = store.all();
  const formulas = formulaFields(schema, tableId);
  const inputs = inputFields(schema, tableId);
  const engine = mod.createTableEngine({
    asOf: asOfDate(),
    language: workspaceLanguage(),
    substitute: substituteReferences,
  });
  const values = new Map<FieldId, EngineValue[]>();
  for (const { field } of inputs.values())
    values.set(
      field.id,
      records.map((r) => engineValueOf(field, r)),
    );
  await engine.build(
    records.length,
    [...inputs.values()].map(({ field, kind }) => ({
      fieldId: field.id,
      kind,
      values: values.get(field.id) ?? [],
    })),
    formulas.map((f) => ({
      fieldId: f.id,
      formula: f.options.formula ?? '',
    })),
  );
  dropFormulas(tableId);
  const t: FormulaTable = {
    engine,
    signature,
    rowIds: records.map((r) => r.id),
    rowIndex: new Map(records.map((r, i) => [r.id, i] as const)),
    inputs,
    values,
    results: new Map(),
    unsubscribe: store.subscribe((delta) => applyDelta(tableId, delta)),
  };
  for (const f of formulas) t.results.set(f.id, engine.column(f.id));
  tables.set(tableId, t);
  announce(tableId, [...t.results.keys()], null);
  // For the bench (tests/bench/scenarios/formulas.mjs): the listeners have the values now.
  performance.mark('regulars:formulas-ready');
}

export function dropFormulas(tableId: TableId): void {
  const t = tables.get(tableId);
  if (!t) return;
  t.unsubscribe();
  t.engine.destroy();
  tables.delete(tableId);
}

function reindex(t: FormulaTable): void {
  t.rowIndex = new Map(t.rowIds.map((id, i) => [id, i] as const));
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
  const changed: ChangedCells[] = [];
  if (delta.removed.length > 0) changed.push(...removeDeleted(t, delta.removed));
  if (delta.added.length > 0) changed.push(...insertAdded(tableId, t, delta.added));
  changed.push(...editInputs(t, delta.updated));
  if (delta.removed.length > 0 || delta.added.length > 0) {
    // Rows moved: every result column is re-read, not just the cells that changed value.
    for (const fieldId of t.results.keys()) t.results.set(fieldId, t.engine.column(fieldId));
    announce(tableId, [...t.results.keys()], null);
  } else {
    absorb(tableId, t, changed);
  }
  performance.mark('regulars:formulas-updated');
}

function removeDeleted(t: FormulaTable, ids: readonly RecordId[]): ChangedCells[] {
  const rows = ids.map((id) => t.rowIndex.get(id)).filter((r): r is number => r !== undefined);
  const changed = t.engine.removeRows(rows);
  const gone = new Set(rows);
  t.rowIds = t.rowIds.filter((_, i) => !gone.has(i));
  for (const [id, column] of t.values)
    t.values.set(
      id,
      column.filter((_, i) => !gone.has(i)),
    );
  reindex(t);
  return changed;
}

/** Sends the engine the input cells whose value really changed. */
function editInputs(t: FormulaTable, updated: readonly TableRecord[]): ChangedCells[] {
  const edits = [];
  for (const rec of updated) {
    const row = t.rowIndex.get(rec.id);
    if (row === undefined) continue;
    for (const { field } of t.inputs.values()) {
      const value = engineValueOf(field, rec);
      const column = t.values.get(field.id);
      if (!column || column[row] === value) continue;
      column[row] = value;
      edits.push({ fieldId: field.id, row, value });
    }
  }
  return edits.length > 0 ? t.engine.setValues(edits) : [];
}

function insertAdded(
  tableId: TableId,
  t: FormulaTable,
  added: readonly TableRecord[],
): ChangedCells[] {
  const order = recordStore(tableId).all();
  const position = new Map(order.map((r, i) => [r.id, i] as const));
  const changed: ChangedCells[] = [];
  for (const rec of [...added].sort(
    (a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0),
  )) {
    const at = Math.min(position.get(rec.id) ?? t.rowIds.length, t.rowIds.length);
    const values = [...t.inputs.values()].map(({ field }) => ({
      fieldId: field.id,
      values: [engineValueOf(field, rec)],
    }));
    changed.push(...t.engine.insertRows(at, 1, values));
    t.rowIds.splice(at, 0, rec.id);
    for (const v of values) t.values.get(v.fieldId as FieldId)?.splice(at, 0, v.values[0] ?? null);
  }
  reindex(t);
  return changed;
}

/** The as-of date or the language changed: recalculate every open table. */
export function refreshEnvironment(asOf: string, language: Language): void {
  for (const [tableId, t] of tables) {
    absorb(tableId, t, [...t.engine.setAsOf(asOf), ...t.engine.setLanguage(language)]);
  }
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
