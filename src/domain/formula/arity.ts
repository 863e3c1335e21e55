/**
 * Calls of functions with a number of arguments the engine does not take. HyperFormula parses
 * them and answers #N/A in every row, so the editor refuses them and says what the function takes.
 */
import { scanFormula, stickyPieces } from './scan';
import type { FormulaProblem } from './types';

type ArgumentCountProblem = Extract<FormulaProblem, { kind: 'argumentCount' }>;

/**
 * The argument counts a function takes: from `min` to `max` (which may be Infinity), in steps of
 * `step` from `min` (IFS takes conditions and values in pairs: 2, 4, 6…).
 */
export interface ArgumentRule {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** A function's rule by its upper-case name; undefined when it is not known. */
export type ArgumentRules = (name: string) => ArgumentRule | undefined;

/** Whether a call with `count` arguments is one `rule` takes. */
export function takesCount(rule: ArgumentRule, count: number): boolean {
  return count >= rule.min && count <= rule.max && (count - rule.min) % rule.step === 0;
}

/** One open bracket: the function it calls (if any), its commas and whether it holds anything. */
interface Frame {
  name?: string;
  start: number;
  end: number;
  commas: number;
  filled: boolean;
}

// Sticky: a call's name with its bracket, a bracket, a comma, a run of anything else.
const PIECE = /([A-Za-z_][A-Za-z0-9_.]*)\s*\(|\(|\)|,|\s+|[A-Za-z0-9_.$#!?:]+|[^]/y;

function checkCall(frame: Frame, rules: ArgumentRules): ArgumentCountProblem | null {
  if (frame.name === undefined) return null;
  const rule = rules(frame.name.toUpperCase());
  if (!rule) return null;
  const count = frame.commas + (frame.filled || frame.commas > 0 ? 1 : 0);
  if (takesCount(rule, count)) return null;
  const { start, end, name } = frame;
  const { min, max, step } = rule;
  return { kind: 'argumentCount', name, count, min, max, step, start, end };
}

/** Reads one text token's pieces into the open brackets; closed calls go to `found`. */
function readText(
  text: string,
  offset: number,
  open: Frame[],
  found: ArgumentCountProblem[],
  rules: ArgumentRules,
): void {
  for (const match of stickyPieces(PIECE, text)) {
    const [piece, name] = match;
    const i = match.index;
    const top = open.at(-1);
    const boundary = i === 0 || !/[A-Za-z0-9_.$]/.test(text.charAt(i - 1));
    if (piece.endsWith('(')) {
      if (top) top.filled = true;
      const start = offset + i;
      const call = name !== undefined && boundary ? name : undefined;
      open.push({ start, end: start + (call?.length ?? 1), commas: 0, filled: false, name: call });
    } else if (piece === ')') {
      const closed = open.pop();
      const problem = closed && checkCall(closed, rules);
      if (problem) found.push(problem);
    } else if (piece === ',') {
      if (top) top.commas += 1;
    } else if (top && piece.trim() !== '') top.filled = true;
  }
}

/** The leftmost call, of a function `rules` knows, with a count of arguments it does not take. */
export function findArgumentCountProblem(
  display: string,
  rules: ArgumentRules,
): ArgumentCountProblem | null {
  const open: Frame[] = [];
  const found: ArgumentCountProblem[] = [];
  for (const token of scanFormula(display).tokens) {
    if (token.kind === 'text') readText(token.text, token.start, open, found, rules);
    else {
      const top = open.at(-1);
      if (top) top.filled = true;
    }
  }
  return found.reduce<ArgumentCountProblem | null>(
    (first, p) => (first === null || p.start < first.start ? p : first),
    null,
  );
}
