/**
 * Formula columns on the shop template (zh-CN): the template's analysis columns, a formula
 * column added through the dialog with completion and preview, live recalculation and undo.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  allColumnTexts,
  cancelFieldDialog,
  cell,
  columnId,
  expectSaveRefused,
  openTemplate,
  recordCount,
  typeOver,
  sharedBrowser,
} from './app';
import { reloadGrid } from './stored';

const browser = sharedBrowser();

/** The eight segments of crm-model.md. */
const SEGMENTS = [
  '重要价值客户',
  '重要保持客户',
  '重要发展客户',
  '重要挽留客户',
  '一般价值客户',
  '一般保持客户',
  '一般发展客户',
  '一般挽留客户',
];
const STAGES = ['新客户', '活跃期', '沉默期', '睡眠期', '流失期'];
const TIERS = ['普通会员', '银卡会员', '金卡会员', '钻石会员'];
const FORMULA = '={消费金额} / {消费次数}';
const RATIO = '客单价';

async function text(page: Page, row: number, name: string): Promise<string> {
  return (await (await cell(page, row, name)).textContent()) ?? '';
}

/** '¥1,234.50' or '1,234.5' → 1234.5 */
const numberIn = (shown: string): number => Number(shown.replace(/[¥,\s]/g, ''));

/**
 * Once column `name` has every row: each customer's first purchase a year on (EDATE keeps the
 * day, cut to the month's length: 28 February, as HyperFormula does). Rows without a first
 * purchase are not checked.
 */
async function expectAnniversaries(page: Page, name: string): Promise<void> {
  await expect.poll(async () => (await allColumnTexts(page, name)).length).toBe(200);
  const firsts = await allColumnTexts(page, '首次消费日期');
  const anniversaries = await allColumnTexts(page, name);
  firsts.forEach((shown, row) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(shown);
    if (!m) return;
    const day = m[2] === '02' && m[3] === '29' ? '28' : m[3];
    expect(anniversaries[row]).toBe(`${Number(m[1]) + 1}-${m[2]}-${day}`);
  });
}

/** The first row with at least one purchase (rows 0–19 are on screen). */
async function firstBuyerRow(page: Page): Promise<number> {
  for (let row = 0; row < 20; row++) {
    if ((await text(page, row, '消费次数')) !== '0') return row;
  }
  throw new Error('no buyer among the first rows');
}

async function openColumnMenu(page: Page, name: string): Promise<Locator> {
  const id = await columnId(page, name);
  await page.getByTestId(`column-menu-${id}`).click();
  const menu = page.getByRole('menu');
  await menu.waitFor();
  return menu;
}

/** Types a formula as a user would: ASCII by key, Chinese as an IME commit. */
async function typeFormula(page: Page, parts: string[]): Promise<void> {
  for (const part of parts) {
    if (/^[\x20-\x7e]*$/.test(part)) await page.keyboard.type(part);
    else await page.keyboard.insertText(part);
  }
}

async function startFormulaColumn(page: Page, name: string): Promise<Locator> {
  await page.getByTestId('add-column').click();
  await page.getByTestId('field-name').fill(name);
  const type = page.getByTestId('field-type');
  // Offered once the engine has loaded; the option reads "<glyph>  公式".
  await expect.poll(() => type.locator('option[value=formula]').textContent()).toContain('公式');
  await type.selectOption('formula');
  const input = page.getByTestId('formula-input');
  await input.click();
  return input;
}

/** Adds a formula column through the dialog, its formula typed in `parts` as a user would. */
async function addFormulaColumn(page: Page, name: string, parts: string[]): Promise<void> {
  const input = await startFormulaColumn(page, name);
  const save = page.getByTestId('field-save');
  const before = await save.boundingBox();
  await typeFormula(page, parts);
  await expect.poll(() => input.inputValue()).toBe(parts.join(''));
  const preview = page.getByTestId('formula-preview').locator('tbody tr');
  await expect.poll(() => preview.count()).toBeGreaterThan(0);
  // The preview's rows arrive in room kept for them: Save is where it was before typing.
  expect(await save.boundingBox()).toEqual(before);
  await save.click();
  const dialog = page.getByTestId('field-dialog');
  // If saving is refused, the failure says what the dialog says.
  await dialog.waitFor({ state: 'detached', timeout: 20_000 }).catch(async (err: unknown) => {
    throw new Error(`The dialog stayed open: ${await dialog.innerText()}`, { cause: err });
  });
}

