/**
 * Browser plumbing for the bench: build and serve dist-bench, and run Chromium on copies of one
 * seeded profile, so every scenario starts from the same IndexedDB without re-seeding it.
 */
import { cpSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import chromiumSettings from '../../chromium.json' with { type: 'json' };

export const CHROMIUM = process.env.CHROMIUM_PATH ?? chromiumSettings.defaultPath;

/**
 * The end-to-end tests' flags, plus what the memory figures need. BENCH_JS_FLAGS adds V8 flags
 * for a diagnosis (e.g. `--trace-gc`, printed on the browser's output: run with
 * DEBUG=pw:browser); figures measured with them are not the app's.
 */
const JS_FLAGS = ['--expose-gc', process.env.BENCH_JS_FLAGS ?? ''].join(' ').trim();
const ARGS = [...chromiumSettings.args, '--enable-precise-memory-info', `--js-flags=${JS_FLAGS}`];

/** Shared memory a page of the bench may need at once, with room to spare (1M rows: ~1 GB). */
const SHM_NEEDED = 2 ** 31;

/**
 * Playwright adds `--disable-dev-shm-usage` (for containers, whose /dev/shm holds 64 MB): Chromium
 * then keeps shared memory in deleted files under /tmp. On this machine /tmp is ext4 mounted with
 * `discard`, and closing such a file waits for the disk to discard its blocks, in the thread that
 * closes it: the page's main thread, after each IndexedDB value read back as a blob (sampled in
 * /proc: 1 ms mostly, 135 and 167 ms in two tasks of formula-1m). A user's Chrome keeps shared
 * memory in /dev/shm, and so does the bench wherever /dev/shm is large enough.
 */
function ignoredDefaultArgs() {
  try {
    const { bavail, bsize } = statfsSync('/dev/shm');
    return bavail * bsize >= SHM_NEEDED ? ['--disable-dev-shm-usage'] : [];
  } catch {
    return [];
  }
}

export async function buildBench(root) {
  await build({ root, configFile: join(root, 'vite.bench.config.ts'), logLevel: 'warn' });
}

export async function startBenchServer(root, port = 4183) {
  const server = await preview({
    root,
    configFile: join(root, 'vite.bench.config.ts'),
    preview: { port, strictPort: false, host: '127.0.0.1' },
    logLevel: 'error',
  });
  const address = server.httpServer.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: () => new Promise((resolve) => server.httpServer.close(() => resolve())),
  };
}

/** A scratch directory for profiles; removed by `remove()`. */
export function makeScratch() {
  const dir = mkdtempSync(join(tmpdir(), 'regulars-bench-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Chromium with its own profile directory (IndexedDB survives closing it). */
export function launchProfile(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    ignoreDefaultArgs: ignoredDefaultArgs(),
    locale: 'zh-CN',
    viewport: { width: 1360, height: 820 },
    // The service worker would add a cache layer whose state differs between runs.
    serviceWorkers: 'block',
  });
}

/** Copies the seeded profile for one scenario (lock files are per running browser: skipped). */
export function copyProfile(from, to) {
  cpSync(from, to, {
    recursive: true,
    filter: (src) => !/Singleton(Lock|Socket|Cookie)$/.test(src),
  });
  return to;
}

/** Forwards the page's `bench:` console lines and its errors to the terminal. */
export function relayConsole(page, errors = []) {
  page.on('console', (msg) => {
    const text = msg.text();
    if (text.startsWith('bench:')) console.log(`  ${text}`);
    else if (msg.type() === 'error') errors.push(text);
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** Opens bench.html in a new tab of `context` and waits for `window.bench`. */
export async function openBenchTab(context, baseUrl) {
  const page = await context.newPage();
  relayConsole(page);
  await page.goto(`${baseUrl}bench.html`);
  await page.waitForFunction(() => window.bench !== undefined, null, { timeout: 30_000 });
  return page;
}
