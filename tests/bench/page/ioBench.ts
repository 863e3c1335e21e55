/**
 * `window.bench.io`: the import, export and backup scenarios' page side. Files are made here
 * (untimed), then the app's own pipelines run end to end with the JS heap sampled meanwhile.
 */
import type { FieldId, TableId, WorkspaceId } from '../../../src/domain/ids';
import type { ColumnTarget, ImportSpec } from '../../../src/domain/import/types';
import { listViewColumns } from '../../../src/domain/schemaState';
import { createBackup } from '../../../src/state/backup';
import { exportView } from '../../../src/state/exporter';
import { ImportClient, createDefaultPort } from '../../../src/io/import/client';
import { openImportFile } from '../../../src/state/importer';
import { ensureRecords, recordStore } from '../../../src/state/session';
import { useAppStore } from '../../../src/state/store';
import { createWorkspace, openWorkspace } from '../../../src/state/workspace';
import type { FloorTiming } from './ioFloor';
import { compareWrites, csvFloor, unparseFloor, xlsxFloor } from './ioFloor';
import { buildOrdersCsv, buildOrdersXlsx } from './ordersData';

export class IoBenchError extends Error {
  override name = 'IoBenchError';
}

interface MemoryInfo {
  usedJSHeapSize: number;
}

function heapNow(): number {
  return (performance as Performance & { memory?: MemoryInfo }).memory?.usedJSHeapSize ?? 0;
}

/** A full collection (Chromium runs with --js-flags=--expose-gc), so baselines are comparable. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Samples the heap every 50 ms (each read costs ~0.15 ms); a long task hides its own peak, so
 * the end is sampled too.
 */
function startHeapSampler(): { stop(): number } {
  let peak = heapNow();
  const timer = setInterval(() => (peak = Math.max(peak, heapNow())), 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, heapNow());
    },
  };
}

let sourceFile: File | null = null;

/** Makes the orders file the next import and floor read. */
function makeOrdersFile(format: 'csv' | 'xlsx', rows: number): { bytes: number; ms: number } {
  const started = performance.now();
  sourceFile = null;
  collectGarbage();
  sourceFile = format === 'csv' ? buildOrdersCsv(rows) : buildOrdersXlsx(rows);
  return { bytes: sourceFile.size, ms: performance.now() - started };
}

function requireFile(): File {
  if (!sourceFile) throw new IoBenchError('makeOrdersFile first');
  return sourceFile;
}

function requireTable(): { tableId: TableId; workspaceId: WorkspaceId } {
  const { activeTableId, workspaceId } = useAppStore.getState();
  if (!activeTableId || !workspaceId) throw new IoBenchError('No workspace is open');
  return { tableId: activeTableId, workspaceId };
}

/** A new empty workspace (as on first launch), open with its records loaded. */
async function createEmptyWorkspace(): Promise<{ workspaceId: WorkspaceId }> {
  await createWorkspace({
    kind: 'empty',
    language: 'zh-CN',
    names: { workspace: '回头客', table: '客户', primaryField: '姓名', view: '全部' },
  });
  const { tableId, workspaceId } = requireTable();
  await ensureRecords(tableId);
  return { workspaceId };
}

export interface ImportTiming {
  /** openImportFile → run resolved (committed). */
  ms: number;
  start: number;
  end: number;
  openMs: number;
  previewMs: number;
  /** Preview done → last converted chunk received. */
  convertMs: number;
  /** Last chunk → committed (building the command, writing, applying in memory). */
  writeMs: number;
  rows: number;
  added: number;
  flagged: number;
  skipped: number;
  types: string[];
  tableId: TableId;
  workspaceId: WorkspaceId;
  heapBase: number;
  heapPeak: number;
}

/** The app's import of the current file into a new table, every column a new field. */
async function importFile(): Promise<ImportTiming> {
  const file = requireFile();
  collectGarbage();
  const heapBase = heapNow();
  const sampler = startHeapSampler();
  await new Promise((resolve) => setTimeout(resolve, 0));
  const start = performance.now();
  const opened = await openImportFile(file);
  if (!opened.ok)
    throw new IoBenchError(
      `The file did not open: ${opened.problem} (${await diagnoseOpen(file)})`,
    );
  const { handle } = opened;
  try {
    const openedAt = performance.now();
    const preview = await handle.preview({ sheet: 0, headerRow: null });
    const previewedAt = performance.now();
    const columns: ColumnTarget[] = preview.columns.map((c) => ({
      kind: 'new',
      name: c.header,
      type: c.inferred.type,
      options: c.inferred.options,
    }));
    const spec: ImportSpec = {
      sheet: 0,
      headerRow: preview.headerRow,
      columns,
      mode: 'newTable',
      tableName: '订单',
    };
    let convertedAt = previewedAt;
    const summary = await handle.run(
      spec,
      (p) => {
        if (p.phase === 'converting') convertedAt = performance.now();
      },
      new AbortController().signal,
    );
    const end = performance.now();
    if (!summary) throw new IoBenchError('The import was cancelled');
    return {
      ms: end - start,
      start,
      end,
      openMs: openedAt - start,
      previewMs: previewedAt - openedAt,
      convertMs: convertedAt - previewedAt,
      writeMs: end - convertedAt,
      rows: preview.totalRows,
      added: summary.added,
      flagged: summary.flagged,
      skipped: summary.skipped,
      types: preview.columns.map((c) => c.inferred.type),
      tableId: summary.tableId,
      workspaceId: requireTable().workspaceId,
      heapBase,
      heapPeak: sampler.stop(),
    };
  } finally {
    handle.close();
  }
}

