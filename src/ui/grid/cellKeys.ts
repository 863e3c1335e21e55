/**
 * Keys the grid hands to us instead of its own handling: Delete clears a cell, Space ticks a
 * row's box or a checkbox cell, digits set a rating, and undo/redo go to our history. Typing,
 * F2 or Delete on a computed cell (a formula, lookup, roll-up, number or time the app fills
 * in) says why nothing happens instead of ignoring the user.
 */
import type { SuppressKeyboardEventParams } from 'ag-grid-community';
import { isEditableType } from '../../domain/fields';
import type { Field, TableRecord } from '../../domain/model';
import { cellOf } from '../../domain/packedRecords';
import { setCellValue } from '../../state/actions';
import type { ColumnContext } from './columns';
import { SELECT_COLUMN } from './GutterColumns';
import type { RowSelection, ShownRows } from './selection';

type KeyParams = SuppressKeyboardEventParams<TableRecord>;

/** Whether the user can never type into this field's cells: the app computes them. */
export function isComputedField(field: Field): boolean {
  return !isEditableType(field.type) && field.type !== 'link';
}

/** A key that would start editing an editable cell (or clear it). */
function editsCell(e: KeyboardEvent): boolean {
  if (e.key === 'F2' || e.key === 'Delete' || e.key === 'Backspace') return true;
  return e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey;
}

function clearCell(p: KeyParams, ctx: ColumnContext, rec: TableRecord): void {
  const { type } = ctx.field;
  if (!p.colDef.editable && type !== 'checkbox' && type !== 'rating') return;
  void setCellValue(ctx.field, rec.id, null);
}

/** The grid's suppressKeyboardEvent: true when we handled the key. */
export function cellKeyHandler(
  selection: RowSelection,
  shown: () => ShownRows | null,
  onComputed: (field: Field) => void,
): (p: KeyParams) => boolean {
  return (p) => {
    const e = p.event;
    const rec = p.data;
    if (p.editing || e.type !== 'keydown' || !rec) return false;
    const rows = shown();
    if (e.key === ' ' && p.colDef.colId === SELECT_COLUMN && rows) {
      selection.toggle(rec.id, rows, e.shiftKey);
      return true;
    }
    if ((e.ctrlKey || e.metaKey) && ['z', 'y', 'Z'].includes(e.key)) return true;
    const ctx = p.colDef.context as ColumnContext | undefined;
    if (!ctx) return false;
    if (isComputedField(ctx.field) && editsCell(e)) {
      onComputed(ctx.field);
      return true;
    }
    if (e.key === 'Delete' || (e.key === 'Backspace' && !p.colDef.editable)) {
      clearCell(p, ctx, rec);
      return true;
    }
    if ((e.key === ' ' || e.key === 'Enter') && ctx.field.type === 'checkbox') {
      void setCellValue(ctx.field, rec.id, cellOf(rec, ctx.field.id) !== true);
      return true;
    }
    if (ctx.field.type === 'rating' && /^[0-9]$/.test(e.key)) {
      const n = Math.min(Number(e.key), ctx.field.options.max ?? 5);
      void setCellValue(ctx.field, rec.id, n === 0 ? null : n);
      return true;
    }
    return false;
  };
}
