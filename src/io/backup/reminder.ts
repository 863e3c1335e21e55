/**
 * When to remind the user to back up: the workspace holds data, and the last backup is more
 * than a week old (or there never was one and the workspace is more than a week old), and
 * the user has not put the reminder off until later.
 */
export const BACKUP_INTERVAL_MS = 7 * 24 * 60 * 60 * 1000;
/** "Later" puts the reminder off for a day. */
export const SNOOZE_MS = 24 * 60 * 60 * 1000;

export interface ReminderInput {
  now: number;
  hasData: boolean;
  workspaceCreatedAt: number;
  lastBackupAt?: number;
  snoozedUntil?: number;
}

export function isBackupDue(input: ReminderInput): boolean {
  if (!input.hasData) return false;
  if (input.snoozedUntil !== undefined && input.now < input.snoozedUntil) return false;
  const since = input.lastBackupAt ?? input.workspaceCreatedAt;
  return input.now - since > BACKUP_INTERVAL_MS;
}

export function snoozeUntil(now: number): number {
  return now + SNOOZE_MS;
}
