import { createTextLikeType } from './textLike';

/** Multi-line notes, kept exactly as typed (line breaks included). */
export const longTextField = createTextLikeType({ type: 'longText', normalise: (text) => text });
