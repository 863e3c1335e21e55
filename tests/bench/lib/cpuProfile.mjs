/**
 * Where the main thread's time went: a CPU profile taken through the DevTools protocol while a
 * scenario's work runs, saved for DevTools and summarised as the functions with most self time.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TOP = 12;

/** Self time (ms) per function, largest first. */
function summarise(profile) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split('/').pop() || '(native)';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms) }));
}

async function stopAndSave(cdp, name) {
  const { profile } = await cdp.send('Profiler.stop');
  const file = join(tmpdir(), `regulars-bench-${name}-${Date.now()}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const top = summarise(profile);
  console.log(`  CPU profile of the page's main thread: ${file}`);
  for (const t of top) console.log(`    ${String(t.ms).padStart(7)} ms  ${t.fn}`);
  return { file, top };
}

/** Bytes allocated per place (function and its two callers), largest first. */
function summariseAllocations(profile) {
  const sites = new Map();
  const frame = (f) =>
    `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() || '(native)'}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  const walk = (node, callers) => {
    const stack = [frame(node.callFrame), ...callers].slice(0, 3);
    if (node.selfSize > 0) {
      const key = stack.join(' < ');
      sites.set(key, (sites.get(key) ?? 0) + node.selfSize);
    }
    for (const child of node.children) walk(child, stack);
  };
  walk(profile.head, []);
  return [...sites.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([site, bytes]) => ({ site, mb: Math.round(bytes / 104857.6) / 10 }));
}

/**
 * BENCH_HEAP_SAMPLE=1 (with BENCH_PROFILE=1): V8's sampling heap profile instead, counting what
 * the collections freed too, so it shows where the bytes that set off collections come from.
 */
async function sampleAllocationsWhile(cdp, work, name) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 16_384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  const value = await work();
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  const file = join(tmpdir(), `regulars-bench-${name}-${Date.now()}.heapprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(`  allocations sampled in the page: ${file}`);
  for (const t of summariseAllocations(profile))
    console.log(`    ${String(t.mb).padStart(7)} MB  ${t.site}`);
  return value;
}

/** Runs `work()`; when `enabled`, profiles the page's main thread meanwhile. */
export async function profileWhile(enabled, context, page, work, name) {
  if (!enabled) return { value: await work(), profile: null };
  const cdp = await context.newCDPSession(page);
  if (process.env.BENCH_HEAP_SAMPLE === '1')
    return { value: await sampleAllocationsWhile(cdp, work, name), profile: null };
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  let value;
  try {
    value = await work();
  } catch (err) {
    await stopAndSave(cdp, name).catch(() => undefined);
    throw err;
  }
  return { value, profile: await stopAndSave(cdp, name) };
}