/**
 * Why a file did not open, in the worker's own words: openImportFile maps every failure to a
 * problem code, which hides the message (a worker crash, an exception in the reader).
 */
async function diagnoseOpen(file: File): Promise<string> {
  const client = new ImportClient(createDefaultPort());
  try {
    const reply = await client.open({ bytes: await file.arrayBuffer() }, file.name);
    return reply.ok ? 'opened on a second try' : `reader said ${reply.problem}`;
  } catch (err) {
    return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  } finally {
    client.close();
  }
}

function floorOfFile(): Promise<FloorTiming> {
  const file = requireFile();
  collectGarbage();
  return file.name.endsWith('.csv') ? csvFloor(file) : xlsxFloor(file);
}

function compareWritesOfFile(limit: number) {
  collectGarbage();
  return compareWrites(requireFile(), limit);
}

/** Opens a workspace made earlier and loads a table's records (not part of any figure). */
async function openTable(
  workspaceId: WorkspaceId,
  tableId: TableId,
): Promise<{ ms: number; records: number }> {
  const started = performance.now();
  if (!(await openWorkspace(workspaceId))) throw new IoBenchError(`No workspace ${workspaceId}`);
  useAppStore.setState({ activeTableId: tableId });
  await ensureRecords(tableId);
  return { ms: performance.now() - started, records: recordStore(tableId).size };
}

export interface OutputTiming {
  ms: number;
  start: number;
  end: number;
  bytes: number;
  rows: number;
  heapBase: number;
  heapPeak: number;
  /** The file's first characters, to see it is what was asked for. */
  head: string;
}

/** Runs `make` with the heap sampled from a collected baseline. */
async function timeOutput(
  make: () => Promise<{ blob: Blob; rows: number }>,
): Promise<OutputTiming> {
  collectGarbage();
  const heapBase = heapNow();
  const sampler = startHeapSampler();
  // Start in a task of the page's own: work run inside the driver's evaluate call is not
  // reported as a long task, so `block` would miss it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const start = performance.now();
  const { blob, rows } = await make();
  const end = performance.now();
  const heapPeak = sampler.stop();
  const head = await blob.slice(0, 160).text();
  return { ms: end - start, start, end, bytes: blob.size, rows, heapBase, heapPeak, head };
}

function activeView(tableId: TableId) {
  const schema = useAppStore.getState().schema;
  const view = Object.values(schema?.views ?? {}).find((v) => v.tableId === tableId);
  if (!schema || !view) throw new IoBenchError(`Table ${tableId} has no view`);
  return { schema, view };
}

/** The app's CSV export of the table's first view, every record in table order. */
function exportCsv(): Promise<OutputTiming> {
  const { tableId } = requireTable();
  const { view } = activeView(tableId);
  const ids = recordStore(tableId)
    .all()
    .map((r) => r.id);
  return timeOutput(async () => {
    const result = await exportView({
      viewId: view.id,
      format: 'csv',
      recordIds: ids,
      language: 'zh-CN',
    });
    if (!result.ok) throw new IoBenchError(`Export failed: ${result.problem}`);
    return result;
  });
}

/** papaparse `unparse` of the same rows' stored values. */
function exportFloor(): { ms: number; bytes: number } {
  const { tableId } = requireTable();
  const { schema, view } = activeView(tableId);
  const fields = listViewColumns(schema, view)
    .filter((c) => !c.hidden)
    .map((c) => c.field);
  collectGarbage();
  const ids: FieldId[] = fields.map((f) => f.id);
  return unparseFloor(
    recordStore(tableId).all(),
    ids,
    fields.map((f) => f.name),
  );
}

function backup(): Promise<OutputTiming> {
  return timeOutput(async () => {
    const { tableId } = requireTable();
    const rows = recordStore(tableId).size;
    const file = await createBackup();
    return { blob: file.blob, rows };
  });
}

/** The longest main-thread task (from the init script's long-task list) overlapping [from, to]. */
async function longestTask(
  from: number,
  to: number,
): Promise<{ block: number; tasks: number; list: string[] }> {
  // Long-task entries arrive after their task ends: give the observer a moment.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const all = (window as { __benchLongTasks?: { start: number; duration: number }[] })
    .__benchLongTasks;
  const inside = (all ?? []).filter((t) => t.start < to && t.start + t.duration > from);
  const list = inside.map((t) => `${Math.round(t.duration)} ms at +${Math.round(t.start - from)}`);
  return { block: inside.reduce((m, t) => Math.max(m, t.duration), 0), tasks: inside.length, list };
}

export const ioBench = {
  makeOrdersFile,
  createEmptyWorkspace,
  importFile,
  floorOfFile,
  compareWritesOfFile,
  openTable,
  exportCsv,
  exportFloor,
  backup,
  longestTask,
};
export type IoBenchApi = typeof ioBench;
