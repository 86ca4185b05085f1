// What is kept of a learned password, and how a new one replaces the old.
//
// Account label: the protected login's host, not the user name. The label is
// shown on the alert (inside a page that may be a phishing site) and sent to
// the admin's report URL; the host tells the user which password to change
// and tells the admin which sign-in is at risk, while a user name in clear
// would be one more piece of the account kept and sent for no gain. To tell
// several accounts of one sign-in apart (so re-learning replaces the right
// one), each entry keeps an account id: a 64-bit salted HMAC of origin and
// user name, as unreadable as the password's own hash.
import { HASH_BITS, truncatedHmac, type HmacKey } from './hash.ts';
import { accountLabel } from './logins.ts';
import type { WatchedPassword } from './matcher.ts';

export interface LearnedPassword extends WatchedPassword {
  account: string;
}

/** Most accounts kept: the oldest is dropped beyond it (each one costs a hash per key typed). */
export const MAX_LEARNED = 20;

const ACCOUNT_BITS = 64;

/** null when the password is under the minimum length: not learned. */
export async function learnedPassword(
  key: HmacKey, login: string, username: string, password: string, minLength: number,
): Promise<LearnedPassword | null> {
  if (password.length < minLength) return null;
  const origin = new URL(login).origin;
  return {
    account: await truncatedHmac(key, `account\u0000${origin}\u0000${username.trim().toLowerCase()}`, ACCOUNT_BITS),
    label: accountLabel(login),
    length: password.length,
    hash: await truncatedHmac(key, password, HASH_BITS),
  };
}

/** The same account learned again (a changed password) replaces its entry; newest last. */
export function withLearned(entries: readonly LearnedPassword[], next: LearnedPassword): LearnedPassword[] {
  return [...entries.filter((e) => e.account !== next.account), next].slice(-MAX_LEARNED);
}

/** Stored entries that are well-formed (storage is ours, but a damaged value must not break watching). */
export function validLearned(raw: unknown): LearnedPassword[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((e): e is LearnedPassword =>
    typeof e === 'object' && e !== null
    && typeof e.account === 'string' && typeof e.label === 'string' && typeof e.hash === 'string'
    && Number.isInteger(e.length) && e.length > 0);
}
