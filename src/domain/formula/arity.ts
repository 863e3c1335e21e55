/**
 * Calls of catalogued functions with too few or too many arguments. HyperFormula accepts them
 * and answers #N/A in every row, so the editor refuses them with the function's arity instead.
 */
import { findFormulaFunction } from './functions';
import { scanFormula, stickyPieces } from './scan';
import type { FormulaProblem } from './types';

type ArgumentCountProblem = Extract<FormulaProblem, { kind: 'argumentCount' }>;

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

function checkCall(frame: Frame): ArgumentCountProblem | null {
  const info = frame.name === undefined ? undefined : findFormulaFunction(frame.name);
  if (!info || frame.name === undefined) return null;
  const count = frame.commas + (frame.filled || frame.commas > 0 ? 1 : 0);
  if (count >= info.minArgs && count <= info.maxArgs) return null;
  const { start, end, name } = frame;
  return { kind: 'argumentCount', name, count, min: info.minArgs, max: info.maxArgs, start, end };
}

/** Reads one text token's pieces into the open brackets; closed calls go to `found`. */
function readText(
  text: string,
  offset: number,
  open: Frame[],
  found: ArgumentCountProblem[],
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
      const problem = closed && checkCall(closed);
      if (problem) found.push(problem);
    } else if (piece === ',') {
      if (top) top.commas += 1;
    } else if (top && piece.trim() !== '') top.filled = true;
  }
}

/** The leftmost call of a catalogued function with a wrong number of arguments, or null. */
export function findArgumentCountProblem(display: string): ArgumentCountProblem | null {
  const open: Frame[] = [];
  const found: ArgumentCountProblem[] = [];
  for (const token of scanFormula(display).tokens) {
    if (token.kind === 'text') readText(token.text, token.start, open, found);
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
