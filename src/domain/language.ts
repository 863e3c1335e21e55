/** Which supported interface language a browser locale tag ('zh-TW', 'en-GB', …) maps to. */
import type { Language } from './model';

export function normaliseLanguage(lang: string | undefined): Language {
  return lang && lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
