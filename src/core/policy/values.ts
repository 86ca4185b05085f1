// Validators for single policy values. Each returns the normalised value or a
// reason (for the problem message) and never throws.
import { parseEntry } from '../url/entry.ts';
import { publicKeyBytes } from '../bundle/keys.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const no = <T>(reason: string): Checked<T> => ({ ok: false, reason });

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

export function updateUrl(v: string): Checked<string> {
  const u = parseUrl(v.trim());
  if (!u) return no('not a URL');
  if (u.username || u.password) return no('a URL must not contain a user name or password');
  if (u.protocol === 'https:') return ok(u.href);
  if (u.protocol === 'http:' && LOOPBACK.has(u.hostname)) return ok(u.href);
  return no('not https (plain http is allowed only for 127.0.0.1 or localhost, for testing)');
}

export function trustedKey(v: string): Checked<string> {
  return publicKeyBytes(v.trim()) ? ok(v.trim()) : no('not a "p256:" public key as written by `npm run admin -- keygen`');
}

export function entry(v: string): Checked<string> {
  const r = parseEntry(v);
  return r.ok ? ok(r.expression) : no(r.reason);
}

export function domain(v: string): Checked<string> {
  const r = parseEntry(v);
  if (!r.ok) return no(r.reason);
  if (r.kind !== 'domain') return no('not a domain name alone (no path, no IP address)');
  return ok(r.host);
}

export function reportAddress(v: string): Checked<string> {
  const u = parseUrl(v.trim());
  if (u?.protocol === 'https:' && !u.username && !u.password) return ok(u.href);
  if (u?.protocol === 'mailto:' && /^[^@\s%]+@[^@\s%]+$/.test(u.pathname)) return ok(u.href);
  return no('not a mailto: address or an https URL');
}
