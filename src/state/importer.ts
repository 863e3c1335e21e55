/**
 * Importing a file into the workspace: open it (in the import worker), preview and map it, then
 * run — convert in the worker, build ONE command, and write it all or nothing as one undo step.
 */
import { yieldToEventLoop } from '../domain/pause';
import type { FieldId, TableId } from '../domain/ids';
import { ImportBuilder } from '../domain/import/build';
import type { ImportPlan } from '../domain/import/plan';
import { planImport } from '../domain/import/plan';
import { problemReportCsv as buildReportCsv } from '../domain/import/report';
import type {
  ColumnTarget,
  ImportProgress,
  ImportSpec,
  ImportSummary,
  Preview,
  PreviewRequest,
  SourceInfo,
  SourceProblem,
} from '../domain/import/types';
import { normaliseLanguage } from '../domain/language';
import type { Field, Language } from '../domain/model';
import type { ImportClient } from '../io/import/client';
import type { ConvertRequest, ConvertResult } from '../io/import/session';
import { openImportClient } from '../io/import/client';
import { MAX_IMPORT_BYTES } from '../io/import/sniff';
import { typeContext } from './actions';
import { ensureRecords, recordStore, runLargeCommand } from './session';
import { useAppStore } from './store';

export interface ImportHandle {
  readonly info: SourceInfo;
  preview(request: PreviewRequest): Promise<Preview>;
  /** Converts and writes; resolves with the summary, or null when cancelled (nothing changed). */
  run(
    spec: ImportSpec,
    onProgress: (p: ImportProgress) => void,
    signal: AbortSignal,
  ): Promise<ImportSummary | null>;
  close(): void;
}

export type OpenResult = { ok: true; handle: ImportHandle } | { ok: false; problem: SourceProblem };

/** The write failed (quota, closed database); the workspace is unchanged and the user was told. */
export class ImportWriteError extends Error {
  override name = 'ImportWriteError';
}

export class NoWorkspaceError extends Error {
  override name = 'NoWorkspaceError';
}

/** Existing records whose keys are indexed per task before an update-or-insert. */
const KEY_INDEX_STEP = 20_000;

/** Share of the progress bar for reading and converting; writing takes the rest. */
const CONVERT_SHARE = 60;

function currentLanguage(): Language {
  const meta = useAppStore.getState().schema?.meta;
  const browser = typeof navigator === 'undefined' ? undefined : navigator.language;
  return meta?.language ?? normaliseLanguage(browser);
}

function requireSchema() {
  const schema = useAppStore.getState().schema;
  if (!schema) throw new NoWorkspaceError('No workspace is open');
  return schema;
}

function isTooLargeError(err: unknown): boolean {
  return (
    err instanceof RangeError || (err instanceof Error && /memory|allocation/i.test(err.message))
  );
}

export async function openImportFile(file: File): Promise<OpenResult> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, problem: 'tooLarge' };
  if (file.size === 0) return { ok: false, problem: 'empty' };
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (err) {
    return { ok: false, problem: isTooLargeError(err) ? 'tooLarge' : 'unreadable' };
  }
  return wrap(await openImportClient({ bytes }, file.name));
}

/** Pasted tab-separated text (copied cells from Excel/WPS/Google Sheets). */
export async function openImportText(text: string, name: string): Promise<OpenResult> {
  return wrap(await openImportClient({ text }, name));
}

function wrap(opened: Awaited<ReturnType<typeof openImportClient>>): OpenResult {
  if (!opened.ok) return opened;
  return { ok: true, handle: new Handle(opened.client) };
}

class Handle implements ImportHandle {
  constructor(private readonly client: ImportClient) {}

  get info(): SourceInfo {
    const info = this.client.info;
    if (!info) throw new NoWorkspaceError('The import source is not open');
    return info;
  }

  preview(request: PreviewRequest): Promise<Preview> {
    return this.client.preview(request, typeContext(currentLanguage()));
  }

  run(
    spec: ImportSpec,
    onProgress: (p: ImportProgress) => void,
    signal: AbortSignal,
  ): Promise<ImportSummary | null> {
    return runImport(this.client, this.info, spec, onProgress, signal);
  }

