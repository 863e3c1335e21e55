/** A small Customers table for the formula-language tests. */
import type { FieldId, TableId } from '../../../src/domain/ids';
import type { Field } from '../../../src/domain/model';

const TABLE = 'tbl_customers' as TableId;

export function field(id: string, name: string, formula?: string): Field {
  return {
    id: id as FieldId,
    tableId: TABLE,
    name,
    type: formula === undefined ? 'number' : 'formula',
    options: formula === undefined ? {} : { formula },
  };
}

export const id = (s: string): FieldId => s as FieldId;

export const AMOUNT = field('fld_amount', '消费金额');
export const AMOUNT_YUAN = field('fld_yuan', '消费金额 (元)');
export const COUNT = field('fld_count', '消费次数');
export const R = field('fld_r', 'R');
export const ODD = field('fld_odd', 'a}b\\c');
export const NOTE = field('fld_note', 'Note');
export const AVG = field('fld_avg', '客单价', '={fld_amount}/{fld_count}');

export const FIELDS: readonly Field[] = [AMOUNT, AMOUNT_YUAN, COUNT, R, ODD, NOTE, AVG];

export function byId(fields: readonly Field[]): Map<FieldId, Field> {
  return new Map(fields.map((f) => [f.id, f]));
}
