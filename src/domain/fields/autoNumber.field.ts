import { createComputedType } from './computed';

/** 1, 2, 3… handed out in creation order; options.nextNumber is the next one. */
export const autoNumberField = createComputedType({
  type: 'autoNumber',
  defaultOptions: () => ({ nextNumber: 1 }),
  show: (value) => (typeof value === 'number' ? String(value) : undefined),
});
