/**
 * What each long main-thread task was made of: a DevTools trace taken through the protocol while
 * a scenario's work runs, saved for DevTools' Performance panel and summarised as each long
 * task's largest parts (script by function and file, style, layout, GC, parsing).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'fonts',
];
/**
 * BENCH_TRACE_LIGHT=1: only tasks, V8's collections and the app's marks, which change the timing
 * far less than the full set (a full trace hid the slow tasks of 1M-row runs it was meant to see).
 */
const LIGHT = ['toplevel', 'v8', 'disabled-by-default-v8.gc', 'blink.user_timing'];
/** BENCH_TRACE_EXTRA=a,b: more trace categories (e.g. v8.gc, toplevel, mojom). */
const EXTRA = (process.env.BENCH_TRACE_EXTRA ?? '').split(',').filter(Boolean);
const TRACED = [...(process.env.BENCH_TRACE_LIGHT === '1' ? LIGHT : CATEGORIES), ...EXTRA];
/** BENCH_TRACE_LONG_MS: the shortest task summarised (50 ms by default). */
const LONG_TASK_US = Number(process.env.BENCH_TRACE_LONG_MS ?? 50) * 1000;

async function readStream(cdp, handle) {
  let out = '';
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle, size: 1 << 20 });
    out += base64Encoded ? Buffer.from(data, 'base64').toString() : data;
    if (eof) break;
  }
  await cdp.send('IO.close', { handle });
  return out;
}

/**
 * The app's main thread (the one its marks are on: a trace may hold other renderers' too): its
 * complete events, and when its page began loading (or undefined).
 */
function mainThreadOf(events) {
  const main =
    events.find((e) => typeof e.name === 'string' && e.name.startsWith('regulars:')) ??
    events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return { mine: [], start: undefined };
  return {
    mine: events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X'),
    start: events.find((e) => e.name === 'navigationStart' && e.pid === main.pid)?.ts,
  };
}

/**
 * The main thread's pauses for V8's collections, young (MinorGC) and full (MajorGC): how many,
 * in all and the longest, in ms. Only with V8's GC category (BENCH_TRACE_LIGHT=1 has it).
 */
function collections({ mine }) {
  return ['MinorGC', 'MajorGC'].map((kind) => {
    const pauses = mine.filter((e) => e.name === kind).map((e) => e.dur / 1000);
    const total = pauses.reduce((a, b) => a + b, 0);
    return { kind, count: pauses.length, total, longest: Math.max(0, ...pauses) };
  });
}

/** The main thread's long tasks, each with its time per kind of event (self time, ms). */
function summarise({ mine, start }) {
  const tasks = mine.filter(
    (e) =>
      (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur >= LONG_TASK_US,
  );
  return tasks.map((task) => {
    const inside = mine.filter(
      (e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur,
    );
    // Self time: each event's duration less its direct children's.
    const self = new Map();
    const stack = [];
    for (const e of inside.sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
      const parent = stack.at(-1);
      const key = (ev) =>
        ev.name === 'FunctionCall' || ev.name === 'EvaluateScript' || ev.name === 'v8.compile'
          ? `${ev.name} ${(ev.args?.data?.url ?? '').split('/').pop()}${ev.args?.data?.functionName ? ` ${ev.args.data.functionName}` : ''}`
          : ev.name;
      self.set(key(e), (self.get(key(e)) ?? 0) + e.dur);
      if (parent) self.set(key(parent), (self.get(key(parent)) ?? 0) - e.dur);
      stack.push(e);
    }
    const parts = [...self]
      .filter(([, us]) => us >= 2000)
      .sort((a, b) => b[1] - a[1])
      .map(([k, us]) => `${Math.round(us / 1000)} ${k}`);
    const at = start === undefined ? null : Math.round((task.ts - start) / 1000);
    return { ms: Math.round(task.dur / 1000), at, parts };
  });
}

/** Runs `work()`; when `enabled`, traces the page meanwhile and prints its long tasks. */
export async function traceWhile(enabled, context, page, work, name) {
  if (!enabled) return work();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Tracing.start', {
    categories: TRACED.join(','),
    transferMode: 'ReturnAsStream',
  });
  const value = await work();
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  const text = await readStream(cdp, stream);
  const file = join(tmpdir(), `regulars-bench-${name}-${Date.now()}.trace.json`);
  writeFileSync(file, text);
  const parsed = JSON.parse(text);
  console.log(`  trace of the page: ${file}`);
  const main = mainThreadOf(parsed.traceEvents ?? parsed);
  for (const t of summarise(main)) {
    console.log(`    task ${t.ms} ms at ${t.at ?? '?'}: ${t.parts.join(', ')}`);
  }
  for (const c of collections(main).filter((c) => c.count > 0)) {
    console.log(
      `    ${c.kind}: ${c.count} pauses, ${Math.round(c.total)} ms in all, longest ${c.longest.toFixed(1)} ms`,
    );
  }
  return value;
}
