// "Continue anyway" choices of this browser session, listed and cleared from
// the options page: the DNR session allow rules (page continues, timed or
// not) and the credential overlay's continues.
import { browser } from './browser.ts';
import { clearSessionAllows } from './dnr.ts';
import { credentialContinues } from './credential-continues.ts';
import { sessionAllowedHosts } from './allowed-hosts.ts';

/** Keys of storage.session owned by credential-continues.ts and timed-allows.ts. */
const SESSION_KEYS = ['credentialContinues', 'timedAllows'];

export async function listSessionAllows(): Promise<{ pages: string[]; credentials: string[] }> {
  return { pages: [...(await sessionAllowedHosts())].sort(), credentials: [...(await credentialContinues())].sort() };
}

export async function clearAllSessionAllows(): Promise<void> {
  await clearSessionAllows();
  await browser.storage.session.remove(SESSION_KEYS);
}
