/**
 * The import bench's source files, made in the page and deterministic: an orders sheet with the
 * mess a shop's exports have (phones with 0 / +86, mixed date forms, amounts with ¥ and commas).
 */
import { utils, write } from '@e965/xlsx';
import type { Random } from '../../../src/domain/random';
import { createRandom } from '../../../src/domain/random';

const SEED = 20240105;
/** Rows per Blob part: a few MB of text each, never one giant string. */
const ROWS_PER_PART = 20_000;
export const ORDER_HEADERS = ['订单号', '客户手机', '下单日期', '金额', '商品', '渠道'] as const;
const PRODUCTS = [
  '招牌奶茶',
  '芒果冰沙',
  '柠檬红茶',
  '美式咖啡',
  '拿铁咖啡',
  '焦糖布丁',
  '草莓蛋糕',
  '抹茶千层',
  '鲜榨橙汁',
  '会员月卡',
  '洗剪吹',
  '染发套餐',
  '烫发套餐',
  '儿童理发',
  '猫粮 2kg',
  '狗粮 5kg',
  '宠物洗护',
  '指甲护理',
  '面部护理',
  '礼品卡 100 元',
];
const CHANNELS = ['门店', '微信', '美团', '抖音', '小程序'];

interface OrderRow {
  orderNo: string;
  phone: string;
  /** Local date parts. */
  year: number;
  month: number;
  day: number;
  /** Yuan, two decimals. */
  amount: number;
  product: string;
  channel: string;
}

function makePhone(rnd: Random): string {
  const mobile = `1${rnd.pick(['38', '39', '58', '86', '88'])}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`;
  const form = rnd.next();
  if (form < 0.6) return mobile;
  if (form < 0.8) return `+86 ${mobile}`;
  return `0${rnd.pick(['755', '20', '21', '10', '571'])}-${rnd.int(2_000_000, 89_999_999)}`;
}

function makeOrder(rnd: Random, i: number): OrderRow {
  const month = rnd.int(1, 12);
  return {
    orderNo: `DD2024${String(i + 1).padStart(8, '0')}`,
    phone: makePhone(rnd),
    year: 2024,
    month,
    day: rnd.int(1, 28),
    amount: Math.round(rnd.pareto(15, 1.6) * 100) / 100,
    product: rnd.pick(PRODUCTS),
    channel: rnd.pick(CHANNELS),
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "1,280.50", the way a till or a spreadsheet prints it. */
function withThousands(amount: number): string {
  const [whole = '0', fraction = '00'] = amount.toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

/** One CSV line; the text forms vary by row the way mixed sources do. */
function csvLine(o: OrderRow, i: number): string {
  const date =
    i % 3 === 0 ? `${o.year}/${o.month}/${o.day}` : `${o.year}-${pad2(o.month)}-${pad2(o.day)}`;
  const form = i % 5;
  const amount =
    form === 0
      ? `"¥${withThousands(o.amount)}"`
      : form === 1
        ? `"${withThousands(o.amount)}"`
        : o.amount.toFixed(2);
  return `${o.orderNo},${o.phone},${date},${amount},${o.product},${o.channel}\r\n`;
}

/** A UTF-8 orders CSV of `rows` data rows under one header row. */
export function buildOrdersCsv(rows: number): File {
  const rnd = createRandom(SEED);
  const parts: string[] = [`${ORDER_HEADERS.join(',')}\r\n`];
  for (let from = 0; from < rows; from += ROWS_PER_PART) {
    const to = Math.min(rows, from + ROWS_PER_PART);
    let part = '';
    for (let i = from; i < to; i++) part += csvLine(makeOrder(rnd, i), i);
    parts.push(part);
  }
  return new File(parts, 'orders.csv', { type: 'text/csv' });
}

/** The same orders as an XLSX workbook with real number and date cells. */
export function buildOrdersXlsx(rows: number): File {
  const rnd = createRandom(SEED);
  const aoa: (string | number | Date)[][] = [[...ORDER_HEADERS]];
  for (let i = 0; i < rows; i++) {
    const o = makeOrder(rnd, i);
    const date = new Date(Date.UTC(o.year, o.month - 1, o.day));
    aoa.push([o.orderNo, o.phone, date, o.amount, o.product, o.channel]);
  }
  const sheet = utils.aoa_to_sheet(aoa, { cellDates: true, dateNF: 'yyyy-mm-dd', UTC: true });
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, '订单');
  const bytes = write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new File([bytes], 'orders.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}
