/**
 * The downloadable problem report of an import: one CSV line per flagged cell or skipped row
 * (source row, column, value, reason), headers and reasons in the user's language.
 */
import type { Language } from '../model';
import type { ImportProblemReason, ImportSummary } from './types';

const HEADERS: Record<Language, readonly string[]> = {
  'zh-CN': ['行号', '列', '值', '原因'],
  en: ['Row', 'Column', 'Value', 'Reason'],
};

const REASONS: Record<Language, Record<ImportProblemReason, string>> = {
  'zh-CN': {
    notNumber: '不是数字',
    notDate: '不是日期',
    notDateTime: '不是日期时间',
    notEmail: '不是邮箱地址',
    notUrl: '不是网址',
    notPhone: '不是电话号码',
    notChoice: '不是可选项',
    notBoolean: '不是“是/否”',
    notValue: '无法识别的值',
    duplicateKey: '匹配列的值在文件中重复，已跳过',
    emptyKey: '匹配列为空',
    emptyRow: '空行，已跳过',
  },
  en: {
    notNumber: 'Not a number',
    notDate: 'Not a date',
    notDateTime: 'Not a date and time',
    notEmail: 'Not an email address',
    notUrl: 'Not a web address',
    notPhone: 'Not a phone number',
    notChoice: 'Not one of the options',
    notBoolean: 'Not yes/no',
    notValue: 'Value not recognised',
    duplicateKey: 'Key value repeated in the file; row skipped',
    emptyKey: 'Key value is empty',
    emptyRow: 'Empty row; skipped',
  },
};

/** Quotes a field when it needs it; a leading = + - @ is neutralised so Excel never runs it. */
function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function problemReasonText(reason: ImportProblemReason, language: Language): string {
  return REASONS[language][reason];
}

/** CSV text with CRLF line ends (the caller adds the UTF-8 BOM when downloading). */
export function problemReportCsv(summary: ImportSummary, language: Language): string {
  const lines = [HEADERS[language].map(csvField).join(',')];
  for (const p of summary.problems) {
    const reason = problemReasonText(p.reason, language);
    lines.push([String(p.row), p.column, p.value, reason].map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
