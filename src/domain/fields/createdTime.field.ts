import { DEFAULT_DATE_FORMAT } from './date.field';
import { createComputedType, showTimestamp } from './computed';

/** When the record was made; the grid passes record.createdAt (epoch ms) as the value. */
export const createdTimeField = createComputedType({
  type: 'createdTime',
  defaultOptions: () => ({ dateFormat: DEFAULT_DATE_FORMAT }),
  show: showTimestamp,
});
