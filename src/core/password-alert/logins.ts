// Protected sign-in pages and allowed origins: parsing the policy values and
// deciding, for a page URL, whether passwords are learned there, watched
// there, or neither.
//
// A protected login is an origin with an optional path prefix
// ("https://login.example.org/adfs/"). Passwords are learned only on pages
// under the prefix; the whole origin is never watched (typing the password
// back on the protected site itself must never alert).
import type { Checked } from '../policy/values.ts';

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const no = <T>(reason: string): Checked<T> => ({ ok: false, reason });

function parseUrl(text: string): URL | null {
  try {
    return new URL(text.trim());
  } catch {
    return null;
  }
}

function webUrl(v: string): Checked<URL> {
  const u = parseUrl(v);
  if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:')) return no('not an http(s) origin such as https://login.example.org');
  if (u.username || u.password) return no('must not contain a user name or password');
  if (u.search || u.hash || v.includes('?') || v.includes('#')) return no('must not contain a query or fragment');
  return ok(u);
}

/** "https://host[:port]" plus a path prefix when one is given ("/" alone is none). */
export function protectedLogin(v: string): Checked<string> {
  const r = webUrl(v);
  if (!r.ok) return r;
  return ok(r.value.pathname === '/' ? r.value.origin : r.value.origin + r.value.pathname);
}

/** An origin alone: a path would suggest a narrower allowance than an origin-wide one. */
export function allowedOrigin(v: string): Checked<string> {
  const r = webUrl(v);
  if (!r.ok) return r;
  if (r.value.pathname !== '/') return no('an origin alone, without a path (allowing is per origin)');
  return ok(r.value.origin);
}

const originOf = (login: string): string => new URL(login).origin;

function pageUrl(url: string): URL | null {
  const u = parseUrl(url);
  return u && (u.protocol === 'https:' || u.protocol === 'http:') ? u : null;
}

/** The protected login whose prefix covers `url` (where a submitted password is learned), or null. */
export function loginAt(url: string, logins: readonly string[]): string | null {
  const u = pageUrl(url);
  if (!u) return null;
  return logins.find((l) => {
    const { origin, pathname } = new URL(l);
    return u.origin === origin && u.pathname.startsWith(pathname);
  }) ?? null;
}

export interface WatchScope {
  protectedLogins: readonly string[];
  /** The admin's allow-list, plus the user's own sites ("this is my own site"). */
  allowedOrigins: readonly string[];
}

/** Typing on `url` is watched: a web page whose origin is neither protected nor allowed. */
export function isWatched(url: string, scope: WatchScope): boolean {
  const u = pageUrl(url);
  if (!u) return false;
  return !scope.protectedLogins.some((l) => originOf(l) === u.origin) && !scope.allowedOrigins.includes(u.origin);
}

/** Label of the account of a protected login: its host (see password-store.ts for why not the user name). */
export const accountLabel = (login: string): string => new URL(login).host;
