// @vitest-environment node
/**
 * TEXT printed in JavaScript equals HyperFormula's own TEXT for every format and value below,
 * wherever JavaScript prints it (elsewhere the engine asks HyperFormula).
 */
import { HyperFormula } from 'hyperformula';
import { formatText } from '../../src/engine/directText';

const FORMATS = [
  '0',
  '0.00',
  '#',
  '#.##',
  '000.0#',
  '#,##0.00',
  '$#,##0.00',
  '0.0%',
  '0 件',
  '\\#0',
  '¥0.00',
  'abc',
  '',
  ' ',
  '0.',
  '.00',
  '#0.0#0',
  '00000',
  '0e0',
  '1e3',
  'yyyy-mm-dd',
  'YYYY/MM/DD',
  'yyyy年m月d日',
  'MM-DD',
  'm/d',
  'dd',
  'd',
  'yy',
  'mmm',
  'mmmm',
  'dddd',
  'hh:mm',
  'h:mm AM/PM',
  'hh:mm:ss a/p',
  'ss.00',
  'ss.000 A/P',
  'mm:ss',
  'h:mm:ss',
  'yyyy-mm-dd hh:mm',
  '[hh]:mm',
  '[mm]',
  'HH:MM',
  'M',
  'D',
  '\\d\\d',
  'yyyy\\-mm',
  'dd 天',
  '[$USD-409] 0.00',
  '[$-409]yyyy',
  '0 days',
  'Total: #',
  '2025/1/5',
  'TRUE',
];
const VALUES = [
  0,
  1,
  2,
  59,
  60,
  61,
  366,
  45_000,
  45_838,
  2_958_465,
  2_958_466,
  -1,
  -45_000,
  0.5,
  1.25,
  45_838.75,
  1234.5,
  0.005,
  -0.005,
  12.345,
  99.999,
  1e15,
  1e21,
  123_456_789.123,
  -7.5,
  1 / 3,
];

describe('TEXT in JavaScript', () => {
  it('prints what HyperFormula prints', () => {
    const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
    const sheet = hf.getSheetId(hf.addSheet('s')) as number;
    const rows = VALUES.map((v) => [
      v,
      ...FORMATS.map((f) => `=TEXT(A${VALUES.indexOf(v) + 1}, "${f}")`),
    ]);
    hf.setSheetContent(sheet, rows);
    const dateOf = (serial: number): Date | null =>
      serial < 0 || serial > 2_958_465 ? null : new Date(Date.UTC(1899, 11, 30 + serial));
    let printed = 0;
    VALUES.forEach((v, row) => {
      FORMATS.forEach((f, col) => {
        const mine = formatText(v, f, dateOf);
        if (mine === undefined) return;
        printed += 1;
        const theirs = hf.getCellValue({ sheet, row, col: col + 1 });
        expect({ v, f, text: mine }).toEqual({ v, f, text: theirs });
      });
    });
    // Most of the grid is printed here, not handed back.
    expect(printed).toBeGreaterThan(VALUES.length * FORMATS.length * 0.6);
    hf.destroy();
  });
});
