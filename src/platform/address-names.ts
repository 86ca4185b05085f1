// Host names found this browser session to lead to a listed IP address
// (background/address-guard.ts), as entries (`name/`). storage.session: gone
// when the browser closes, as the name may point elsewhere tomorrow; never
// readable by content scripts (their default access level).
import { browser } from './browser.ts';

const KEY = 'addressNames';

export async function addressNames(): Promise<string[]> {
  const got = (await browser.storage.session.get(KEY))[KEY];
  return Array.isArray(got) ? got.filter((e): e is string => typeof e === 'string') : [];
}

/** False when it was known already, or `max` names are known. */
export async function addAddressName(entry: string, max: number): Promise<boolean> {
  const names = await addressNames();
  if (names.includes(entry) || names.length >= max) return false;
  await browser.storage.session.set({ [KEY]: [...names, entry] });
  return true;
}
