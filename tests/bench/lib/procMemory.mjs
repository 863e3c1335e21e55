/**
 * Memory of one Chromium instance as the system sees it: the proportional set size (PSS) of the
 * browser launched on a profile directory and all its child processes, sampled from /proc.
 * It counts what the JS heap does not (Blobs, IndexedDB's buffers); Linux only, else null.
 */
import { readdirSync, readFileSync } from 'node:fs';

function readProcs() {
  const procs = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Field 4 (ppid) follows the command name, which may itself hold spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      procs.push({ pid: Number(name), ppid, cmdline });
    } catch {
      // The process ended while we looked.
    }
  }
  return procs;
}

/** The browser started on `profileDir` and every process below it. */
function chromiumTree(profileDir) {
  const procs = readProcs();
  const roots = procs.filter(
    (p) => p.cmdline.includes(`--user-data-dir=${profileDir}`) && !p.cmdline.includes('--type='),
  );
  const tree = new Set(roots.map((p) => p.pid));
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of procs)
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
  }
  return [...tree];
}

function pssKb(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const match = /^Pss:\s+(\d+) kB/m.exec(text);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Samples the tree's total PSS every `intervalMs`. `peakSince(t)` is the largest total seen
 * since Date.now() was `t`; `now()` takes a sample at once.
 */
export function startProcessMemorySampler(profileDir, intervalMs = 250) {
  if (process.platform !== 'linux') return { now: () => null, peakSince: () => null, stop() {} };
  const samples = [];
  const sample = () => {
    const kb = chromiumTree(profileDir).reduce((sum, pid) => sum + pssKb(pid), 0);
    samples.push({ at: Date.now(), kb });
    return kb;
  };
  const timer = setInterval(sample, intervalMs);
  return {
    now: () => sample() / 1024,
    peakSince(t) {
      const kb = samples.filter((s) => s.at >= t).reduce((m, s) => Math.max(m, s.kb), 0);
      return kb / 1024;
    },
    stop: () => clearInterval(timer),
  };
}
