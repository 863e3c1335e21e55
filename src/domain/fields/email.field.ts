import { createTextLikeType } from './textLike';

/** Something@domain.tld, no spaces; unicode allowed (张三@例子.中国). */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"_]+\.[^\s@<>()[\]\\,;:"_.\d]{2,}$/u;

export function isEmailText(text: string): boolean {
  return EMAIL.test(text) && !text.includes('..');
}

/** E-mail addresses, stored as typed (trimmed, a "mailto:" prefix dropped). */
export const emailField = createTextLikeType({
  type: 'email',
  normalise: (text) => text.trim().replace(/^mailto:/i, ''),
  check: { fits: isEmailText, problem: 'notEmail' },
});
