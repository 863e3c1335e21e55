/**
 * memory: the page's JS heap once the big table is open, after a full garbage collection,
 * read through the DevTools protocol (and cross-checked with performance.memory).
 */
import { openApp } from '../lib/app.mjs';
import { round } from '../lib/stats.mjs';

export const MEMORY_TARGET = 400;
const MB = 1024 * 1024;

export async function runMemory(env) {
  const context = await env.newProfile();
  try {
    const { page, errors } = await openApp(context, env.baseUrl);
    await page.waitForTimeout(1000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters').catch(() => null);
    const pageHeap = await page.evaluate(() => {
      window.gc?.();
      return performance.memory?.usedJSHeapSize ?? null;
    });
    const value = heap.usedSize / MB;
    return {
      scenario: 'memory',
      value: round(value),
      unit: 'MB',
      totalHeap: round(heap.totalSize / MB),
      usedJSHeapSize: pageHeap === null ? null : round(pageHeap / MB),
      domNodes: dom?.nodes ?? null,
      pass: value <= MEMORY_TARGET,
      target: `≤ ${MEMORY_TARGET} MB`,
      problems: errors.slice(0, 3).map((e) => `page error: ${e}`),
    };
  } finally {
    await context.close();
  }
}
