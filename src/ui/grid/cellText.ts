/** A record's cell as the user sees it, wherever it is shown outside the grid's own cells. */
import { formatCell } from '../../domain/fields';
import type { TypeContext } from '../../domain/fields/fieldType';
import type { CellValue, Field, TableRecord } from '../../domain/model';
import { cellOf } from '../../domain/packedRecords';
import { formulaResultType, formulaValue } from '../../state/formulas';
import { useAppStore } from '../../state/store';
import type { LinkTitles } from './columns';
import { formatFormulaResult } from './formulaCells';

/**
 * The text of `field` for `rec`: a formula's computed result, the record's own times, a link's
 * linked titles, else the stored value formatted ('' for an empty cell).
 */
export function shownCellText(
  rec: TableRecord,
  field: Field,
  ctx: TypeContext,
  linkTitles: LinkTitles,
): string {
  if (field.type === 'formula') {
    const result = formulaValue(rec.tableId, field.id, rec.id);
    const fields = useAppStore.getState().schema?.fields;
    return formatFormulaResult(
      field,
      result,
      formulaResultType(rec.tableId, field.id),
      ctx,
      fields,
    );
  }
  const value =
    field.type === 'createdTime'
      ? rec.createdAt
      : field.type === 'modifiedTime'
        ? rec.modifiedAt
        : cellOf(rec, field.id);
  if (value === undefined || value === null) return '';
  return field.type === 'link' && Array.isArray(value)
    ? linkTitles(field, value).join(', ')
    : formatCell(field, value as CellValue, ctx);
}
