import type { Field } from '../model';
import { formatNumber, roundNoise } from '../numbers';
import { createNumberLikeType } from './numberLike';

function showPercent(value: number, field: Field): string {
  const points = roundNoise(value * 100);
  const decimals = field.options.decimals;
  const text =
    decimals === undefined
      ? formatNumber(Number(points.toFixed(2)))
      : formatNumber(points, { decimals });
  return `${text}%`;
}

/**
 * Stored as a fraction (0.25 shows as 25%). Whatever is typed into a percent column means
 * percent, as in Airtable: "25%" and "25" both store 0.25, and "0.25" stores 0.0025.
 * Without options.decimals up to two decimals are shown (25%, 12.5%); with it, exactly that many.
 */
export const percentField = createNumberLikeType({
  type: 'percent',
  defaultOptions: () => ({}),
  scale: (value) => roundNoise(value / 100),
  formatValue: (value, field) => showPercent(value, field),
  textValue: (value) => `${String(roundNoise(value * 100))}%`,
});
