// Every way a URL can be read that matters for a verdict. The Safe Browsing
// document reads raw text; the browser reads with the WHATWG URL rules and
// navigates there. They differ (backslashes, `http:evil.com`, userinfo, UTS #46
// host mapping), and a list entry must be caught under either reading.
import { browserReadsAsDocument, parsePlainHttp } from './fast-parse.ts';
import { JUDGED_SCHEMES, formatSb, parseSb, trimControls, type SbParts } from './sb-parse.ts';

export interface UrlReading {
  /** Canonical host: punycode, lower-case, IPv4 dotted quad, `[v6]` normalised, IPv4-mapped v6 as IPv4. */
  host: string;
  /** Canonical path (SB escaping), starts with `/`. */
  path: string;
  /** Canonical query without `?`, or null when the URL has no `?`. */
  query: string | null;
}

export interface UrlReadings {
  /** Canonical URL per the Safe Browsing document (null when it has none). */
  canonical: string | null;
  /** Host of the document's reading, else of the browser's, else null. */
  host: string | null;
  /** The distinct readings; empty when the URL is never judged. */
  readings: UrlReading[];
}

function none(): UrlReadings {
  return { canonical: null, host: null, readings: [] };
}

/** What the browser will navigate to, as SB parts; null when it would not parse or is not judged. */
function browserReading(raw: string, hadScheme: boolean): SbParts | null {
  let url: URL;
  try {
    url = new URL(hadScheme ? raw : `http://${trimControls(raw)}`);
  } catch {
    return null;
  }
  if (!JUDGED_SCHEMES.has(url.protocol.slice(0, -1))) return null;
  // `search` is empty both for no query and for a bare `?`; the href tells them apart.
  const href = url.href;
  const hash = href.indexOf('#');
  const beforeHash = hash < 0 ? href : href.slice(0, hash);
  const query = url.search || (beforeHash.endsWith('?') ? '?' : '');
  const parts = parseSb(`${url.protocol}//${url.hostname}${url.pathname}${query}`);
  return typeof parts === 'string' ? null : parts;
}

function sameReading(a: UrlReading, b: UrlReading): boolean {
  return a.host === b.host && a.path === b.path && a.query === b.query;
}

function readingOf(p: SbParts): UrlReading {
  return { host: p.host, path: p.path, query: p.query };
}

/**
 * The canonical URL and the distinct readings of `raw`. `blob:` URLs are read
 * by their inner URL; non-web schemes (javascript:, data:, about:, ...) get no
 * readings, so they are never judged. Never throws.
 */
export function readUrl(raw: string): UrlReadings {
  const trimmed = trimControls(raw);
  // Only a blob whose inner URL names its scheme has an origin to judge (`blob:null/...` has none).
  if (/^blob:/i.test(trimmed)) return /^blob:[a-z][a-z0-9+.-]*:/i.test(trimmed) ? readUrlOnce(trimmed.slice(5)) : none();
  return readUrlOnce(raw);
}

function readUrlOnce(raw: string): UrlReadings {
  const plain = parsePlainHttp(raw);
  if (plain !== null) return { canonical: formatSb(plain), host: plain.host, readings: [readingOf(plain)] };
  const sb = parseSb(raw);
  if (sb === 'unjudged') return none();
  const readings: UrlReading[] = [];
  if (sb !== 'invalid') {
    readings.push(readingOf(sb));
    if (browserReadsAsDocument(raw)) return { canonical: formatSb(sb), host: sb.host, readings };
  }
  const browser = browserReading(raw, sb === 'invalid' || sb.hadScheme);
  if (browser !== null) {
    const r = readingOf(browser);
    if (!readings.some((x) => sameReading(x, r))) readings.push(r);
  }
  return {
    canonical: sb === 'invalid' ? null : formatSb(sb),
    host: readings[0]?.host ?? null,
    readings,
  };
}
