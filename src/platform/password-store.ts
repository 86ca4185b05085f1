// The protected-password alert's state in storage.local: the per-install salt,
// the learned entries (label, length, 32-bit salted hash, account id:
// src/core/password-alert/learned.ts) and the origins the user marked as
// their own. Only the worker reads and writes it; content scripts receive the
// salt and hashes they need by message, into their isolated world, never
// into the page (no DOM attribute, no page-visible variable).
import { browser } from './browser.ts';
import { newSalt, validLearned, type LearnedPassword } from '../core/password-alert/index.ts';

const KEY = 'passwordAlert';
const OWN_SITES_KEY = 'passwordAlertOwnSites';

export interface PasswordState {
  salt: string;
  learned: LearnedPassword[];
}

let saltMade: Promise<string> | undefined;

/** The state, making the salt on first use (once, even when asked twice at once). */
export async function readPasswordState(): Promise<PasswordState> {
  const raw = (await browser.storage.local.get(KEY))[KEY] as { salt?: unknown; learned?: unknown } | undefined;
  if (typeof raw?.salt === 'string' && raw.salt.length > 0) return { salt: raw.salt, learned: validLearned(raw.learned) };
  saltMade ??= (async () => {
    const salt = newSalt();
    await browser.storage.local.set({ [KEY]: { salt, learned: [] } });
    return salt;
  })();
  return { salt: await saltMade, learned: [] };
}

export async function writeLearned(learned: LearnedPassword[]): Promise<void> {
  const { salt } = await readPasswordState();
  await browser.storage.local.set({ [KEY]: { salt, learned } });
}

/** Forgets every learned password; the salt stays (a new one would only matter with entries to protect). */
export const forgetLearned = (): Promise<void> => writeLearned([]);

export async function readOwnSites(): Promise<string[]> {
  const raw: unknown = (await browser.storage.local.get(OWN_SITES_KEY))[OWN_SITES_KEY];
  return Array.isArray(raw) ? raw.filter((o): o is string => typeof o === 'string') : [];
}

export async function addOwnSite(origin: string): Promise<void> {
  const sites = await readOwnSites();
  if (!sites.includes(origin)) await browser.storage.local.set({ [OWN_SITES_KEY]: [...sites, origin] });
}
