/**
 * Loads the interface's font, one weight per task, before the interface first renders.
 *
 * Chromium on Linux copies a font file into shared memory the first time a page lays out text
 * in it: Noto Sans CJK is ~20 MB per weight, and the page waits 30–60 ms for each copy. Left to
 * the first layouts of the interface, the regular and the bold copy fell into the same tasks as
 * laying out the shell and the grid (100 ms at 100,000 rows). One hidden line per weight, laid
 * out in a task of its own, keeps each of those waits alone. Elsewhere the fonts are local
 * system files and each step takes well under a millisecond.
 */
import { yieldToEventLoop } from '../domain/pause';

/** The weights the first screen shows: body text, and headings and headers (600 to 700). */
export const FIRST_SCREEN_WEIGHTS: readonly number[] = [400, 600];

/** Han and Latin letters: the font list's first match for either is the file to load. */
const SAMPLE = '客Aa';

/**
 * Lays out a hidden line in each weight (in the document's inherited font list), yielding to
 * the event loop before each, and removes it again.
 */
export async function warmFonts(
  doc: Document = document,
  weights: readonly number[] = FIRST_SCREEN_WEIGHTS,
): Promise<void> {
  for (const weight of weights) {
    await yieldToEventLoop();
    const probe = doc.createElement('span');
    probe.setAttribute('aria-hidden', 'true');
    probe.style.cssText = `position:absolute;left:-10000px;top:0;visibility:hidden;font-weight:${weight}`;
    probe.textContent = SAMPLE;
    doc.body.append(probe);
    // Reading its size lays the line out now, which loads the weight's font file.
    probe.getBoundingClientRect();
    probe.remove();
  }
}
