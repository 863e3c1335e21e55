/**
 * The argument counts each function takes, read from HyperFormula's own metadata: a call with
 * another count parses, and then answers #N/A ("Wrong number of arguments") in every row. The
 * formula editor refuses such a call before it is saved (domain/formula/arity.ts).
 */
import { HyperFormula } from 'hyperformula';
import type { FunctionMetadata } from 'hyperformula';
import { takesCount } from '../domain/formula';
import type { ArgumentRule } from '../domain/formula';
import { CrmFunctionPlugin } from './crmPlugin';

/** Counts tried when a rule is read from metadata: far past any function's fixed arguments. */
const TRIED = 64;

interface Signature {
  params: readonly { optionalArg?: boolean; defaultValue?: unknown }[];
  /** How many of the last parameters repeat, when they do. */
  repeat: number | undefined;
}

/** The parameters users write: the customer functions' hidden first (the Env cells) left out. */
function signatureOf(name: string): Signature | undefined {
  const own = CrmFunctionPlugin.implementedFunctions[name];
  if (own) {
    const params = own.parameters ?? [];
    const hidden = params[0]?.argumentType === 'RANGE' ? 1 : 0;
    return { params: params.slice(hidden), repeat: own.repeatLastArgs };
  }
  const plugin = HyperFormula.getFunctionPlugin(name);
  // An alias (TRUNC → ROUNDDOWN) has its target's metadata.
  const meta: FunctionMetadata | undefined =
    plugin?.implementedFunctions[plugin.aliases?.[name] ?? name];
  if (!meta) return undefined;
  return { params: meta.parameters ?? [], repeat: meta.repeatLastArgs };
}

/**
 * Whether HyperFormula runs a call with `count` arguments: the last `repeat` parameters are
 * repeated until there are enough, and every parameter left without an argument must be
 * optional or have a default.
 */
function runsWith({ params, repeat }: Signature, count: number): boolean {
  const expected = [...params];
  if (repeat !== undefined && Number.isInteger(repeat) && repeat > 0 && expected.length > 0)
    while (count > expected.length) expected.push(...expected.slice(-repeat));
  if (count > expected.length) return false;
  return expected.slice(count).every((p) => p.optionalArg || p.defaultValue !== undefined);
}

const rules = new Map<string, ArgumentRule | null>();

/**
 * The counts `name` (upper case) takes as one rule, or undefined when HyperFormula has no
 * metadata for it (OFFSET, VERSION) or its counts fit no rule: such calls are not checked.
 */
export function argumentRule(name: string): ArgumentRule | undefined {
  let rule = rules.get(name);
  if (rule === undefined) {
    const signature = signatureOf(name);
    rule = signature ? ruleOf(signature) : null;
    rules.set(name, rule);
  }
  return rule ?? undefined;
}

function ruleOf(signature: Signature): ArgumentRule | null {
  const runs = Array.from({ length: TRIED + 1 }, (_, n) => runsWith(signature, n));
  const min = runs.indexOf(true);
  if (min < 0) return null;
  const max = (signature.repeat ?? 0) > 0 ? Infinity : runs.lastIndexOf(true);
  const next = runs.indexOf(true, min + 1);
  const step = next < 0 ? 1 : next - min;
  const rule = { min, max, step };
  return runs.every((ok, n) => ok === takesCount(rule, n)) ? rule : null;
}
