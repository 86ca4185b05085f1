// The Safe Browsing document's reading of a URL: raw text, unescaped first,
// then split into scheme, host, path and query (Google's own client does the
// same; it is why `http%3A%2F%2Fwackyurl.com:80/` is a URL at all).
import { escapeBytes, toByteString, unescapeFully } from './bytes.ts';
import { parsePlainHttp } from './fast-parse.ts';
import { canonicalHost } from './host.ts';
import { canonicalPath } from './path.ts';

/**
 * The schemes we judge: the ones a browser navigates to or submits
 * credentials over. Everything else (javascript:, data:, about:, mailto:,
 * chrome:, file:, ...) has no host to look up and is never judged.
 */
export const JUDGED_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'ftp', 'ftps', 'ws', 'wss']);

export interface SbParts {
  scheme: string;
  /** Canonical host (escaped). */
  host: string;
  /** Canonical path (escaped), starts with `/`. */
  path: string;
  /** Canonical query (escaped) without `?`, or null when there is no `?`. */
  query: string | null;
  /** The input named a scheme (`http:...`); otherwise `http` was assumed. */
  hadScheme: boolean;
}

/** `unjudged`: a scheme we never judge. `invalid`: a judged URL with no usable host. */
export type SbResult = SbParts | 'unjudged' | 'invalid';

/** Strips leading/trailing C0 controls and spaces, as URL parsers do. */
export function trimControls(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

function removeTabsAndNewlines(s: string): string {
  if (s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
  return s.replace(/[\t\n\r]/g, '');
}

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
// `evil.com:8080/x` names a port, not a scheme called `evil.com`.
const HOST_PORT = /^[^:]*:\d*(?:[/?]|$)/;

/** Splits off the scheme; null scheme means none was given (http is assumed). */
function splitScheme(s: string): { scheme: string | null; rest: string } | 'unjudged' {
  const m = SCHEME.exec(s);
  if (!m) return { scheme: null, rest: s };
  const scheme = m[1]!.toLowerCase();
  if (!JUDGED_SCHEMES.has(scheme)) {
    return m[1]!.includes('.') && HOST_PORT.test(s) ? { scheme: null, rest: s } : 'unjudged';
  }
  let rest = s.slice(m[0].length);
  // `http:evil.com` and `http:/evil.com` reach evil.com in every browser.
  if (rest.startsWith('//')) rest = rest.slice(2);
  else if (rest.startsWith('/')) rest = rest.slice(1);
  return { scheme, rest };
}

function hostOfAuthority(authority: string): string {
  const at = authority.lastIndexOf('@');
  const hostPort = at < 0 ? authority : authority.slice(at + 1);
  if (hostPort[0] === '[') {
    const close = hostPort.indexOf(']');
    return close < 0 ? hostPort : hostPort.slice(0, close + 1);
  }
  const colon = hostPort.indexOf(':');
  return colon < 0 ? hostPort : hostPort.slice(0, colon);
}

/** Parses `raw` as the Safe Browsing document reads it. */
export function parseSb(raw: string): SbResult {
  const plain = parsePlainHttp(raw);
  if (plain !== null) return plain;
  let s = removeTabsAndNewlines(trimControls(raw));
  const hash = s.indexOf('#');
  if (hash >= 0) s = s.slice(0, hash);
  s = unescapeFully(toByteString(s));
  const split = splitScheme(s);
  if (split === 'unjudged') return split;
  let rest = split.rest;
  let query: string | null = null;
  const q = rest.indexOf('?');
  if (q >= 0) {
    query = escapeBytes(rest.slice(q + 1));
    rest = rest.slice(0, q);
  }
  const slash = rest.indexOf('/');
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const host = canonicalHost(hostOfAuthority(authority));
  if (host === null) return 'invalid';
  const path = escapeBytes(canonicalPath(slash < 0 ? '' : rest.slice(slash)));
  return { scheme: split.scheme ?? 'http', host, path, query, hadScheme: split.scheme !== null };
}

/** The canonical URL string of parsed parts. */
export function formatSb(p: Pick<SbParts, 'scheme' | 'host' | 'path' | 'query'>): string {
  return `${p.scheme}://${p.host}${p.path}${p.query === null ? '' : '?' + p.query}`;
}
