import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRecord } from '../../src/state/actions';
import { flushWrites, guardPendingWrites, hasPendingWrites } from '../../src/state/session';
import { openEmpty, resetApp } from './helpers';

beforeEach(() => resetApp());
afterEach(() => resetApp());

describe('writes in flight', () => {
  it('are reported until stored, and make leaving the page ask first', async () => {
    const tableId = await openEmpty();
    const target = new EventTarget();
    guardPendingWrites(target as unknown as Window);
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(hasPendingWrites()).toBe(false);
    const adding = addRecord(tableId);
    expect(hasPendingWrites()).toBe(true);
    expect(leave()).toBe(true);
    await adding;
    await flushWrites();
    expect(hasPendingWrites()).toBe(false);
    expect(leave()).toBe(false);
  });
});
