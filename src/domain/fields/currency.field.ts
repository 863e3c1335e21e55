import { formatNumber, roundNoise, toPlainNumberText } from '../numbers';
import { createNumberLikeType } from './numberLike';

export const DEFAULT_CURRENCY_SYMBOL = '¥';

/** Money: shown as ¥1,234.50 (symbol and decimals from options); copied as a plain number. */
export const currencyField = createNumberLikeType({
  type: 'currency',
  defaultOptions: () => ({ currencySymbol: DEFAULT_CURRENCY_SYMBOL, decimals: 2 }),
  scale: (value, percent) => (percent ? roundNoise(value / 100) : value),
  formatValue(value, field) {
    const symbol = field.options.currencySymbol ?? DEFAULT_CURRENCY_SYMBOL;
    const digits = formatNumber(Math.abs(value), {
      decimals: field.options.decimals ?? 2,
      thousands: true,
    });
    const negative = value < 0 && /[1-9]/.test(digits);
    return `${negative ? '-' : ''}${symbol}${digits}`;
  },
  textValue: (value) => toPlainNumberText(value),
});
