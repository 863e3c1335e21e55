/**
 * Loads the interface's fonts off the main thread before the interface first renders.
 *
 * Chromium on Linux copies a font file into shared memory the first time a page uses it: Noto
 * Sans CJK is ~20 MB per weight, and the thread that asks waits 24–58 ms for each copy. Left to
 * the first layouts of the interface, the regular and the bold copy fell into the tasks that lay
 * out the shell and the grid (one of 100 ms at 100,000 rows). A worker measuring the same text
 * on an OffscreenCanvas makes the browser copy the files while the main thread stays free; the
 * layouts that follow find them ready (2–4 ms instead of ~30 ms per weight, measured). On other
 * systems the worker's step costs whatever a first use of the fonts costs there, off the page's
 * thread as well.
 */
import { yieldToEventLoop } from '../domain/pause';
import { TYPE_GLYPHS } from './columns/fieldTypeMeta';

/** The weights the first screen shows: body text, and headings and headers (600 to 700). */
export const FIRST_SCREEN_WEIGHTS: readonly number[] = [400, 600];

/**
 * Han and Latin letters, and the toolbar's and menus' symbols that the usual Chinese UI fonts
 * lack (each missing one costs a fallback lookup on first use). Each fallback font's file is
 * opened once per page: on this machine ↶ and most others are DejaVu Sans, ⤢ DejaVu Serif, and
 * the search box's ⌕ DejaVu Sans Mono, which the page's first layout opened itself, in a 20 ms
 * wait, while the worker did not meet it (traced). The column headers' type glyphs too: the
 * multi-select's ☰ fell back to another font in the workspace's first layout, whose ask for it
 * waited 47 ms on a browser busy at launch (traced; an end-to-end test lists the symbols the
 * first screens draw in a fallback font).
 */
export const WARM_SAMPLE = `客Aa↶↷⇤⇥▾⚙✎✕⤢⌕${TYPE_GLYPHS}`;

/**
 * Waits at most this long for the worker: a page must not hang on a warm-up. It answered in
 * 200–350 ms here; a slower answer comes from a busy machine, where the page would otherwise
 * wait for the same copies itself.
 */
const WARM_TIMEOUT_MS = 3000;

/** The performance mark set when the warm-up ends; its detail is how (a WarmEnd). */
export const WARM_MARK = 'regulars:fonts-warm';
export type WarmEnd = 'answered' | 'failed' | 'timeout';

export interface WarmRequest {
  /** The CSS font-family list the page uses. */
  family: string;
  /** The page's language: the browser keeps the fonts a character falls back to by language. */
  lang: string;
  weights: readonly number[];
  sample: string;
}

/** The worker's part: measures the sample in each weight on a 2D context, if it has one. */
export function measureInWeights(request: WarmRequest, context: WarmContext | null): void {
  if (!context) return;
  inLanguage(context, request.lang);
  for (const weight of request.weights)
    measure(context, request.family, [weight, 14], request.sample);
}

/**
 * The weights and sizes (px) of the text of the first screens: the welcome screen and a
 * workspace's shell and grid (an end-to-end test reads them from the rendered screens).
 */
export const FIRST_SCREEN_STRIKES: readonly (readonly [weight: number, px: number])[] = [
  [400, 12],
  [600, 12],
  [400, 13],
  [600, 13],
  [400, 14],
  [600, 14],
  [400, 16],
  [600, 16],
  [400, 17],
  [600, 18],
  [700, 40],
];

/**
 * The page's own half of the warm-up, after the worker's: each size and weight of the first
 * screens measured on a canvas of the page's thread, one per task.
 *
 * Why: each thread asks the browser for the render settings of every font size it uses
 * (`GetWebFontRenderStyleForStrike`) and for the font of each character its fonts lack, and
 * waits for the answers. The browser answers in under a millisecond when idle, but at launch it
 * is busy reading the table: the shell's first layout waited 26 ms for one answer and 34 ms in
 * all, in a 53 ms task (traced at 100k rows). Asked here, each wait falls in a small task of
 * its own, and the layouts find the answers kept.
 */
export async function warmStrikes(
  family = pageFontFamily(),
  context: WarmContext | null = pageContext(),
  strikes: readonly (readonly [number, number])[] = FIRST_SCREEN_STRIKES,
  lang = document.documentElement.lang,
): Promise<void> {
  if (!context) return;
  inLanguage(context, lang);
  for (const strike of strikes) {
    measure(context, family, strike, WARM_SAMPLE);
    await yieldToEventLoop();
  }
}

/** Measures `sample` in one weight and size (px) of `family`. */
function measure(
  context: WarmContext,
  family: string,
  [weight, px]: readonly [number, number],
  sample: string,
): void {
  context.font = `${weight} ${px}px ${family}`;
  context.measureText(sample);
}

/** What the warm-up uses of a 2D context (`lang`: Chromium 135 and later). */
type WarmContext = Pick<OffscreenCanvasRenderingContext2D, 'font' | 'measureText'> & {
  lang?: string;
};

/**
 * Text measured in the page's language. A character's fallback font is looked up per language:
 * measured without one, the page's first layout asked the browser again for a symbol's font (a
 * 27 ms wait at launch, traced), and the browser built that language's fallback list then.
 */
function inLanguage(context: WarmContext, lang: string): void {
  if (lang && 'lang' in context) context.lang = lang;
}

function pageContext(): OffscreenCanvasRenderingContext2D | null {
  return typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
}

const pageFontFamily = (): string =>
  getComputedStyle(document.documentElement).fontFamily || 'sans-serif';

function startWorker(): Worker {
  return new Worker(new URL('./fontWarmup.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Resolves once a worker has used the page's fonts in the first screen's weights, or at once
 * where there are no workers, or after WARM_TIMEOUT_MS whatever happens. Never rejects.
 */
export function warmFonts(
  options: {
    family?: string;
    weights?: readonly number[];
    timeoutMs?: number;
    createWorker?: () => Worker;
  } = {},
): Promise<void> {
  const { weights = FIRST_SCREEN_WEIGHTS, timeoutMs = WARM_TIMEOUT_MS } = options;
  const createWorker = options.createWorker ?? startWorker;
  if (!options.createWorker && typeof Worker === 'undefined') return Promise.resolve();
  return new Promise<void>((resolve) => {
    let worker: Worker;
    try {
      worker = createWorker();
    } catch {
      resolve();
      return;
    }
    const finish = (how: WarmEnd): void => {
      clearTimeout(timer);
      worker.terminate();
      // How the warm-up ended, for the end-to-end tests and the bench to read.
      performance.mark(WARM_MARK, { detail: how });
      resolve();
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    worker.onmessage = () => finish('answered');
    worker.onerror = () => finish('failed');
    const family = options.family ?? pageFontFamily();
    const lang = document.documentElement.lang;
    const request: WarmRequest = { family, lang, weights, sample: WARM_SAMPLE };
    worker.postMessage(request);
  });
}
