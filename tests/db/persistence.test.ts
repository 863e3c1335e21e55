import { estimateStorage, requestPersistentStorage } from '../../src/db/persistence';

describe('requestPersistentStorage', () => {
  it('is granted without asking when already persisted', async () => {
    const persist = vi.fn(async () => false);
    const result = await requestPersistentStorage({ persisted: async () => true, persist });
    expect(result).toBe('granted');
    expect(persist).not.toHaveBeenCalled();
  });

  it('asks and reports the answer', async () => {
    expect(
      await requestPersistentStorage({ persisted: async () => false, persist: async () => true }),
    ).toBe('granted');
    expect(
      await requestPersistentStorage({ persisted: async () => false, persist: async () => false }),
    ).toBe('denied');
    expect(await requestPersistentStorage({ persist: async () => true })).toBe('granted');
  });

  it('is unsupported without the API and denied when the browser throws', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
    expect(await requestPersistentStorage({})).toBe('unsupported');
    const throwing = {
      persist: async (): Promise<boolean> => Promise.reject(new Error('insecure')),
    };
    expect(await requestPersistentStorage(throwing)).toBe('denied');
  });
});

describe('estimateStorage', () => {
  it('returns usage and quota, filling missing numbers with 0', async () => {
    expect(await estimateStorage({ estimate: async () => ({ usage: 1200, quota: 5000 }) })).toEqual(
      { usage: 1200, quota: 5000 },
    );
    expect(await estimateStorage({ estimate: async () => ({}) })).toEqual({ usage: 0, quota: 0 });
  });

  it('returns undefined when the browser cannot say', async () => {
    expect(await estimateStorage({})).toBeUndefined();
    expect(
      await estimateStorage({ estimate: () => Promise.reject(new Error('no')) }),
    ).toBeUndefined();
  });
});
