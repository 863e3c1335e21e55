import { describe, expect, it } from 'vitest';
import { openApp, startWithTemplate, sharedBrowser } from './app';

const browser = sharedBrowser();

describe('the bottom of the grid', () => {
  it('shows the last row whole and takes a click on its lower edge', async () => {
    const { page, context } = await openApp(browser(), 'zh-CN');
    await startWithTemplate(page);
    await page.evaluate(() => {
      const viewport = [
        ...document.querySelectorAll<HTMLElement>('.ag-grid-viewport, .ag-body-viewport'),
      ].find((el) => el.scrollHeight > el.clientHeight);
      if (viewport) viewport.scrollTop = viewport.scrollHeight;
    });
    const last = page.locator('.ag-row[row-index="199"] .ag-cell[col-id^="fld_"]').first();
    await last.waitFor();
    const box = await last.boundingBox();
    if (!box) throw new Error('last row not laid out');
    // What is drawn at the row's lower edge is that row, not a strip over it.
    const hit = await page.evaluate(
      ([x, y]) =>
        document
          .elementFromPoint(x as number, y as number)
          ?.closest('.ag-row')
          ?.getAttribute('row-index'),
      [box.x + 5, box.y + box.height - 3],
    );
    expect(hit).toBe('199');
    await page.mouse.click(box.x + 5, box.y + box.height - 3);
    await expect.poll(() => last.getAttribute('class')).toContain('ag-cell-focus');
    await context.close();
  });
});
