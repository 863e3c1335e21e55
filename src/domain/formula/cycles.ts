/**
 * Loops between the formula columns of one table (A uses B, B uses A). The engine would show
 * #CYCLE!, but the editor refuses to save a formula that closes a loop, so it checks here first.
 */
import type { FieldId } from '../ids';
import type { Field } from '../model';
import { formulaDependencies } from './references';

type Graph = ReadonlyMap<FieldId, readonly FieldId[]>;

/** A formula about to be saved for `fieldId` (which may not be in the field list yet). */
export interface FormulaChange {
  fieldId: FieldId;
  formula: string;
}

/** Formula field → the formula fields it reads (other fields cannot continue a loop). */
function buildGraph(fields: readonly Field[], change?: FormulaChange): Graph {
  const sources = new Map<FieldId, string>();
  for (const f of fields) {
    if (f.type === 'formula') sources.set(f.id, f.options.formula ?? '');
  }
  if (change !== undefined) sources.set(change.fieldId, change.formula);
  const graph = new Map<FieldId, FieldId[]>();
  for (const [id, formula] of sources) {
    graph.set(
      id,
      formulaDependencies(formula).filter((dep) => sources.has(dep)),
    );
  }
  return graph;
}

/** A path target → … → target, found depth-first from target's own dependencies. */
function findCycleThrough(graph: Graph, target: FieldId): FieldId[] | null {
  const visited = new Set<FieldId>();
  const walk = (id: FieldId, path: FieldId[]): FieldId[] | null => {
    for (const dep of graph.get(id) ?? []) {
      if (dep === target) return [...path, dep];
      if (visited.has(dep)) continue;
      visited.add(dep);
      const found = walk(dep, [...path, dep]);
      if (found !== null) return found;
    }
    return null;
  };
  return walk(target, [target]);
}

/** Any loop in the graph, as a path that starts and ends with the same field. */
function findAnyCycle(graph: Graph): FieldId[] | null {
  const done = new Set<FieldId>();
  const stack: FieldId[] = [];
  const walk = (id: FieldId): FieldId[] | null => {
    const at = stack.indexOf(id);
    if (at >= 0) return [...stack.slice(at), id];
    if (done.has(id)) return null;
    stack.push(id);
    for (const dep of graph.get(id) ?? []) {
      const found = walk(dep);
      if (found !== null) return found;
    }
    stack.pop();
    done.add(id);
    return null;
  };
  for (const id of graph.keys()) {
    const found = walk(id);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Without `change`: the first loop among the table's formula fields, or null.
 * With `change`: a loop that saving `change.formula` for `change.fieldId` would create
 * through that field (loops elsewhere are not its doing and are ignored), or null.
 * A path reads [A, B, A]: A uses B, B uses A.
 */
export function findFormulaCycle(
  fields: readonly Field[],
  change?: FormulaChange,
): FieldId[] | null {
  const graph = buildGraph(fields, change);
  return change === undefined ? findAnyCycle(graph) : findCycleThrough(graph, change.fieldId);
}
