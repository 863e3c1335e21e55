// @vitest-environment node
import {
  BACKUP_INTERVAL_MS,
  isBackupDue,
  snoozeUntil,
  SNOOZE_MS,
} from '../../../src/io/backup/reminder';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2024, 4, 20, 12);

describe('isBackupDue', () => {
  it('is due when the last backup is more than 7 days old', () => {
    expect(
      isBackupDue({ now, hasData: true, workspaceCreatedAt: 0, lastBackupAt: now - 8 * DAY }),
    ).toBe(true);
    expect(
      isBackupDue({ now, hasData: true, workspaceCreatedAt: 0, lastBackupAt: now - 6 * DAY }),
    ).toBe(false);
    expect(
      isBackupDue({
        now,
        hasData: true,
        workspaceCreatedAt: 0,
        lastBackupAt: now - BACKUP_INTERVAL_MS,
      }),
    ).toBe(false);
  });
  it('without a backup, counts from the workspace creation', () => {
    expect(isBackupDue({ now, hasData: true, workspaceCreatedAt: now - 10 * DAY })).toBe(true);
    expect(isBackupDue({ now, hasData: true, workspaceCreatedAt: now - 2 * DAY })).toBe(false);
  });
  it('is never due for an empty workspace', () => {
    expect(isBackupDue({ now, hasData: false, workspaceCreatedAt: now - 100 * DAY })).toBe(false);
  });
  it('stays quiet while snoozed, and comes back after a day', () => {
    const input = { hasData: true, workspaceCreatedAt: now - 30 * DAY };
    const until = snoozeUntil(now);
    expect(until - now).toBe(SNOOZE_MS);
    expect(isBackupDue({ ...input, now: now + DAY / 2, snoozedUntil: until })).toBe(false);
    expect(isBackupDue({ ...input, now: now + DAY + 1, snoozedUntil: until })).toBe(true);
  });
});
