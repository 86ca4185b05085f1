// Where settings come from: the admin's managed storage (Chrome policy,
// Firefox policies.json "3rdparty") and the user's own choices (storage.local,
// edited by the options page). Raw values only: src/core/policy validates them.
import { browser } from './browser.ts';

const CACHE_KEY = 'managedPolicyCache';
export const USER_SETTINGS_KEY = 'userSettings';

/** The last answer, wrapped so "no policy" (value undefined) is a known answer too. */
interface Cached {
  value?: unknown;
}

async function cached(): Promise<Cached | null> {
  const got = (await browser.storage.local.get(CACHE_KEY))[CACHE_KEY];
  return typeof got === 'object' && got !== null ? (got as Cached) : null;
}

/** The managed value, or undefined when there is no policy (Firefox rejects then). */
async function readManaged(): Promise<unknown> {
  try {
    const value = await browser.storage.managed.get();
    return Object.keys(value).length > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An empty answer may mean "not loaded yet": Chromium can answer {} before its
 * policy service has the extension's policy, and fires no change event when it
 * arrives (w3c/webextensions#547; uBO and PixieBrix retry too). So "no policy"
 * is believed only after it was read again after these delays; meanwhile the
 * last policy read stays in force (fail closed).
 */
const EMPTY_RECHECK_MS = [2_000, 8_000, 30_000];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads the policy (again, while it reads as none) and caches it; changed when it differs from `before`. */
async function refresh(before: Cached | null, recheck: readonly number[] = EMPTY_RECHECK_MS): Promise<{ changed: boolean }> {
  let value = await readManaged();
  for (const ms of recheck) {
    if (value !== undefined) break;
    await sleep(ms);
    value = await readManaged();
  }
  const changed = JSON.stringify(before?.value) !== JSON.stringify(value);
  await browser.storage.local.set({ [CACHE_KEY]: value === undefined ? {} : { value } });
  return { changed };
}

/**
 * The admin policy as last read, at once; the real read finishes in the
 * background and `onLate` fires when it differs. Measured here: Chromium's
 * first storage.managed.get() after launch takes ~4 s (uBO Lite reports "long
 * seconds"), and waiting for it would leave the worker without any list or
 * rule meanwhile. With nothing cached yet (first start) this is "no policy"
 * until the browser answers: the bundled lists protect in the meantime.
 */
export async function readManagedPolicy(onLate: () => void): Promise<unknown> {
  const before = await cached();
  void refresh(before).then((r) => r.changed && onLate(), () => undefined);
  return before?.value;
}

export async function readUserSettings(): Promise<unknown> {
  return (await browser.storage.local.get(USER_SETTINGS_KEY))[USER_SETTINGS_KEY];
}

/**
 * Chrome fires this for 'managed' on a policy change (the cache is refreshed
 * first, so the reload sees the new policy); Firefox reads policies only at start-up.
 */
export function onSettingsSourceChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') void cached().then((c) => refresh(c, [])).then(listener, listener);
    else if (area === 'local' && USER_SETTINGS_KEY in changes) listener();
  });
}
