/**
 * Asks the browser to keep our data (persistent storage is not evicted under disk pressure)
 * and reports how much space is used. The StorageManager is injectable for tests.
 */
export type PersistenceResult = 'granted' | 'denied' | 'unsupported';

export interface StorageEstimateResult {
  usage: number;
  quota: number;
}

type StorageLike = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

function getDefaultStorage(): StorageLike | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Granted when already persisted or the browser agrees now; never throws. */
export async function requestPersistentStorage(
  storage: StorageLike | undefined = getDefaultStorage(),
): Promise<PersistenceResult> {
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    // Some browsers reject in private windows or insecure contexts: treat as a refusal.
    return 'denied';
  }
}

/** Bytes used and available to this origin, or undefined when the browser cannot say. */
export async function estimateStorage(
  storage: StorageLike | undefined = getDefaultStorage(),
): Promise<StorageEstimateResult | undefined> {
  if (!storage || typeof storage.estimate !== 'function') return undefined;
  try {
    const estimate = await storage.estimate();
    return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 };
  } catch {
    return undefined;
  }
}
