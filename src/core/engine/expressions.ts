// Safe Browsing v4 lookup expressions ("URLs and hashing"): a URL is looked up
// as every combination of
//   - up to 5 host suffixes: the exact host, then up to 4 formed from the last
//     5 components by dropping the leading one (never the bare top-level
//     component; IP literals only as themselves), and
//   - up to 6 paths: the exact path with query, without query, then up to 4
//     prefixes from the root, each ending in `/`.
// Example: http://a.b.c/1/2.html?param=1 gives the hosts a.b.c, b.c and the
// paths /1/2.html?param=1, /1/2.html, /, /1/ (8 expressions).
//
// `lookupExpressions` builds the strings (tests, debugging); `LookupFingerprints`
// is the hot path: it fingerprints the same combinations without building them.
import {
  HOST_SEED_A,
  HOST_SEED_B,
  PATH_SEED_B,
  combineLo,
  hostHi,
  stepA,
  stepB,
} from './fingerprint.ts';

/** One way of reading a URL: canonical host, path (starting with `/`), query without `?` or null. */
export interface LookupInput {
  host: string;
  path: string;
  query: string | null;
}

const MAX_HOSTS = 5;
const MAX_SUFFIX_COMPONENTS = 5;
const MAX_PREFIXES = 4;
const MAX_PATHS = 6;

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** IP literals (dotted-quad IPv4, bracketed IPv6) are looked up only as themselves. */
export function isIpHost(host: string): boolean {
  const last = host.charCodeAt(host.length - 1);
  if (last >= 0x30 && last <= 0x39) return IPV4.test(host);
  return last === 0x5d || host.includes(':');
}

export function hostSuffixes(host: string): string[] {
  const out = [host];
  if (isIpHost(host)) return out;
  const parts = host.split('.');
  const first = Math.max(1, parts.length - MAX_SUFFIX_COMPONENTS);
  for (let i = first; i < parts.length - 1; i++) out.push(parts.slice(i).join('.'));
  return out;
}

export function pathVariants(path: string, query: string | null): string[] {
  const out: string[] = [];
  if (query !== null) out.push(`${path}?${query}`);
  out.push(path);
  const prefixes: string[] = [];
  for (let i = path.indexOf('/'); i >= 0 && prefixes.length < MAX_PREFIXES; i = path.indexOf('/', i + 1)) {
    if (i + 1 < path.length) prefixes.push(path.slice(0, i + 1));
  }
  return out.concat(prefixes.reverse());
}

/** All lookup expressions, most specific first (exact host before suffixes, longer paths first). */
export function lookupExpressions(input: LookupInput): string[] {
  const paths = pathVariants(input.path, input.query);
  return hostSuffixes(input.host).flatMap((h) => paths.map((p) => h + p));
}

/**
 * Reusable scratch holding the hash lanes of one reading's host suffixes and
 * path variants. Slot order is least specific first; matchers walk it backwards
 * so the reported match is the most specific, as in `lookupExpressions`.
 *
 * The path variants are all prefixes of `path?query`, so they are kept as
 * lengths into one source text: for a plain URL that text is the URL itself
 * and nothing is sliced (see plain-url.ts).
 */
export class LookupFingerprints {
  host = '';
  hostCount = 0;
  readonly hostStart = new Int32Array(MAX_HOSTS);
  readonly hostA = new Int32Array(MAX_HOSTS);
  readonly hostB = new Int32Array(MAX_HOSTS);
  /** Holds `path[?query]` from `pathStart`. */
  private text = '';
  private pathStart = 0;
  pathCount = 0;
  readonly pathLen = new Int32Array(MAX_PATHS);
  readonly pathB = new Int32Array(MAX_PATHS);

  load(input: LookupInput): this {
    const text = input.query === null ? input.path : `${input.path}?${input.query}`;
    return this.loadSpans(input.host, text, 0, input.path.length, input.query === null ? -1 : text.length);
  }

  /** `text[pathStart, pathEnd)` is the path; `text[pathEnd] === '?'` up to `queryEnd` when queryEnd >= 0. */
  loadSpans(host: string, text: string, pathStart: number, pathEnd: number, queryEnd: number): this {
    this.host = host;
    this.text = text;
    this.pathStart = pathStart;
    this.loadHost(host);
    this.loadPath(text, pathStart, pathEnd, queryEnd);
    return this;
  }

  /** Fingerprint high half: it depends on the host only. */
  hi(h: number): number {
    return hostHi(this.hostA[h]!);
  }

  lo(h: number, p: number): number {
    return combineLo(this.hostB[h]!, this.pathB[p]!);
  }

  /** The expression in slot (h, p), built only to report or verify a hit. */
  expression(h: number, p: number): string {
    return this.host.slice(this.hostStart[h]) + this.text.slice(this.pathStart, this.pathStart + this.pathLen[p]!);
  }

  private loadHost(host: string): void {
    const suffixes = !isIpHost(host);
    let a = HOST_SEED_A;
    let b = HOST_SEED_B;
    let n = 0;
    let components = 1;
    for (let i = host.length - 1; i >= 0; i--) {
      const c = host.charCodeAt(i);
      if (c === 0x2e && suffixes && components >= 2 && components <= MAX_SUFFIX_COMPONENTS) {
        n = this.pushHost(n, i + 1, a, b);
      }
      if (c === 0x2e) components++;
      a = stepA(a, c);
      b = stepB(b, c);
    }
    this.hostCount = this.pushHost(n, 0, a, b);
  }

  private pushHost(n: number, start: number, a: number, b: number): number {
    this.hostStart[n] = start;
    this.hostA[n] = a;
    this.hostB[n] = b;
    return n + 1;
  }

  private loadPath(text: string, start: number, pathEnd: number, queryEnd: number): void {
    let b = PATH_SEED_B;
    let n = 0;
    for (let i = start; i < pathEnd; i++) {
      const c = text.charCodeAt(i);
      b = stepB(b, c);
      if (c === 0x2f && n < MAX_PREFIXES && i + 1 < pathEnd) n = this.pushPath(n, i + 1 - start, b);
    }
    n = this.pushPath(n, pathEnd - start, b);
    if (queryEnd >= 0) {
      for (let i = pathEnd; i < queryEnd; i++) b = stepB(b, text.charCodeAt(i));
      n = this.pushPath(n, queryEnd - start, b);
    }
    this.pathCount = n;
  }

  private pushPath(n: number, len: number, b: number): number {
    this.pathLen[n] = len;
    this.pathB[n] = b;
    return n + 1;
  }
}

/** Shared scratch: lookups are synchronous, so one instance serves every caller. */
export const sharedLookup = new LookupFingerprints();
