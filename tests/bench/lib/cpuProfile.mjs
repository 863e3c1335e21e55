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
  const file = join(tmpdir(), `regulars-bench-${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const top = summarise(profile);
  console.log(`  CPU profile of the page's main thread: ${file}`);
  for (const t of top) console.log(`    ${String(t.ms).padStart(7)} ms  ${t.fn}`);
  return { file, top };
}

/** Runs `work()`; when `enabled`, profiles the page's main thread meanwhile. */
export async function profileWhile(enabled, context, page, work, name) {
  if (!enabled) return { value: await work(), profile: null };
  const cdp = await context.newCDPSession(page);
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
