/**
 * Builds the template's tables, fields (with localised names and select choices) and one
 * default view per table, drawing every id from the injected IdSource in a fixed order.
 */
import type { FieldId, IdSource, TableId, ViewId } from '../ids';
import { OPTION_COLORS } from '../model';
import type { Field, FieldOptions, Language, SelectOption, Table, View } from '../model';
import {
  DEFAULT_VIEW_NAME,
  TABLE_NAMES,
  TEMPLATE_CHOICES,
  TEMPLATE_FIELDS,
  TEMPLATE_TABLE_KEYS,
} from './names';
import type { TemplateFieldSpec, TemplateTableKey } from './names';
import { templateFormulaOptions } from './formulas';

export interface TemplateSchema {
  tables: Record<TemplateTableKey, Table>;
  /** Field ids by table key and field key. */
  fieldIds: Record<TemplateTableKey, Record<string, FieldId>>;
  fields: Field[];
  views: View[];
}

export class UnknownTemplateFieldError extends Error {
  constructor(table: string, key: string) {
    super(`The shop template has no field "${key}" in table "${table}".`);
    this.name = 'UnknownTemplateFieldError';
  }
}

/** The id of a template field; throws if the key is not part of the template (a bug). */
export function requireFieldId(
  schema: TemplateSchema,
  table: TemplateTableKey,
  key: string,
): FieldId {
  const id = schema.fieldIds[table][key];
  if (!id) throw new UnknownTemplateFieldError(table, key);
  return id;
}

function buildChoices(key: string, language: Language, ids: IdSource): SelectOption[] {
  const names = TEMPLATE_CHOICES[key]?.[language] ?? [];
  return names.map((name, i) => ({
    id: ids.next('opt'),
    name,
    color: OPTION_COLORS[(i + 1) % OPTION_COLORS.length] ?? 'gray',
  }));
}

function buildOptions(
  table: TemplateTableKey,
  s: TemplateFieldSpec,
  language: Language,
  ids: IdSource,
  customersId: TableId,
): FieldOptions {
  switch (s.type) {
    case 'currency':
      return { decimals: 2, currencySymbol: '¥' };
    case 'number':
      return { decimals: 0 };
    case 'date':
      return { dateFormat: 'YYYY-MM-DD' };
    case 'singleSelect':
    case 'multiSelect':
      return { choices: buildChoices(`${table}.${s.key}`, language, ids) };
    case 'link':
      return { linkTableId: customersId };
    default:
      return {};
  }
}

export function buildTemplateSchema(language: Language, ids: IdSource): TemplateSchema {
  const tableIds = {} as Record<TemplateTableKey, TableId>;
  for (const key of TEMPLATE_TABLE_KEYS) tableIds[key] = ids.next('tbl') as TableId;
  const fields: Field[] = [];
  const fieldIds = {} as Record<TemplateTableKey, Record<string, FieldId>>;
  for (const table of TEMPLATE_TABLE_KEYS) {
    fieldIds[table] = {};
    for (const s of TEMPLATE_FIELDS[table]) {
      const id = ids.next('fld') as FieldId;
      fieldIds[table][s.key] = id;
      const options = buildOptions(table, s, language, ids, tableIds.customers);
      fields.push({ id, tableId: tableIds[table], name: s.name[language], type: s.type, options });
    }
  }
  // The analysis columns become formulas once every field has its id.
  const names = Object.fromEntries(
    TEMPLATE_FIELDS.customers.map((s) => [s.key, s.name[language]] as const),
  );
  for (const f of fields) {
    const key = Object.entries(fieldIds.customers).find(([, id]) => id === f.id)?.[0];
    const options = key ? templateFormulaOptions(key, fieldIds.customers, names) : null;
    if (key && options) {
      f.type = 'formula';
      f.options = { ...options, formulaFormat: 'auto' };
    }
  }
  const tables = {} as Record<TemplateTableKey, Table>;
  const views: View[] = [];
  TEMPLATE_TABLE_KEYS.forEach((key, order) => {
    const tableFields = TEMPLATE_FIELDS[key].map((s) => fieldIds[key][s.key] as FieldId);
    const primaryFieldId = tableFields[0] as FieldId;
    tables[key] = {
      id: tableIds[key],
      name: TABLE_NAMES[key][language],
      order,
      primaryFieldId,
      sample: true,
    };
    views.push({
      id: ids.next('viw') as ViewId,
      tableId: tableIds[key],
      name: DEFAULT_VIEW_NAME[language],
      order: 0,
      columns: tableFields.map((fieldId) => ({ fieldId })),
      sorts: [],
      filters: [],
      filterMode: 'and',
    });
  });
  return { tables, fieldIds, fields, views };
}
