import { createComputedType } from './computed';

/** One value summarising the linked records (sum, count, latest date…). */
export const rollupField = createComputedType({
  type: 'rollup',
  defaultOptions: () => ({ rollup: 'sum' }),
});
