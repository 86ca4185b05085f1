// Fast path for the common case: a lower-case http(s) URL of plain ASCII whose
// Safe Browsing canonical form is the URL itself minus the fragment. For it,
// readUrl's full pipeline (repeated unescaping, byte strings, WHATWG parse)
// yields one reading equal to the text, so matchUrl hashes the URL in place
// and skips it: several times faster. Anything unusual is declined and goes
// the full way; test/unit/engine/plain-url.test.ts checks agreement with readUrl.
import type { LookupInput } from './expressions.ts';

export interface PlainRead {
  canonical: string;
  reading: LookupInput;
}

const HOST = 1;
const PATH = 2;
const QUERY = 4;
/** Per ASCII code: where it may appear (no `%`, `\`, spaces, controls, upper-case hosts). */
const ALLOWED = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789-._') ALLOWED[c.charCodeAt(0)]! |= HOST;
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/") {
  ALLOWED[c.charCodeAt(0)]! |= PATH | QUERY;
}
ALLOWED[0x3f] = QUERY;

const allowed = (c: number, kind: number): boolean => c < 128 && (ALLOWED[c]! & kind) !== 0;

function hasOnlyPrintable(url: string, from: number): boolean {
  for (let i = from; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return false;
  }
  return true;
}

/** Where the parts of a plain URL are: host [hostStart, hostEnd), path [hostEnd, pathEnd), `?query` up to `end`. */
export interface PlainSpans {
  hostStart: number;
  hostEnd: number;
  pathEnd: number;
  /** End of the canonical URL: the query's end, else the path's (a fragment follows, or nothing). */
  end: number;
}

/**
 * One pass. The host must be non-empty labels of [a-z0-9_-] with no `xn--`
 * label (WHATWG validates punycode) and a last label starting with a letter
 * (numbers are IPv4 spellings). A path must follow (`/`, so the canonical URL
 * is a prefix of the text) and may not hold `//` or `/.` (nothing to resolve).
 * A fragment may hold any printable ASCII.
 */
export function scanPlainUrl(url: string, out: PlainSpans): boolean {
  const len = url.length;
  const start = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : 0;
  if (start === 0) return false;
  let i = start;
  let label = start;
  for (; i < len; i++) {
    const c = url.charCodeAt(i);
    if (c === 0x2e) {
      if (i === label) return false;
      label = i + 1;
    } else if (!allowed(c, HOST)) break;
    else if (c === 0x78 && i === label && url.startsWith('xn--', i)) return false;
  }
  const hostEnd = i;
  const last = url.charCodeAt(label);
  if (label === hostEnd || last < 0x61 || last > 0x7a || url.charCodeAt(i) !== 0x2f) return false;
  for (i++; i < len; i++) {
    const c = url.charCodeAt(i);
    if ((c === 0x2f || c === 0x2e) && url.charCodeAt(i - 1) === 0x2f) return false;
    if (!allowed(c, PATH)) break;
  }
  const pathEnd = i;
  if (i < len && url.charCodeAt(i) === 0x3f) {
    for (i++; i < len && allowed(url.charCodeAt(i), QUERY); i++);
  }
  if (i < len && (url.charCodeAt(i) !== 0x23 || !hasOnlyPrintable(url, i))) return false;
  out.hostStart = start;
  out.hostEnd = hostEnd;
  out.pathEnd = pathEnd;
  out.end = i;
  return true;
}

/** The same as strings (tests, and callers that want a reading). */
export function readPlainUrl(url: string): PlainRead | null {
  const s: PlainSpans = { hostStart: 0, hostEnd: 0, pathEnd: 0, end: 0 };
  if (!scanPlainUrl(url, s)) return null;
  const query = s.end > s.pathEnd ? url.slice(s.pathEnd + 1, s.end) : null;
  return { canonical: url.slice(0, s.end), reading: { host: url.slice(s.hostStart, s.hostEnd), path: url.slice(s.hostEnd, s.pathEnd), query } };
}
