/**
 * The formula column in the column dialog's draft: the draft holds the formula as users read
 * it (names); it is converted from the stored ids when the dialog opens and back on save.
 */
import { toDisplayFormula } from '../../domain/formula';
import type { FieldId } from '../../domain/ids';
import type { Field, FieldOptions } from '../../domain/model';
import type { FieldDraft } from '../columns/fieldDraft';
import type { FormulaCheck } from './formulaCheck';
import { checkFormula } from './formulaCheck';
import type { FormulaSupport } from './formulaSupport';

/** A formula draft with its stored formula (`{fld_…}`) written with field names. */
export function toDisplayDraft(draft: FieldDraft, fields: readonly Field[]): FieldDraft {
  if (draft.type !== 'formula' || !draft.options.formula) return draft;
  const byId = new Map(fields.map((f) => [f.id, f]));
  const { display } = toDisplayFormula(draft.options.formula, byId, draft.options.formulaRefNames);
  return { ...draft, options: { ...draft.options, formula: display } };
}

export type FormulaDraftResult =
  { ok: true; draft: FieldDraft } | { ok: false; check: FormulaCheck };

function dropUndefined(options: FieldOptions): FieldOptions {
  return Object.fromEntries(
    Object.entries(options).filter(([, v]) => v !== undefined),
  ) as FieldOptions;
}

/** The draft as saved: the formula by id with its referenced names, if it checks out. */
export function toStoredDraft(
  draft: FieldDraft,
  fields: readonly Field[],
  ownFieldId: FieldId | undefined,
  support: FormulaSupport,
): FormulaDraftResult {
  if (draft.type !== 'formula') return { ok: true, draft };
  const check = checkFormula(
    draft.options.formula ?? '',
    { fields, ownFieldId, previousRefNames: draft.options.formulaRefNames },
    support,
  );
  if (!check.ok) return { ok: false, check };
  const options = dropUndefined({
    ...draft.options,
    formula: check.stored,
    formulaRefNames: check.refNames,
  });
  return { ok: true, draft: { ...draft, options } };
}
