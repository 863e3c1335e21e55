import { createComputedType } from './computed';

/** Values read across a link; the UI formats them with the target field when it has it. */
export const lookupField = createComputedType({
  type: 'lookup',
  defaultOptions: () => ({}),
});
