/** Download file names: the table (and view) name and the date, safe on every system. */

/** Removes characters Windows and macOS refuse in file names, and trims the length. */
export function toSafeFileName(name: string): string {
  const clean = Array.from(name, (ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch))
    .join('')
    .replace(/[\\/:*?"<>|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return clean.slice(0, 120) || 'export';
}

/** "客户 - 全部 - 2024-05-01.csv"; the view name is left out when it adds nothing. */
export function buildExportFileName(
  tableName: string,
  viewName: string | null,
  date: string,
  extension: string,
): string {
  const parts = [tableName];
  if (viewName && viewName !== tableName) parts.push(viewName);
  parts.push(date);
  return `${toSafeFileName(parts.join(' - '))}.${extension}`;
}
