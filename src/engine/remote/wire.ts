/**
 * Splits the engine's big messages into parts of bounded size and puts them back together:
 * cloning a million-value column for postMessage takes one long task on the sending thread and
 * another on the receiving one, while parts of ~50,000 values take a few milliseconds each.
 */
import { ResultColumn } from '../resultColumn';
import type { EngineValue } from '../types';
import type {
  ColumnUpdate,
  EngineRequest,
  InputPart,
  ReceivedUpdate,
  UpdateChunk,
} from './protocol';

/** Values per message, both ways (measured: ~2–5 ms to clone on either side). */
export const CHUNK_VALUES = 50_000;

/** The two sides disagree about the messages sent (lost, repeated or out of order). */
export class EngineProtocolError extends Error {
  override name = 'EngineProtocolError';
}

/** One update as consecutive chunks of at most `max` values (at least one chunk). */
export function splitUpdate(update: ColumnUpdate, max: number): UpdateChunk[] {
  const { fieldId, type, rows, values } = update;
  const total = values.length;
  const chunks: UpdateChunk[] = [];
  for (let at = 0; at === 0 || at < total; at += max) {
    const end = Math.min(total, at + max);
    const part = at === 0 && end === total;
    chunks.push({
      fieldId,
      type,
      at,
      total,
      rows: rows === null ? null : part ? rows : rows.slice(at, end),
      results: ResultColumn.of(values, at, end).encoded(),
    });
  }
  return chunks;
}

/** Rebuilds a reply's updates from its chunks, refusing any chunk out of sequence. */
export class UpdateAssembler {
  private readonly updates: ReceivedUpdate[] = [];
  private open: { update: ReceivedUpdate; filled: number } | null = null;

  add(chunk: UpdateChunk): void {
    const { numbers, codes } = chunk.results;
    const n = codes.length;
    if ((chunk.rows !== null && chunk.rows.length !== n) || numbers.length !== n)
      throw new EngineProtocolError(`Chunk of ${chunk.fieldId}: rows and values differ.`);
    if (chunk.at + n > chunk.total)
      throw new EngineProtocolError(`Chunks of ${chunk.fieldId} exceed ${chunk.total} values.`);
    if (chunk.at === 0) {
      this.close();
      // The whole update's arrays at once (growing them chunk by chunk reallocates a million
      // entries several times); never the chunk's own arrays, which may be the sender's.
      const { fieldId, type, rows, total } = chunk;
      const update = {
        fieldId,
        type,
        rows: rows && new Array<number>(total),
        values: ResultColumn.empty(total),
      };
      this.open = { update, filled: 0 };
    }
    const open = this.open;
    if (
      !open ||
      open.update.fieldId !== chunk.fieldId ||
      open.update.values.length !== chunk.total ||
      open.filled !== chunk.at ||
      (open.update.rows === null) !== (chunk.rows === null)
    )
      throw new EngineProtocolError(`Chunk of ${chunk.fieldId} at ${chunk.at} out of sequence.`);
    open.update.values.write(chunk.at, chunk.results);
    if (open.update.rows && chunk.rows) copyInto(open.update.rows, chunk.at, chunk.rows);
    open.filled += n;
  }

  /** The reply's updates; throws if the last one is incomplete. */
  finish(): ReceivedUpdate[] {
    this.close();
    return this.updates;
  }

  private close(): void {
    const open = this.open;
    if (!open) return;
    if (open.filled !== open.update.values.length)
      throw new EngineProtocolError(
        `Update of ${open.update.fieldId} ended at ${open.filled} of ${open.update.values.length}.`,
      );
    this.updates.push(open.update);
    this.open = null;
  }
}

function copyInto<T>(target: T[], at: number, items: readonly T[]): void {
  for (let i = 0, n = items.length; i < n; i++) target[at + i] = items[i] as T;
}

function appendTo<T>(target: T[], items: readonly T[]): void {
  for (let i = 0, n = items.length; i < n; i++) target.push(items[i] as T);
}

/** One part of an input column: its values from..to, not copied until the part is posted. */
export interface PartRef {
  fieldId: string;
  column: readonly EngineValue[];
  from: number;
  to: number;
}

/** The part's values, copied out of its column (the message posted). */
export function takePart(ref: PartRef): InputPart {
  return { fieldId: ref.fieldId, values: ref.column.slice(ref.from, ref.to) };
}

/**
 * A request's input columns as parts of at most `max` values, and the request itself with
 * those columns left empty (the receiver fills them back with an InputAssembler). Parts only
 * point into the columns: copying all of a million-row build's inputs at once (~16 MB) made V8
 * mark the page's ~440 MB heap in one step of 304 ms (formula-1m, traced); each part is copied
 * when it is posted, a few per task, and is garbage right after.
 */
export function splitRequest(
  req: EngineRequest,
  max: number,
): { parts: PartRef[]; request: EngineRequest } {
  const parts: PartRef[] = [];
  const emptied = <C extends { fieldId: string; values: readonly EngineValue[] }>(c: C): C => {
    for (let at = 0; at < c.values.length; at += max)
      parts.push({
        fieldId: c.fieldId,
        column: c.values,
        from: at,
        to: Math.min(c.values.length, at + max),
      });
    return { ...c, values: [] };
  };
  if (req.op === 'build' || req.op === 'preview' || req.op === 'columns')
    return { parts, request: { ...req, inputs: req.inputs.map(emptied) } };
  if (req.op === 'insertRows')
    return { parts, request: { ...req, values: req.values.map(emptied) } };
  return { parts, request: req };
}

/** Collects input parts per request and puts them back into the request when it arrives. */
export class InputAssembler {
  private readonly parts = new Map<number, Map<string, EngineValue[]>>();

  add(id: number, part: InputPart): void {
    let columns = this.parts.get(id);
    if (!columns) this.parts.set(id, (columns = new Map()));
    const column = columns.get(part.fieldId);
    if (column) appendTo(column, part.values);
    else columns.set(part.fieldId, part.values.slice());
  }

  complete(id: number, req: EngineRequest): EngineRequest {
    const columns = this.parts.get(id) ?? new Map<string, EngineValue[]>();
    this.parts.delete(id);
    const take = (fieldId: string, expected: number): EngineValue[] => {
      const values = columns.get(fieldId) ?? [];
      columns.delete(fieldId);
      if (values.length !== expected)
        throw new EngineProtocolError(`Input ${fieldId}: ${values.length} of ${expected} values.`);
      return values;
    };
    let filled = req;
    if (req.op === 'build' || req.op === 'preview' || req.op === 'columns') {
      const inputs = req.inputs.map((c) => ({ ...c, values: take(c.fieldId, req.rowCount) }));
      filled = { ...req, inputs };
    } else if (req.op === 'insertRows') {
      const values = req.values.map((c) => ({ ...c, values: take(c.fieldId, req.count) }));
      filled = { ...req, values };
    }
    if (columns.size > 0)
      throw new EngineProtocolError(
        `Inputs ${[...columns.keys()].join(', ')} belong to no request.`,
      );
    return filled;
  }
}
