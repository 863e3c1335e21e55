/**
 * Every user operation is a Command: a list of Changes with their before and after
 * states. Applying a command's inverse undoes it exactly, whatever kind it was, and the
 * database writes the same list in one transaction (a diff, never the whole workspace).
 */
import type { FieldId, RecordId, TableId } from './ids';
import type { CellValue, Field, Table, TableRecord, View, WorkspaceMeta } from './model';

/** Whole-entity change; before undefined = created, after undefined = deleted. */
export type EntityChange =
  | { kind: 'table'; id: TableId; before?: Table; after?: Table }
  | { kind: 'field'; id: FieldId; before?: Field; after?: Field }
  | { kind: 'view'; id: View['id']; before?: View; after?: View }
  | { kind: 'record'; id: RecordId; before?: TableRecord; after?: TableRecord }
  | { kind: 'meta'; before: WorkspaceMeta; after: WorkspaceMeta };

/**
 * One cell. Kept separate from record changes so that two tabs editing different cells
 * of the same record never overwrite each other (the db patches just this key path).
 */
export interface CellChange {
  kind: 'cell';
  tableId: TableId;
  recordId: RecordId;
  fieldId: FieldId;
  before: CellValue | undefined;
  after: CellValue | undefined;
}

export type Change = EntityChange | CellChange;

export interface Command {
  /** i18n key describing the operation (shown in undo/redo tooltips). */
  label: string;
  changes: Change[];
  /** When it was made (ms since epoch). */
  at: number;
}

export function invertChange(change: Change): Change {
  switch (change.kind) {
    case 'cell':
      return { ...change, before: change.after, after: change.before };
    case 'meta':
      return { kind: 'meta', before: change.after, after: change.before };
    case 'table':
      return { kind: 'table', id: change.id, before: change.after, after: change.before };
    case 'field':
      return { kind: 'field', id: change.id, before: change.after, after: change.before };
    case 'view':
      return { kind: 'view', id: change.id, before: change.after, after: change.before };
    case 'record':
      return { kind: 'record', id: change.id, before: change.after, after: change.before };
    default:
      return assertNever(change);
  }
}

/** The command that undoes `command`: inverted changes in reverse order. */
export function invertCommand(command: Command): Command {
  const changes: Change[] = [];
  for (let i = command.changes.length - 1; i >= 0; i--) {
    const c = command.changes[i];
    if (c) changes.push(invertChange(c));
  }
  return { label: command.label, changes, at: command.at };
}

export function assertNever(x: never): never {
  throw new UnreachableError(`Unexpected value: ${JSON.stringify(x)}`);
}

export class UnreachableError extends Error {
  override name = 'UnreachableError';
}
