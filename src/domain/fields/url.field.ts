import { createTextLikeType } from './textLike';

const WITH_SCHEME = /^https?:\/\/[^\s/?#]+\S*$/i;
const WWW = /^www\.[^\s]+\.[^\s]+$/i;
/** A bare domain with a dot and a letter TLD, optional port and path: example.com/shop. */
const BARE = /^(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?::\d{1,5})?(?:[/?#]\S*)?$/u;

export function isUrlText(text: string): boolean {
  return WITH_SCHEME.test(text) || WWW.test(text) || BARE.test(text);
}

/** Web addresses, stored as typed; the UI adds https:// when opening a bare domain. */
export const urlField = createTextLikeType({
  type: 'url',
  check: { fits: isUrlText, problem: 'notUrl' },
});
