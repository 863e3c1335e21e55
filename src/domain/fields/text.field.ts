import { createTextLikeType } from './textLike';

/** Single-line text, kept exactly as typed. */
export const textField = createTextLikeType({ type: 'text', normalise: (text) => text });
