/** Builds AG Grid column definitions from a view's fields: value, renderer, editor and tooltip per type. */
import type {
  ColDef,
  ICellRendererParams,
  ITooltipParams,
  SuppressKeyboardEventParams,
  ValueGetterParams,
} from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { formatCell, getFieldType } from '../../domain/fields';
import type { TypeContext } from '../../domain/fields/fieldType';
import type { CellValue, Field, TableRecord, View } from '../../domain/model';
import { isInvalidValue } from '../../domain/model';
import { cellOf } from '../../domain/packedRecords';
import { DateCellEditor, LongTextCellEditor, SelectCellEditor, TextCellEditor } from './editors';
import { domRenderer, renderCheckbox, renderLink, renderRating, renderSelect } from './renderers';
import { HeaderCell } from './HeaderCell';
import type { FormulaResult } from '../../state/formulas';
import { formulaResultType, formulaValue } from '../../state/formulas';
import {
  deletedReferenceNames,
  formatFormulaResult,
  formulaErrorTooltip,
  isFormulaError,
} from './formulaCells';
import { defaultColumnWidth } from '../columnWidths';

/** Turns a link cell's record ids into the linked records' titles. */
export type LinkTitles = (field: Field, ids: readonly string[]) => string[];

export interface ColumnContext {
  field: Field;
  isPrimary: boolean;
}

function cellValue(
  params: ValueGetterParams<TableRecord>,
  field: Field,
): CellValue | number | undefined {
  const rec = params.data;
  if (!rec) return undefined;
  if (field.type === 'createdTime') return rec.createdAt;
  if (field.type === 'modifiedTime') return rec.modifiedAt;
  if (field.type === 'formula') return formulaValue(field.tableId, field.id, rec.id) as CellValue;
  return cellOf(rec, field.id);
}

function editorFor(
  field: Field,
): Pick<ColDef, 'cellEditor' | 'cellEditorPopup' | 'cellEditorPopupPosition'> {
  switch (field.type) {
    case 'longText':
      return {
        cellEditor: LongTextCellEditor,
        cellEditorPopup: true,
        cellEditorPopupPosition: 'under',
      };
    case 'date':
    case 'dateTime':
      return { cellEditor: DateCellEditor, cellEditorPopup: true, cellEditorPopupPosition: 'over' };
    case 'singleSelect':
    case 'multiSelect':
      return {
        cellEditor: SelectCellEditor,
        cellEditorPopup: true,
        cellEditorPopupPosition: 'under',
      };
    default:
      return { cellEditor: TextCellEditor };
  }
}

function rendererFor(
  field: Field,
  ctx: TypeContext,
  linkTitles: LinkTitles,
): ColDef['cellRenderer'] {
  switch (field.type) {
    case 'link':
      return domRenderer((p: ICellRendererParams<TableRecord, CellValue>) =>
        Array.isArray(p.value) ? renderSelect(linkTitles(field, p.value), field) : '',
      );
    case 'singleSelect':
    case 'multiSelect':
      return domRenderer((p: ICellRendererParams<TableRecord, CellValue>) =>
        renderSelect(p.value, field),
      );
    case 'checkbox':
      return domRenderer((p: ICellRendererParams<TableRecord, CellValue>) =>
        renderCheckbox(p.value),
      );
    case 'rating':
      return domRenderer((p: ICellRendererParams<TableRecord, CellValue>) =>
        renderRating(p.value, field),
      );
    case 'phone':
    case 'email':
    case 'url':
      return domRenderer((p: ICellRendererParams<TableRecord, CellValue>) =>
        renderLink(p.value, field, formatCell(field, p.value, ctx)),
      );
    default:
      return undefined;
  }
}

const NUMERIC = new Set(['number', 'currency', 'percent', 'rating', 'autoNumber']);

export function buildColumnDefs(
  view: View,
  fields: readonly { field: Field; width?: number; hidden: boolean }[],
  primaryFieldId: string,
  ctx: TypeContext,
  t: TFunction,
  suppressKeyboardEvent: (p: SuppressKeyboardEventParams<TableRecord>) => boolean,
  linkTitles: LinkTitles,
): ColDef<TableRecord>[] {
  const byId = new Map(fields.map(({ field }) => [field.id, field]));
  return fields.map(({ field, width, hidden }) => {
    const type = getFieldType(field.type);
    const isPrimary = field.id === primaryFieldId;
    const sortIndex = view.sorts.findIndex((s) => s.fieldId === field.id);
    const context: ColumnContext = { field, isPrimary };
    const deleted = deletedReferenceNames(field, byId);
    const text = (value: CellValue | undefined): string =>
      field.type === 'formula'
        ? formatFormulaResult(
            field,
            value as FormulaResult,
            formulaResultType(field.tableId, field.id),
            ctx,
            byId,
          )
        : field.type === 'link' && Array.isArray(value)
          ? linkTitles(field, value).join(', ')
          : formatCell(field, value, ctx);
    const def: ColDef<TableRecord> = {
      colId: field.id,
      headerName: field.name,
      headerComponent: HeaderCell,
      context,
      width: width ?? defaultColumnWidth(field, isPrimary),
      minWidth: 60,
      hide: hidden,
      pinned: isPrimary ? 'left' : undefined,
      lockPinned: true,
      lockPosition: isPrimary ? 'left' : undefined,
      suppressMovable: isPrimary,
      editable: type.editable && field.type !== 'checkbox' && field.type !== 'rating',
      sortable: true,
      sort: sortIndex >= 0 ? (view.sorts[sortIndex]?.direction ?? null) : null,
      sortIndex: sortIndex >= 0 ? sortIndex : null,
      valueGetter: (p) => cellValue(p, field),
      valueFormatter: (p) => text(p.value as CellValue),
      cellRenderer: rendererFor(field, ctx, linkTitles),
      cellClass:
        field.type === 'formula'
          ? (p) => (typeof p.value === 'number' ? 'cell-number' : undefined)
          : NUMERIC.has(field.type)
            ? 'cell-number'
            : undefined,
      cellClassRules: {
        'cell-invalid': (p) => isInvalidValue(p.value),
        'cell-error': (p) => isFormulaError(p.value),
      },
      tooltip: (p: ITooltipParams<TableRecord>) =>
        formulaErrorTooltip(p.value, t, deleted) ??
        (isInvalidValue(p.value)
          ? t('problems.invalidKept', {
              text: p.value.invalid,
              type: t(`fieldTypes.${field.type}`),
            })
          : undefined),
      suppressKeyboardEvent,
      cellEditorParams: { field },
      ...editorFor(field),
    };
    return def;
  });
}
