/** Fields and contexts for the field-type tests. */
import type { FieldId, TableId } from '../../../src/domain/ids';
import type { CellValue, Field, FieldOptions, FieldType } from '../../../src/domain/model';
import { getFieldType } from '../../../src/domain/fields/index';
import type { TypeContext } from '../../../src/domain/fields/fieldType';

export const zh: TypeContext = { language: 'zh-CN', today: '2024-03-10' };
export const en: TypeContext = { language: 'en', today: '2024-03-10' };

export function makeField(type: FieldType, options: FieldOptions = {}): Field {
  return {
    id: `fld_${type}` as FieldId,
    tableId: 'tbl_test' as TableId,
    name: type,
    type,
    options: { ...getFieldType(type).defaultOptions(), ...options },
  };
}

export function choices(...names: string[]): FieldOptions {
  return { choices: names.map((name, i) => ({ id: `opt_${i}`, name, color: 'blue' as const })) };
}

/** parse → the value or the problem, for compact expectations. */
export function parsed(field: Field, text: string, ctx: TypeContext = zh): CellValue | string {
  const r = getFieldType(field.type).parse(text, field, ctx);
  return r.ok ? r.value : `!${r.reason}`;
}

/** Sorts values ascending with the field's compare. */
export function sorted(field: Field, values: (CellValue | undefined)[]): (CellValue | undefined)[] {
  const mod = getFieldType(field.type);
  return [...values].sort((a, b) => mod.compare(a, b, field));
}
