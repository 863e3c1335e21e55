/** Background/foreground pairs for select option colours (readable on white, AA contrast). */
import type { OptionColor } from '../../domain/model';

export const OPTION_COLOR_STYLES: Record<OptionColor, { bg: string; fg: string }> = {
  gray: { bg: '#e8eaed', fg: '#3c4043' },
  red: { bg: '#fde2e1', fg: '#a1281f' },
  orange: { bg: '#fde9d4', fg: '#9a4a05' },
  yellow: { bg: '#fbf1c7', fg: '#7a5c00' },
  green: { bg: '#dcf3e0', fg: '#1e6b35' },
  teal: { bg: '#d5f2ef', fg: '#0f655d' },
  blue: { bg: '#dde9fd', fg: '#1a4fa3' },
  purple: { bg: '#ece2fb', fg: '#5b2f9e' },
  pink: { bg: '#fbe1ef', fg: '#9b2463' },
  brown: { bg: '#efe4da', fg: '#6b4428' },
};
