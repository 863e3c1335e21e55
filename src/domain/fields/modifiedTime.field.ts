import { DEFAULT_DATE_FORMAT } from './date.field';
import { createComputedType, showTimestamp } from './computed';

/** When the record last changed; the grid passes record.modifiedAt (epoch ms) as the value. */
export const modifiedTimeField = createComputedType({
  type: 'modifiedTime',
  defaultOptions: () => ({ dateFormat: DEFAULT_DATE_FORMAT }),
  show: showTimestamp,
});
