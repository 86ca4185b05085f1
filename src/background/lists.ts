// Which compiled lists are in force: read from the IndexedDB cache, seeded from
// the bundled court lists on first run and whenever the extension updates.
import { browser } from '../platform/browser.ts';
import { readLists, writeLists, type CachedList } from '../platform/list-cache.ts';

const BUNDLED_PATH = 'blocklists/court.bin';

async function fetchBundled(): Promise<Uint8Array> {
  // A file inside the extension package: no network traffic.
  const res = await fetch(browser.runtime.getURL(BUNDLED_PATH));
  if (!res.ok) throw new Error(`bundled lists missing (${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

/** The cached lists, with the bundled court lists (re)seeded when absent or from an older version. */
export async function listsInForce(): Promise<CachedList[]> {
  const version = browser.runtime.getManifest().version;
  const cached = await readLists();
  const court = cached.find((l) => l.key === 'court');
  if (court && court.version === version) return cached;
  const seeded: CachedList = { key: 'court', bytes: await fetchBundled(), version, storedAt: Date.now() };
  await writeLists([seeded]);
  return [...cached.filter((l) => l.key !== 'court'), seeded];
}