async function deleteColumn(page: Page, name: string): Promise<void> {
  const menu = await openColumnMenu(page, name);
  await menu.getByRole('menuitem', { name: `删除列“${name}”` }).click();
}

/** Adds 客单价 = 消费金额 / 消费次数 through the column dialog, typed as a user would. */
async function addRatioColumn(page: Page): Promise<void> {
  await addFormulaColumn(page, RATIO, ['={', '消费金额', '} / {', '消费次数', '}']);
}

describe('formula columns', () => {
  it('computes the template columns, adds a formula column and recalculates on edits and undo', async () => {
    const { page, context, errors } = await openTemplate(browser());

    // Sorted by purchase count: the prospects (no purchase) come first.
    await page.getByTestId(`column-sort-${await columnId(page, '消费次数')}`).click();
    await expect.poll(() => text(page, 0, '消费次数')).toBe('0');
    const counts = await allColumnTexts(page, '消费次数');
    const buyer = counts.findIndex((c) => c !== '0');
    expect(buyer).toBeGreaterThan(0);
    expect(counts.slice(buyer).every((c) => numberIn(c) >= 1)).toBe(true);

    // A prospect is not scored; a buyer has a segment, a stage and a tier.
    await expect.poll(() => text(page, 0, 'RFM分群')).toBe('');
    expect(await text(page, 0, 'RFM')).toBe('');
    expect(await text(page, 0, '生命周期')).toBe('潜在客户');
    expect(await text(page, 0, '会员等级')).toBe('普通会员');
    expect(SEGMENTS).toContain(await text(page, buyer, 'RFM分群'));
    expect(STAGES).toContain(await text(page, buyer, '生命周期'));
    expect(TIERS).toContain(await text(page, buyer, '会员等级'));
    expect(await text(page, buyer, 'RFM')).toMatch(/^[1-5]{3}$/);

    // A new formula column through the dialog, field names completed after `{`.
    const input = await startFormulaColumn(page, RATIO);
    await typeFormula(page, ['={', '消']);
    const suggestions = page.getByTestId('formula-completions');
    await suggestions.getByRole('option', { name: '消费金额' }).click();
    await expect.poll(() => input.inputValue()).toBe('={消费金额}');
    await page.keyboard.press('End');
    await typeFormula(page, [' / {', '消费次数', '}']);
    await expect.poll(() => input.inputValue()).toBe(FORMULA);
    const preview = page.getByTestId('formula-preview');
    await expect.poll(() => preview.locator('tbody tr').count()).toBeGreaterThan(0);
    // Money divided by a count is money: the preview shows it as the column will, in yuan.
    for (const value of await preview.locator('.formula-preview-value').allTextContents()) {
      expect(value).toMatch(/^(#DIV\/0!|¥[\d,]+\.\d{2})$/);
    }
    await page.getByTestId('field-save').click();
    await page.getByTestId('field-dialog').waitFor({ state: 'detached' });

    // Numbers for buyers; #DIV/0! with the error style and an explanation for a prospect.
    const amount = numberIn(await text(page, buyer, '消费金额'));
    const count = numberIn(await text(page, buyer, '消费次数'));
    await expect
      .poll(async () => numberIn(await text(page, buyer, RATIO)))
      .toBeCloseTo(amount / count, 1);
    const error = await cell(page, 0, RATIO);
    expect(await error.textContent()).toBe('#DIV/0!');
    expect(await error.getAttribute('class')).toContain('cell-error');
    await error.hover();
    await expect.poll(() => page.locator('.ag-tooltip').textContent()).toContain('除数为零');

    // A very large amount: this row's ratio and M follow, and other rows' M can change.
    const mBefore = await allColumnTexts(page, 'M');
    const ratioBefore = await text(page, buyer, RATIO);
    await typeOver(page, await cell(page, buyer, '消费金额'), '999999');
    await expect
      .poll(async () => numberIn(await text(page, buyer, RATIO)))
      .toBeCloseTo(999999 / count, 1);
    await expect.poll(() => text(page, buyer, 'M')).toBe('5');
    expect(await text(page, buyer, 'RFM')).toMatch(/^[1-5]{2}5$/);
    const mAfter = await allColumnTexts(page, 'M');
    const others = mAfter.filter((m, row) => row !== buyer && m !== mBefore[row]);
    expect(others.length).toBeGreaterThan(0);

    // Undo puts the amount back, and with it every formula cell.
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => text(page, buyer, RATIO)).toBe(ratioBefore);
    expect(await allColumnTexts(page, 'M')).toEqual(mBefore);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses an invalid formula and follows a renamed field', async () => {
    const { page, context, errors } = await openTemplate(browser());
    await addRatioColumn(page);
    const row = await firstBuyerRow(page);
    const ratio = await text(page, row, RATIO);
    expect(numberIn(ratio)).toBeGreaterThan(0);

    // A dangling operator: the dialog names the problem and saving does nothing.
    await startFormulaColumn(page, '坏公式');
    await typeFormula(page, ['={', '消费金额', '} +']);
    const problem = page.getByTestId('formula-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toBe('第 9 个字符：公式以运算符结尾，后面还缺少内容');
    await expectSaveRefused(page);
    expect(await problem.isVisible()).toBe(true);
    await cancelFieldDialog(page);
    await page.waitForTimeout(300);
    expect(await page.locator('.column-header-name', { hasText: '坏公式' }).count()).toBe(0);

    // IFS takes conditions and values in pairs: one left without its value would show #N/A in
    // every row, so the dialog says which counts IFS takes, and saving does nothing.
    const input = await startFormulaColumn(page, '档次');
    await typeFormula(page, ['=IFS({', '消费金额', '} > 1000, "VIP", {', '消费金额', '} > 300)']);
    await expect
      .poll(() => problem.textContent())
      .toBe('第 2 个字符：IFS 的参数个数应为 2、4、6……，不能是 3 个');
    await expectSaveRefused(page);
    // The pair completed, the column saves and shows each customer's tier.
    await input.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await typeFormula(page, [', "常客", TRUE(), "-")']);
    await expect.poll(() => problem.count()).toBe(0);
    await page.getByTestId('field-save').click();
    await page.getByTestId('field-dialog').waitFor({ state: 'detached' });
    await expect.poll(async () => (await allColumnTexts(page, '档次')).length).toBe(200);
    const tiers = await allColumnTexts(page, '档次');
    (await allColumnTexts(page, '消费金额')).map(numberIn).forEach((amount, row) => {
      expect(tiers[row]).toBe(amount > 1000 ? 'VIP' : amount > 300 ? '常客' : '-');
    });

    // Renaming an input keeps the formula working; the editor shows the new name.
    await (
      await openColumnMenu(page, '消费金额')
    )
      .getByRole('menuitem', { name: '编辑列…' })
      .click();
    await page.getByTestId('field-name').fill('消费总额');
    await page.getByTestId('field-save').click();
    await page.getByTestId('field-dialog').waitFor({ state: 'detached' });
    await columnId(page, '消费总额');
    expect(await text(page, row, RATIO)).toBe(ratio);
    await typeOver(page, await cell(page, row, '消费总额'), '12345');
    const count = numberIn(await text(page, row, '消费次数'));
    await expect
      .poll(async () => numberIn(await text(page, row, RATIO)))
      .toBeCloseTo(12345 / count, 1);
    await (await openColumnMenu(page, RATIO)).getByRole('menuitem', { name: '编辑列…' }).click();
    await expect
      .poll(() => page.getByTestId('formula-input').inputValue())
      .toBe('={消费总额} / {消费次数}');
    await page.getByTestId('field-cancel').click();

    // The formula column and its values survive a reload.
    await reloadGrid(page);
    await expect
      .poll(async () => numberIn(await text(page, row, RATIO)))
      .toBeCloseTo(12345 / count, 1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('previews a ranking over the whole table; shows #REF! naming a deleted input column, says so in the editor, and undo brings the values back', async () => {
    const { page, context, errors } = await openTemplate(browser());
    // A ranking previews as the column will show it: against all 200 customers, not 5.
    const names: string[] = [];
    const scores: string[] = [];
    for (let row = 0; row < 5; row++) {
      names.push(await text(page, row, '姓名'));
      scores.push(await text(page, row, 'M'));
    }
    await startFormulaColumn(page, '金额分');
    await typeFormula(page, ['=RFM_M({', '消费金额', '})']);
    const ranked = page.getByTestId('formula-preview');
    await expect
      .poll(async () =>
        (await ranked.locator('tbody tr').allInnerTexts()).map((r) => r.split('\t')),
      )
      .toEqual(names.map((name, i) => [name, scores[i]]));
    await cancelFieldDialog(page);

    await addRatioColumn(page);
    const row = await firstBuyerRow(page);
    await expect.poll(async () => numberIn(await text(page, row, RATIO))).toBeGreaterThan(0);
    const ratio = await text(page, row, RATIO);
    const frequency = await text(page, row, 'F');
    expect(frequency).toMatch(/^[1-5]$/);

    // Deleting 消费次数: the new column and the template's F, which read it, turn into #REF!.
    await deleteColumn(page, '消费次数');
    await expect.poll(() => text(page, row, RATIO)).toBe('#REF!');
    expect(await text(page, row, 'F')).toBe('#REF!');
    const error = await cell(page, row, RATIO);
    expect(await error.getAttribute('class')).toContain('cell-error');
    await error.hover();
    await expect
      .poll(() => page.locator('.ag-tooltip').textContent())
      .toBe('#REF! 公式引用的列“消费次数”已被删除，请编辑公式。');

    // The editor names the deleted field where the formula uses it, and saves nothing.
    await (await openColumnMenu(page, RATIO)).getByRole('menuitem', { name: '编辑列…' }).click();
    await expect.poll(() => page.getByTestId('formula-input').inputValue()).toBe(FORMULA);
    await expect
      .poll(() => page.getByTestId('formula-problem').textContent())
      .toBe('第 11 个字符：字段“消费次数”已被删除');
    await expectSaveRefused(page);
    await cancelFieldDialog(page);

    // Undo brings the column back, and every formula that reads it.
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => text(page, row, RATIO)).toBe(ratio);
    expect(await text(page, row, 'F')).toBe(frequency);
    expect(numberIn(await text(page, row, '消费次数'))).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('builds columns on formula columns and with AND; deleting a column under them shows #REF! and undo brings them back', async () => {
    const { page, context, errors } = await openTemplate(browser());

    // A cashback for the best segment, read from the template's RFM分群 column.
    await addFormulaColumn(page, '返现', [
      '=IF({',
      'RFM分群',
      '} = "',
      '重要价值客户',
      '", ROUND({',
      '消费金额',
      '} * 0.05, 2), 0)',
    ]);
    await expect.poll(async () => (await allColumnTexts(page, '返现')).length).toBe(200);
    const segments = await allColumnTexts(page, 'RFM分群');
    const amounts = (await allColumnTexts(page, '消费金额')).map(numberIn);
    const cashback = (await allColumnTexts(page, '返现')).map(numberIn);
    const best = segments.flatMap((s, row) => (s === '重要价值客户' ? [row] : []));
    expect(best.length).toBeGreaterThan(0);
    cashback.forEach((value, row) => {
      const amount = amounts[row] ?? NaN;
      expect(value).toBeCloseTo(best.includes(row) ? Math.round(amount * 5) / 100 : 0, 2);
    });

    // VIP when both conditions hold (AND of two comparisons on the inputs).
    await addFormulaColumn(page, 'VIP', [
      '=IF(AND({',
      '消费次数',
      '} > 5, {',
      '消费金额',
      '} > 1000), "VIP", "")',
    ]);
    await expect.poll(async () => (await allColumnTexts(page, 'VIP')).length).toBe(200);
    const counts = (await allColumnTexts(page, '消费次数')).map(numberIn);
    const vip = await allColumnTexts(page, 'VIP');
    expect(vip.filter((v) => v === 'VIP').length).toBeGreaterThan(0);
    vip.forEach((v, row) =>
      expect(v).toBe((counts[row] ?? 0) > 5 && (amounts[row] ?? 0) > 1000 ? 'VIP' : ''),
    );

    // A follow-up date 30 days after the last purchase, and the days since it.
    await addFormulaColumn(page, '间隔', ['=DAYS_SINCE({', '最近消费日期', '})']);
    await addFormulaColumn(page, '回访日', ['={', '最近消费日期', '} + 30']);
    await addFormulaColumn(page, '距回访', ['=DAYS_SINCE({', '回访日', '})']);
    const row = await firstBuyerRow(page);
    await expect.poll(() => text(page, row, '距回访')).not.toBe('');
    const since = numberIn(await text(page, row, '间隔'));
    expect(numberIn(await text(page, row, '距回访'))).toBe(since - 30);
    const dueShown = await text(page, row, '回访日');

    // Deleting the last purchase date: every column built on it, at any depth, is #REF!.
    await deleteColumn(page, '最近消费日期');
    await expect.poll(() => text(page, row, '距回访')).toBe('#REF!');
    for (const name of ['回访日', '间隔', 'R']) expect(await text(page, row, name)).toBe('#REF!');
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => text(page, row, '距回访')).toBe(String(since - 30));
    expect(await text(page, row, '回访日')).toBe(dueShown);

    // Deleting RFM分群, a formula column: the cashback that reads it is #REF!, then back.
    const bestRow = best[0] ?? 0;
    await deleteColumn(page, 'RFM分群');
    await expect.poll(() => allColumnTexts(page, '返现')).toEqual(Array(200).fill('#REF!'));
    await page.keyboard.press('ControlOrMeta+z');
    await expect
      .poll(async () => (await allColumnTexts(page, '返现')).map(numberIn)[bestRow])
      .toBe(cashback[bestRow]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('marks birthdays this month, computes ages and prints month-days from 生日 with MONTH, TODAY, DATEDIF and TEXT', async () => {
    const { page, context, errors } = await openTemplate(browser());
    const tiers = await allColumnTexts(page, '会员等级');
    await addFormulaColumn(page, '本月生日', [
      '=IF(MONTH({',
      '生日',
      '}) = MONTH(TODAY()), "',
      '本月生日',
      '", "")',
    ]);
    await addFormulaColumn(page, '年龄', ['=DATEDIF({', '生日', '}, TODAY(), "Y")']);
    await addFormulaColumn(page, '生日月日', [
      '=IF(ISBLANK({',
      '生日',
      '}), "", TEXT({',
      '生日',
      '}, "MM-DD"))',
    ]);
    await expect.poll(async () => (await allColumnTexts(page, '生日月日')).length).toBe(200);
    const [year, month, day] = await page.evaluate(() => {
      const d = new Date();
      return [d.getFullYear(), d.getMonth() + 1, d.getDate()];
    });
    const births = await allColumnTexts(page, '生日');
    const marks = await allColumnTexts(page, '本月生日');
    const ages = await allColumnTexts(page, '年龄');
    const monthDays = await allColumnTexts(page, '生日月日');
    let born = 0;
    births.forEach((shown, row) => {
      const m = /(\d{4})\D(\d{1,2})\D(\d{1,2})/.exec(shown);
      if (!m) {
        // No birthday: MONTH of an empty date is 12 (day 0 is 1899-12-30), as in a spreadsheet.
        expect(marks[row]).toBe(month === 12 ? '本月生日' : '');
        expect(monthDays[row]).toBe('');
        return;
      }
      born++;
      const [by, bm, bd] = [Number(m[1]), Number(m[2]), Number(m[3])];
      expect(marks[row]).toBe(bm === month ? '本月生日' : '');
      const age = year - by - (month < bm || (month === bm && day < bd) ? 1 : 0);
      expect(ages[row]).toBe(String(age));
      expect(monthDays[row]).toBe(`${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`);
    });
    expect(born).toBeGreaterThan(100);
    // The columns already there keep their values (the new columns' inputs land in their own).
    expect(await allColumnTexts(page, '会员等级')).toEqual(tiers);
    expect(errors).toEqual([]);
    await context.close();
  });
  it('shows a follow-up date 30 days after the last purchase, blank for customers who never bought', async () => {
    const { page, context, errors } = await openTemplate(browser());
    await addFormulaColumn(page, '回访日期', [
      '=IF({',
      '最近消费日期',
      '} = "", "", {',
      '最近消费日期',
      '} + 30)',
    ]);
    await expect.poll(async () => (await allColumnTexts(page, '回访日期')).length).toBe(200);
    const lasts = await allColumnTexts(page, '最近消费日期');
    const next = await allColumnTexts(page, '回访日期');
    let dated = 0;
    lasts.forEach((shown, row) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(shown);
      if (!m) {
        expect([shown, next[row]]).toEqual(['', '']);
        return;
      }
      dated++;
      const due = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 30));
      expect(next[row]).toBe(due.toISOString().slice(0, 10));
    });
    expect(dated).toBeGreaterThan(100);
    expect(dated).toBeLessThan(200);
    // A function that gives dates: the first anniversary, a year after the first purchase.
    await addFormulaColumn(page, '周年', ['=EDATE({', '首次消费日期', '}, 12)']);
    await expectAnniversaries(page, '周年');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an anniversary through IFERROR shows dates, and a blank customer leaves the others’ RFM as it was', async () => {
    const { page, context, errors } = await openTemplate(browser());
    await addFormulaColumn(page, '周年', ['=IFERROR(EDATE({', '首次消费日期', '}, 12), "")']);
    // No first purchase: EDATE of nothing is a date in 1900, not an error, so it shows.
    await expectAnniversaries(page, '周年');
    const segments = await allColumnTexts(page, 'RFM分群');
    const r = await allColumnTexts(page, 'R');
    await (await cell(page, 3, '姓名')).click({ button: 'right' });
    await page.getByRole('menuitem', { name: '在上方插入记录' }).click();
    await expect.poll(() => recordCount(page)).toBe('共 201 条');
    await expect.poll(async () => (await allColumnTexts(page, 'R')).length).toBe(201);
    // The new customer has no purchases: no score, and every other customer keeps theirs.
    const after = {
      r: await allColumnTexts(page, 'R'),
      seg: await allColumnTexts(page, 'RFM分群'),
    };
    expect([after.r[3], after.seg[3]]).toEqual(['', '']);
    expect([...after.r.slice(0, 3), ...after.r.slice(4)]).toEqual(r);
    expect([...after.seg.slice(0, 3), ...after.seg.slice(4)]).toEqual(segments);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('typing into a formula cell says why nothing changes; the record form opened from the row menu shows the formula columns as computed, steps through the table, and follows an edit made in it', async () => {
    const { page, context, errors } = await openTemplate(browser());
    const analysis = ['RFM', 'RFM分群', '会员等级', '生命周期'];
    await expect.poll(() => text(page, 2, 'RFM')).not.toBe('');
    const shown = await Promise.all(analysis.map((name) => text(page, 2, name)));
    // Typing into a formula cell changes nothing and says why.
    await typeOver(page, await cell(page, 2, '会员等级'), '9');
    const notice = page.getByTestId('notices').locator('.notice-text');
    await expect
      .poll(() => notice.textContent())
      .toBe('“会员等级”是公式列，不能直接输入：请修改它读取的列，或从列菜单编辑公式。');
    expect(await text(page, 2, '会员等级')).toBe(shown[2]);
    await notice.waitFor({ state: 'detached', timeout: 8000 });
    await (await cell(page, 2, '姓名')).click({ button: 'right' });
    await page.getByRole('menuitem', { name: '展开记录' }).click();
    const form = page.getByTestId('record-form');
    await form.waitFor();
    expect(await form.locator('.record-form-position').textContent()).toBe('第 3 条，共 200 条');
    const inForm = (name: string) => form.getByLabel(name, { exact: true }).inputValue();
    for (const [i, name] of analysis.entries()) expect(await inForm(name)).toBe(shown[i]);

    // A spend over the diamond threshold, typed in the form: the tier follows at once.
    const amount = form.getByLabel('消费金额', { exact: true });
    await amount.fill('25000');
    await amount.press('Enter');
    await expect.poll(() => inForm('会员等级')).toBe('钻石会员');
    await expect.poll(() => text(page, 2, '会员等级')).toBe('钻石会员');

    // The next record's own values.
    await form.getByRole('button', { name: '下一条记录' }).click();
    await expect
      .poll(() => form.locator('.record-form-position').textContent())
      .toBe('第 4 条，共 200 条');
    for (const name of analysis) expect(await inForm(name)).toBe(await text(page, 3, name));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Ctrl+Z and Ctrl+Y in the formula box step through accepted completions as through typing', async () => {
    const { page, context, errors } = await openTemplate(browser());
    const input = await startFormulaColumn(page, '取整金额');
    const suggestions = page.getByTestId('formula-completions');
    await typeFormula(page, ['=RO']);
    await suggestions.getByRole('option', { name: /^ROUND\(/ }).click();
    await typeFormula(page, ['{', '消']);
    await suggestions.getByRole('option', { name: '消费金额' }).click();
    await typeFormula(page, [', 2)']);
    const full = '=ROUND({消费金额}, 2)';
    await expect.poll(() => input.inputValue()).toBe(full);
    /** Presses `keys` in turn until the box shows `until` (at most 20 times): what it showed on the way. */
    const walk = async (keys: string[], until: string): Promise<string[]> => {
      const seen: string[] = [];
      for (let i = 0; i < 20 && seen.at(-1) !== until; i++) {
        await page.keyboard.press(keys[i % keys.length] ?? '');
        const value = await input.inputValue();
        if (value !== seen.at(-1)) seen.push(value);
      }
      return seen;
    };
    // Back through the typing, each completion and the text it completed, to the empty box.
    const steps = ['=ROUND({消费金额}', '=ROUND({消', '=ROUND(', '=RO'];
    const back = await walk(['Control+z'], '');
    expect(back.filter((v) => steps.includes(v))).toEqual(steps);
    expect(back.at(-1)).toBe('');
    // And forth again, with either redo key.
    const forth = await walk(['Control+Shift+z', 'Control+y'], full);
    expect(forth.filter((v) => steps.includes(v))).toEqual([...steps].reverse());
    expect(forth.at(-1)).toBe(full);
    expect(await page.getByTestId('field-dialog').isVisible()).toBe(true);
    await expect
      .poll(() => page.getByTestId('formula-preview').locator('tbody tr').count())
      .toBe(5);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the preview shows results in the format chosen in the dialog, as the column then shows them; a formula reading a column set to 货币 shows money too', async () => {
    const { page, context, errors } = await openTemplate(browser());
    /** The preview's rows: the customer's name and the result as shown. */
    const previewRows = () =>
      page
        .getByTestId('formula-preview')
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (td) => td.textContent)));
    const format = page.getByTestId('formula-format');
    const allShownAs = (shape: RegExp) =>
      expect
        .poll(async () => (await previewRows()).every(([, v]) => shape.test(v ?? '')))
        .toBe(true);
    /** Saves the dialog, then expects the grid's first rows to show what its preview showed. */
    const saveAndCompare = async (name: string, shown: (string | null)[][]) => {
      await page.getByTestId('field-save').click();
      await page.getByTestId('field-dialog').waitFor({ state: 'detached' });
      await expect.poll(() => text(page, 0, name)).toBe(shown[0]?.[1]);
      for (const [row, pair] of shown.entries()) {
        expect([await text(page, row, '姓名'), await text(page, row, name)]).toEqual(pair);
      }
    };

    const input = await startFormulaColumn(page, RATIO);
    await typeFormula(page, ['={', '消费金额', '} / {', '消费次数', '}']);
    await expect.poll(() => input.inputValue()).toBe(FORMULA);
    await expect.poll(async () => (await previewRows()).length).toBe(5);
    await format.selectOption('currency');
    await page.getByTestId('formula-options').getByLabel('小数位数').selectOption('2');
    const currency = /^(¥[\d,]+\.\d{2}|#DIV\/0!)$/;
    await allShownAs(currency);
    await format.selectOption('percent');
    const percent = /^([\d,]+\.\d{2}%|#DIV\/0!)$/;
    await allShownAs(percent);
    await format.selectOption('currency');
    await allShownAs(currency);
    await saveAndCompare(RATIO, await previewRows());

    await startFormulaColumn(page, '到期日');
    await typeFormula(page, ['={', '消费金额', '} + 45000']);
    await expect.poll(async () => (await previewRows()).length).toBe(5);
    await format.selectOption('date');
    await allShownAs(/^\d{4}-\d{2}-\d{2}$/);
    await saveAndCompare('到期日', await previewRows());

    // A column set to 货币 by hand makes a formula that reads it money too (automatic format).
    await startFormulaColumn(page, '单价');
    await typeFormula(page, ['={', '消费次数', '} * 10']);
    await expect.poll(async () => (await previewRows()).length).toBe(5);
    await format.selectOption('currency');
    await page.getByTestId('formula-options').getByLabel('小数位数').selectOption('2');
    await allShownAs(/^¥[\d,]+\.\d{2}$/);
    await saveAndCompare('单价', await previewRows());
    await addFormulaColumn(page, '双倍单价', ['={', '单价', '} * 2']);
    const yuan = (n: number) =>
      `¥${n.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    for (let row = 0; row < 5; row++) {
      const price = numberIn(await text(page, row, '单价'));
      await expect.poll(() => text(page, row, '双倍单价')).toBe(yuan(price * 2));
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
