/**
 * Branded, prefixed ids (`tbl_…`, `fld_…`, `rec_…`, `viw_…`, `wsp_…`, `opt_…`).
 * The generator is injectable so that tests and the seeded template are deterministic.
 */
export type Brand<T, B extends string> = T & { readonly __brand: B };
export type WorkspaceId = Brand<string, 'WorkspaceId'>;
export type TableId = Brand<string, 'TableId'>;
export type FieldId = Brand<string, 'FieldId'>;
export type RecordId = Brand<string, 'RecordId'>;
export type ViewId = Brand<string, 'ViewId'>;

export type IdPrefix = 'wsp' | 'tbl' | 'fld' | 'rec' | 'viw' | 'opt';

export interface IdSource {
  next(prefix: IdPrefix): string;
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Random ids from crypto; 12 base-36 characters ≈ 62 bits, plenty for one workspace. */
export const randomIds: IdSource = {
  next(prefix) {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    let s = '';
    for (const b of bytes) s += ALPHABET[b % 36];
    return `${prefix}_${s}`;
  },
};

/** Deterministic ids for tests and the seeded template: `prefix_<seed>_<counter>`. */
export function createSequentialIds(seed = 't'): IdSource {
  let n = 0;
  return {
    next(prefix) {
      n += 1;
      return `${prefix}_${seed}${n.toString(36).padStart(5, '0')}`;
    },
  };
}

/** FNV-1a (32-bit, unsigned) of an id's UTF-16 code units: spreads ids over buckets and slots. */
export function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

let current: IdSource = randomIds;
export function setIdSource(source: IdSource): void {
  current = source;
}
export const newTableId = (): TableId => current.next('tbl') as TableId;
export const newFieldId = (): FieldId => current.next('fld') as FieldId;
export const newRecordId = (): RecordId => current.next('rec') as RecordId;
export const newViewId = (): ViewId => current.next('viw') as ViewId;
export const newWorkspaceId = (): WorkspaceId => current.next('wsp') as WorkspaceId;
export const newOptionId = (): string => current.next('opt');
