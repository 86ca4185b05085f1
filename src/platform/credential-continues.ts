// Hosts on which the user chose to type credentials despite the overlay.
// storage.session: kept while the browser runs, gone when it closes, and
// never readable by content scripts (their default access level).
import { browser } from './browser.ts';

const KEY = 'credentialContinues';

export async function credentialContinues(): Promise<Set<string>> {
  const got = await browser.storage.session.get(KEY);
  const hosts = got[KEY];
  return new Set(Array.isArray(hosts) ? hosts.filter((h): h is string => typeof h === 'string') : []);
}

export async function addCredentialContinue(host: string): Promise<void> {
  const hosts = await credentialContinues();
  if (hosts.has(host)) return;
  hosts.add(host);
  await browser.storage.session.set({ [KEY]: [...hosts] });
}
