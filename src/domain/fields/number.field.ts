import { formatNumber, roundNoise, toPlainNumberText } from '../numbers';
import { createNumberLikeType } from './numberLike';

/** Plain numbers; "25%" typed into a number field means 0.25. */
export const numberField = createNumberLikeType({
  type: 'number',
  defaultOptions: () => ({}),
  scale: (value, percent) => (percent ? roundNoise(value / 100) : value),
  formatValue: (value, field) =>
    formatNumber(value, { decimals: field.options.decimals, thousands: field.options.thousands }),
  textValue: (value) => toPlainNumberText(value),
});
