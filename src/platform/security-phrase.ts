// The user's security phrase, in storage.local beside (not inside) the user
// settings: it is no policy key (an organisation must neither set nor read a
// personal phrase), settings files exported to share with others must not
// carry it, and changing it must not rebuild the blocking rules, which any
// change to the user settings does.
import { browser } from './browser.ts';

const KEY = 'securityPhrase';

export async function readSecurityPhrase(): Promise<unknown> {
  return (await browser.storage.local.get(KEY))[KEY];
}

/** '' removes it. */
export async function writeSecurityPhrase(phrase: string): Promise<void> {
  if (phrase === '') await browser.storage.local.remove(KEY);
  else await browser.storage.local.set({ [KEY]: phrase });
}
