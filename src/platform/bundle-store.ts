// IndexedDB store of the admin bundle in force. The state is written with ONE
// put (and the stale rebuild deleted in the same transaction), so a worker
// killed mid-update leaves the old state or the new one, never a mix.
// BundleState holds Maps and Sets: IndexedDB's structured clone keeps them.
import { openDB, type IDBPDatabase } from 'idb';
import type { BundleState } from '../core/bundle/update.ts';

export interface StoredBundle {
  state: BundleState;
  /** SHA-256 (hex) of the bytes that produced it: the same download again is "up to date", not an error. */
  sha256: string;
}

/** The admin lists compiled from base + deltas (removals applied), valid only for `seq`. */
export interface RebuiltLists {
  seq: number;
  compiled: Uint8Array;
}

/** One object store, out-of-line keys 'state' and 'rebuilt'. */
type Db = IDBPDatabase<{ bundle: { key: string; value: StoredBundle | RebuiltLists } }>;

let db: Promise<Db> | undefined;
const open = (): Promise<Db> =>
  (db ??= openDB<{ bundle: { key: string; value: StoredBundle | RebuiltLists } }>('takedown-guard-admin', 1, {
    upgrade(d) {
      d.createObjectStore('bundle');
    },
  }));

/**
 * What this worker last read or wrote. Only the worker uses this store, so
 * within one worker life the reload after an update need not read back the
 * (up to ~50 MB) state it has just written; a new worker reads IndexedDB.
 */
const memo: { state?: StoredBundle | null; rebuilt?: RebuiltLists | null } = {};

export async function readBundle(): Promise<StoredBundle | null> {
  if (memo.state === undefined) memo.state = ((await (await open()).get('bundle', 'state')) as StoredBundle | undefined) ?? null;
  return memo.state;
}

export async function readRebuilt(): Promise<RebuiltLists | null> {
  if (memo.rebuilt === undefined) memo.rebuilt = ((await (await open()).get('bundle', 'rebuilt')) as RebuiltLists | undefined) ?? null;
  return memo.rebuilt;
}

/** Replaces the state in force atomically (one transaction). */
export async function writeBundle(stored: StoredBundle): Promise<void> {
  const tx = (await open()).transaction('bundle', 'readwrite');
  await Promise.all([tx.store.put(stored, 'state'), tx.store.delete('rebuilt'), tx.done]);
  memo.state = stored;
  memo.rebuilt = null;
}

/** Stores a rebuild only if the state it was made from is still in force. */
export async function writeRebuilt(rebuilt: RebuiltLists): Promise<boolean> {
  const tx = (await open()).transaction('bundle', 'readwrite');
  const current = (await tx.store.get('state')) as StoredBundle | undefined;
  if (current?.state.seq !== rebuilt.seq) {
    await tx.done;
    return false;
  }
  await Promise.all([tx.store.put(rebuilt, 'rebuilt'), tx.done]);
  memo.rebuilt = rebuilt;
  return true;
}
