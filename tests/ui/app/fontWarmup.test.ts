import { describe, expect, it, vi } from 'vitest';
import {
  FIRST_SCREEN_STRIKES,
  measureInWeights,
  warmFonts,
  warmStrikes,
  WARM_MARK,
  WARM_SAMPLE,
  type WarmRequest,
} from '../../../src/ui/fontWarmup';

/** A stand-in for the warm-up worker: records what it is sent, answers when told. */
function fakeWorker() {
  const sent: unknown[] = [];
  let terminated = false;
  const worker = {
    onmessage: null as ((e: MessageEvent) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    postMessage: (m: unknown) => sent.push(m),
    terminate: () => {
      terminated = true;
    },
  };
  return {
    worker,
    sent,
    terminated: () => terminated,
    answer: () => worker.onmessage?.(new MessageEvent('message', { data: null })),
    fail: () => worker.onerror?.(new ErrorEvent('error')),
  };
}

const lastMark = (): unknown =>
  (performance.getEntriesByName(WARM_MARK).at(-1) as PerformanceMark | undefined)?.detail;

describe('warmFonts', () => {
  it('sends the font list, the page’s language, the weights and the sample, and ends when the worker answers', async () => {
    document.documentElement.lang = 'zh-CN';
    const w = fakeWorker();
    let ended = false;
    const warm = warmFonts({
      family: '"Noto Sans CJK SC", sans-serif',
      weights: [400, 600],
      createWorker: () => w.worker as unknown as Worker,
    }).then(() => {
      ended = true;
    });
    await Promise.resolve();
    expect(w.sent).toEqual([
      {
        family: '"Noto Sans CJK SC", sans-serif',
        lang: 'zh-CN',
        weights: [400, 600],
        sample: WARM_SAMPLE,
      },
    ]);
    expect(ended).toBe(false);
    w.answer();
    await warm;
    expect(ended).toBe(true);
    expect(w.terminated()).toBe(true);
    expect(lastMark()).toBe('answered');
  });

  it('does not hold the page up when the worker fails or never answers', async () => {
    const failing = fakeWorker();
    const failed = warmFonts({
      family: 'serif',
      createWorker: () => failing.worker as unknown as Worker,
    });
    failing.fail();
    await failed;
    expect(failing.terminated()).toBe(true);
    expect(lastMark()).toBe('failed');

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const silent = fakeWorker();
      let ended = false;
      const warm = warmFonts({
        family: 'serif',
        timeoutMs: 500,
        createWorker: () => silent.worker as unknown as Worker,
      }).then(() => {
        ended = true;
      });
      await vi.advanceTimersByTimeAsync(499);
      expect(ended).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await warm;
      expect(ended).toBe(true);
      expect(silent.terminated()).toBe(true);
      expect(lastMark()).toBe('timeout');
    } finally {
      vi.useRealTimers();
    }

    await warmFonts({
      family: 'serif',
      createWorker: () => {
        throw new Error('no workers here');
      },
    });
  });
});

/** A 2D context that records each font and text it measures. */
function recordingContext() {
  const measured: string[] = [];
  const context = {
    font: '',
    measureText(text: string) {
      measured.push(`${this.font} | ${text}`);
      return {} as TextMetrics;
    },
  };
  return { measured, context };
}

describe('measureInWeights', () => {
  it('measures the sample once in each weight of the font list', () => {
    const { measured, context } = recordingContext();
    const request: WarmRequest = {
      family: 'A, B',
      lang: 'zh-CN',
      weights: [400, 600],
      sample: '客A',
    };
    measureInWeights(request, context);
    expect(measured).toEqual(['400 14px A, B | 客A', '600 14px A, B | 客A']);
    expect(() => measureInWeights(request, null)).not.toThrow();
    // In the page's language, where the context has one.
    const withLang = { ...context, lang: 'inherit' };
    measureInWeights(request, withLang);
    expect(withLang.lang).toBe('zh-CN');
  });
});

describe('warmStrikes', () => {
  it('measures the sample in each size and weight of the first screens', async () => {
    const { measured, context } = recordingContext();
    await warmStrikes(
      'A, B',
      context,
      [
        [400, 12],
        [600, 16],
      ],
      'en',
    );
    expect(measured).toEqual([`400 12px A, B | ${WARM_SAMPLE}`, `600 16px A, B | ${WARM_SAMPLE}`]);

    measured.length = 0;
    const withLang = { ...context, lang: 'inherit' };
    await warmStrikes('A', withLang, FIRST_SCREEN_STRIKES, 'zh-CN');
    expect(measured).toHaveLength(FIRST_SCREEN_STRIKES.length);
    expect(withLang.lang).toBe('zh-CN');
    await expect(warmStrikes('A', null)).resolves.toBeUndefined();
  });
});
