import { createComputedType } from './computed';

/** Holds what the formula engine computed (number, text, boolean, date text or a list). */
export const formulaField = createComputedType({
  type: 'formula',
  defaultOptions: () => ({ formula: '' }),
});
