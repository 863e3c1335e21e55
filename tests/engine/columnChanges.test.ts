// @vitest-environment node
/**
 * Columns changed in place (inputs added and removed, formulas set and removed, between edits)
 * leave the engine exactly where a new engine built with the same columns starts: the app
 * changes a table's columns this way instead of building its engine again.
 */
import { createTableEngine } from '../../src/engine';
import type { EngineValue, InputColumn, InputKind, TableEngine } from '../../src/engine';
import { AS_OF } from './helpers';

const ROWS = 12;
const SEEDS = (process.env.COLUMN_SEEDS ?? '1,2,3,4,5,6').split(',').map(Number);
const INPUTS: Record<string, InputKind> = { a: 'number', b: 'number', c: 'text', d: 'date' };
const FORMULA_IDS = ['f1', 'f2', 'f3', 'f4', 'f5'];
/** {X} and {Y} stand for columns: inputs, or formula columns before the one being set. */
const SHAPES = [
  '={X} * 2 + {Y}',
  '=PRODUCT({X}, 2) + {Y}',
  '=IF(ISBLANK({X}), "", TEXT({X}, "0.0"))',
  '=TEXT({X}, "[hh]:mm") & {Y}',
  '=SEARCH("1", {X} & "")',
  '=RFM_M({X})',
  '=IFERROR({X} / {Y}, "z")',
  '=VALUE({X} & "")',
  '=MAX({X}, {Y})',
  '=DAYS_SINCE({X})',
  '=IF({X} > 3, "VIP", {Y})',
];

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32;
}

function valuesOf(kind: InputKind, rand: () => number): EngineValue[] {
  return Array.from({ length: ROWS }, () => valueOf(kind, rand));
}

function valueOf(kind: InputKind, rand: () => number): EngineValue {
  if (rand() < 0.15) return null;
  if (kind === 'number') return Math.floor(rand() * 8);
  if (kind === 'text') return ['1', 'x', '12', 'ab'][Math.floor(rand() * 4)] ?? null;
  if (kind === 'boolean') return rand() < 0.5;
  return `2025-0${1 + Math.floor(rand() * 6)}-1${Math.floor(rand() * 9)}`;
}

interface Model {
  inputs: Map<string, InputColumn>;
  formulas: Map<string, string>;
}

async function fresh(model: Model): Promise<TableEngine> {
  const e = createTableEngine({ asOf: AS_OF, language: 'en', blockSize: 4 });
  const formulas = [...model.formulas].map(([fieldId, formula]) => ({ fieldId, formula }));
  await e.build(ROWS, [...model.inputs.values()], formulas);
  return e;
}

/**
 * `types`: whether result types are compared too. An edit keeps a column's type while its new
 * values fit it (a mixed column stays mixed), where a new engine infers it from scratch.
 */
async function expectAsBuilt(
  e: TableEngine,
  model: Model,
  step: string,
  types: boolean,
): Promise<void> {
  const built = await fresh(model);
  for (const id of model.formulas.keys()) {
    const formula = model.formulas.get(id);
    expect({ step, id, formula, values: e.column(id) }).toEqual({
      step,
      id,
      formula,
      values: built.column(id),
    });
    if (types)
      expect({ step, id, type: e.resultType(id) }).toEqual({
        step,
        id,
        type: built.resultType(id),
      });
  }
  built.destroy();
}

describe('columns changed in place', () => {
  it.each(SEEDS)(
    'equal a new engine with the same columns (seed %i)',
    async (seed) => {
      const rand = random(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
      /** Removes a random column of `from` and from the engine, unless it is the last one. */
      const removeOne = (from: Map<string, unknown>, remove: (id: string) => void) => {
        const id = pick([...from.keys()]);
        if (!id || from.size < 2) return undefined;
        from.delete(id);
        remove(id);
        return id;
      };
      const model: Model = { inputs: new Map(), formulas: new Map() };
      model.inputs.set('a', { fieldId: 'a', kind: 'number', values: valuesOf('number', rand) });
      model.formulas.set('f1', '={a} * 2');
      const e = await fresh(model);
      for (let i = 0; i < 30; i++) {
        const x = rand();
        let step: string;
        if (x < 0.2) {
          const id = pick(Object.keys(INPUTS).filter((k) => !model.inputs.has(k)));
          if (!id) continue;
          const kind = INPUTS[id] as InputKind;
          const column = { fieldId: id, kind, values: valuesOf(kind, rand) };
          model.inputs.set(id, column);
          e.addInput(column);
          step = `addInput ${id}`;
        } else if (x < 0.3) {
          const removed = removeOne(model.inputs, (id) => e.removeInput(id));
          if (!removed) continue;
          step = `removeInput ${removed}`;
        } else if (x < 0.65) {
          const id = pick(FORMULA_IDS);
          const before = FORMULA_IDS.slice(0, FORMULA_IDS.indexOf(id));
          const columns = [...Object.keys(INPUTS), ...before];
          const formula = pick(SHAPES)
            .replace('{X}', `{${pick(columns)}}`)
            .replace('{Y}', `{${pick(columns)}}`);
          model.formulas.set(id, formula);
          e.setFormula(id, formula);
          step = `setFormula ${id} ${formula}`;
        } else if (x < 0.75) {
          const removed = removeOne(model.formulas, (id) => e.removeFormula(id));
          if (!removed) continue;
          step = `removeFormula ${removed}`;
        } else {
          const column = pick([...model.inputs.values()]);
          const row = Math.floor(rand() * ROWS);
          const value = valueOf(column.kind, rand);
          (column.values as EngineValue[])[row] = value;
          e.setValues([{ fieldId: column.fieldId, row, value }]);
          step = `setValues ${column.fieldId}[${row}]`;
        }
        await expectAsBuilt(e, model, `${i}: ${step}`, !step.startsWith('setValues'));
      }
      e.destroy();
    },
    60_000,
  );
});
