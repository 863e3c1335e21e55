/** Storage sizes as people read them: megabytes below one gigabyte, gigabytes above. */
const MB = 1024 * 1024;
const GB = 1024 * MB;

export function formatBytes(bytes: number, locale: string): string {
  const number = (n: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  if (bytes >= GB) return `${number(bytes / GB)} GB`;
  // Below 0.1 MB the rounding would say "0 MB", which reads as "nothing stored".
  return `${number(Math.max(bytes / MB, bytes > 0 ? 0.1 : 0))} MB`;
}
