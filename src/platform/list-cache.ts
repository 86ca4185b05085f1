// IndexedDB cache of compiled lists, so later starts load bytes instead of
// re-parsing text. Every write of several lists is one transaction: a worker
// killed mid-update leaves either the old set or the new one, never a mix.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export interface CachedList {
  /** 'court' (bundled), 'admin' (signed bundle), 'user' (options page). */
  key: string;
  bytes: Uint8Array;
  /** What produced it: the extension version for 'court', the bundle sequence for 'admin'. */
  version: string;
  storedAt: number;
}

interface Schema extends DBSchema {
  lists: { key: string; value: CachedList };
}

let db: Promise<IDBPDatabase<Schema>> | undefined;
const open = () =>
  (db ??= openDB<Schema>('takedown-guard', 1, {
    upgrade(d) {
      d.createObjectStore('lists', { keyPath: 'key' });
    },
  }));

export async function readLists(): Promise<CachedList[]> {
  return (await open()).getAll('lists');
}

/** Writes `put` and deletes `remove` atomically. */
export async function writeLists(put: CachedList[], remove: string[] = []): Promise<void> {
  const tx = (await open()).transaction('lists', 'readwrite');
  await Promise.all([...put.map((l) => tx.store.put(l)), ...remove.map((k) => tx.store.delete(k)), tx.done]);
}