  close(): void {
    this.client.close();
  }
}

async function runImport(
  client: ImportClient,
  info: SourceInfo,
  spec: ImportSpec,
  onProgress: (p: ImportProgress) => void,
  signal: AbortSignal,
): Promise<ImportSummary | null> {
  const language = currentLanguage();
  const ctx = typeContext(language);
  const request = { sheet: spec.sheet, headerRow: spec.headerRow, encoding: spec.encoding };
  const preview = await client.preview(request, ctx);
  const total = preview.totalRows;
  onProgress({ phase: 'reading', rows: 0, totalRows: total, percent: 0 });
  const headers = preview.columns.map((c) => c.header);
  const plan = planImport(requireSchema(), spec, headers, info.fileName, language);
  if (!plan.isNewTable) await ensureRecords(plan.table.id);
  if (signal.aborted) return null;
  const builder = createBuilder(plan, spec);
  // Matching a large table's keys is spread over tasks so the page stays responsive.
  while (!builder.indexExisting(KEY_INDEX_STEP)) await yieldToEventLoop();
  if (signal.aborted) return null;
  const converted = await convertInto(
    client,
    { ...request, fields: plan.sourceFields, ctx },
    builder,
    onProgress,
    signal,
  );
  if (!converted || signal.aborted) return null;
  const fields = converted.columns.map((c) => converted.fields[c]).filter((f): f is Field => !!f);
  const sameColumns = plan.columns.length === fields.length;
  const { command, counts } = builder.finish('history.import', sameColumns ? fields : undefined);
  const outcome = await runLargeCommand(command, {
    signal,
    onProgress: (written, all) => {
      const share = written / Math.max(1, all);
      const percent = CONVERT_SHARE + (100 - CONVERT_SHARE) * share;
      onProgress({ phase: 'writing', rows: Math.round(total * share), totalRows: total, percent });
    },
  });
  if (outcome === 'cancelled') return null;
  if (outcome === 'failed') throw new ImportWriteError('The import could not be stored');
  onProgress({ phase: 'writing', rows: total, totalRows: total, percent: 100 });
  return { tableId: plan.table.id, ...counts };
}

/** Streams the converted rows from the worker into `builder` (reading and converting: 0–60 %). */
function convertInto(
  client: ImportClient,
  request: ConvertRequest,
  builder: ImportBuilder,
  onProgress: (p: ImportProgress) => void,
  signal: AbortSignal,
): Promise<ConvertResult | null> {
  return client.convert(
    request,
    (chunk) => {
      builder.addRows(chunk.rows, chunk.columns, chunk.ids);
      const share = chunk.total === 0 ? 1 : chunk.done / chunk.total;
      const percent = CONVERT_SHARE * share;
      onProgress({ phase: 'converting', rows: chunk.done, totalRows: chunk.total, percent });
    },
    signal,
  );
}

function createBuilder(plan: ImportPlan, spec: ImportSpec): ImportBuilder {
  const existing = plan.isNewTable ? [] : recordStore(plan.table.id).all();
  return new ImportBuilder(
    {
      mode: spec.mode,
      table: plan.table,
      isNewTable: plan.isNewTable,
      views: plan.views,
      existing,
      ...(plan.keyIndex === undefined ? {} : { keyIndex: plan.keyIndex }),
      now: Date.now(),
    },
    plan.columns,
  );
}

/** Default upsert key: the source column mapped to a phone field, if any. */
export function defaultKeyColumn(
  columns: readonly ColumnTarget[],
  tableId: TableId | undefined,
): number | undefined {
  const schema = useAppStore.getState().schema;
  if (!schema || !tableId) return undefined;
  const isPhone = (id: FieldId) => {
    const f = schema.fields[id];
    return f?.tableId === tableId && f.type === 'phone';
  };
  const index = columns.findIndex((c) => c.kind === 'field' && isPhone(c.fieldId));
  return index >= 0 ? index : undefined;
}

/** The problem report as CSV text (UTF-8 BOM added by the caller's download), headers in `language`. */
export function problemReportCsv(summary: ImportSummary, language: Language): string {
  return buildReportCsv(summary, language);
}
