/**
 * What the grid's rows are ordered and searched by, as a RowView spec: the view's sorts read
 * each record's value of a field (formula results included), the search tests its shown text.
 */
import { collator } from '../../domain/fields/base';
import { compareModelLabels } from '../../domain/crm';
import { compareCells } from '../../domain/fields';
import type { FieldId } from '../../domain/ids';
import type { CellValue, Field, TableRecord, ViewSort } from '../../domain/model';
import { cellOf } from '../../domain/packedRecords';
import { formulaValue } from '../../state/formulas';
import { isFormulaError } from './formulaCells';
import type { LinkTitles } from './columns';
import type { RowViewSpec, SortKey } from './rowView';
import { SHOW_ALL } from './rowView';

/**
 * Formula results sort numbers before text, errors after values; the customer model's labels
 * (tiers, stages, risks, segments) in the model's order.
 */
export function compareFormula(a: unknown, b: unknown): number {
  const rank = (v: unknown) => (isFormulaError(v) ? 2 : typeof v === 'number' ? 0 : 1);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [ta, tb] = [String(a), String(b)];
  return compareModelLabels(ta, tb) ?? collator.compare(ta, tb);
}

/** How one field orders records. */
export function sortKeyOf(field: Field, descending: boolean, linkTitles: LinkTitles): SortKey {
  const base = { fieldId: field.id, descending };
  switch (field.type) {
    case 'formula':
      return {
        ...base,
        read: (rec) => formulaValue(rec.tableId, field.id, rec.id),
        compare: compareFormula,
      };
    case 'link':
      return {
        ...base,
        read: (rec) => {
          const ids = cellOf(rec, field.id);
          return Array.isArray(ids) ? linkTitles(field, ids).join(', ') : '';
        },
        compare: (a, b) => collator.compare(String(a), String(b)),
      };
    case 'createdTime':
      return {
        ...base,
        read: (rec) => rec.createdAt,
        compare: (a, b) => compareCells(field, a as CellValue, b as CellValue),
      };
    case 'modifiedTime':
      return {
        ...base,
        read: (rec) => rec.modifiedAt,
        compare: (a, b) => compareCells(field, a as CellValue, b as CellValue),
      };
    default:
      return {
        ...base,
        read: (rec) => cellOf(rec, field.id),
        compare: (a, b) => compareCells(field, a as CellValue, b as CellValue),
      };
  }
}

/**
 * The spec for a view's sorts (fields that no longer exist are skipped) and the search
 * (`matches` null when no search is on; it reads `searched`).
 */
export function buildViewSpec(
  sorts: readonly ViewSort[],
  fields: Readonly<Record<FieldId, Field>>,
  linkTitles: LinkTitles,
  matches: ((rec: TableRecord) => boolean) | null,
  searched: readonly Field[],
): RowViewSpec {
  const keys: SortKey[] = [];
  for (const s of sorts) {
    const field = fields[s.fieldId];
    if (field) keys.push(sortKeyOf(field, s.direction === 'desc', linkTitles));
  }
  if (keys.length === 0 && !matches) return SHOW_ALL;
  const reads = new Set<string>(keys.map((k) => k.fieldId));
  if (matches) for (const f of searched) reads.add(f.id);
  return { sorts: keys, filter: matches, reads };
}
