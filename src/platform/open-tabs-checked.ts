// What the open-tabs guard last checked every tab under (the lists version
// and protected domains, background/open-tabs-guard.ts), this browser
// session: storage.session outlives a sleeping worker, so a worker woken
// again with the same lists does not check every tab again.
import { browser } from './browser.ts';

const CHECKED_KEY = 'openTabsChecked';

/** The version last checked, or null. */
export async function openTabsCheckedVersion(): Promise<string | null> {
  const v = (await browser.storage.session.get(CHECKED_KEY))[CHECKED_KEY];
  return typeof v === 'string' ? v : null;
}

export async function setOpenTabsCheckedVersion(version: string): Promise<void> {
  await browser.storage.session.set({ [CHECKED_KEY]: version });
}
