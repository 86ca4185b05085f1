// One list entry -> the Safe Browsing expression the engine stores. The
// expression is built by the same parser as a URL's readings, so an entry and
// the lookup expressions of a matching URL are byte-identical strings.
import { isDottedQuad } from './ip.ts';
import { suffixProblem, type SuffixOptions, type SuffixProblemCode } from './public-suffix.ts';
import { parseSb } from './sb-parse.ts';

/**
 * `domain`: `example.com/` (the host and every subdomain). `prefix`: a path
 * ending in `/` (that path and below, on the host and subdomains). `exact`:
 * one page, with or without a query. `ip`: an IP literal host, whole site.
 */
export type EntryKind = 'domain' | 'prefix' | 'exact' | 'ip';

/** Why an entry was refused: a stable code (import summaries count by it) and a sentence. */
export type EntryProblemCode = SuffixProblemCode | 'empty' | 'bad-host' | 'not-web' | 'no-host';

export type EntryResult =
  | { ok: true; expression: string; kind: EntryKind; host: string }
  | { ok: false; code: EntryProblemCode; reason: string };

type Refusal = Extract<EntryResult, { ok: false }>;

const refuse = (code: EntryProblemCode, reason: string): Refusal => ({ ok: false, code, reason });

const LABEL = /^[a-z0-9_-]{1,63}$/;

/**
 * True when text[start, end) is an already canonical host name, the common
 * list line: at most 253 characters, labels of 1 to 63 of `a-z0-9_-`, the
 * last one not starting with a digit (so never an IPv4 spelling). The regex
 * /^(?:[a-z0-9_-]{1,63}\.)*[a-z_-][a-z0-9_-]{0,62}$/ says the same
 * (test/unit/list/fast-path.test.ts); a loop over the list text in place
 * needs no line string, which at a million lines is most of the cost.
 */
export function isPlainHostAt(text: string, start: number, end: number): boolean {
  if (end - start > 253) return false;
  let label = 0;
  let first = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) {
      if (label === 0) return false;
      label = 0;
    } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f) {
      if (label === 0) first = c;
      if (++label > 63) return false;
    } else {
      return false;
    }
  }
  return label > 0 && !(first >= 0x30 && first <= 0x39);
}

function hostProblem(host: string, opts: SuffixOptions): Refusal | null {
  if (host[0] === '[' || isDottedQuad(host)) return null;
  if (host.length > 253) return refuse('bad-host', `host name "${host}" is longer than 253 characters`);
  const bad = host.split('.').find((label) => !LABEL.test(label));
  if (bad !== undefined) return refuse('bad-host', `"${host}" is not a valid host name (bad label "${bad}")`);
  return suffixRefusal(host, opts);
}

/** Suffix rules: see public-suffix.ts. */
function suffixRefusal(host: string, opts: SuffixOptions): Refusal | null {
  const p = suffixProblem(host, opts);
  return p === null ? null : refuse(p.code, p.message);
}

function kindOf(host: string, path: string, query: string | null): EntryKind {
  if (query !== null) return 'exact';
  if (path === '/') return host[0] === '[' || isDottedQuad(host) ? 'ip' : 'domain';
  return path.endsWith('/') ? 'prefix' : 'exact';
}

/**
 * The common list line, already a canonical host name (the caller has
 * trimmed it): its result without the general parse; null for anything else.
 * parseEntry takes this path first, so it is the same answer by construction.
 */
export function parsePlainHost(text: string, opts: SuffixOptions = {}): EntryResult | null {
  if (!isPlainHostAt(text, 0, text.length)) return null;
  const problem = suffixRefusal(text, opts);
  if (problem !== null) return problem;
  return { ok: true, expression: text + '/', kind: 'domain', host: text };
}

/**
 * A bare IPv6 address (`2001:db8::1`, `1::`): as an entry it means that
 * address, where a URL parser would read host `2001`, port `db8`.
 */
export const isBareIpv6 = (text: string): boolean => /^[0-9a-f]*:[0-9a-f]*:[0-9a-f:.]*$/i.test(text);

/**
 * Parses one entry: a host, an SB expression (`host/path[?query]`) or a full
 * http(s) URL, Unicode hosts allowed (stored as punycode). Never throws.
 */
export function parseEntry(text: string, opts: SuffixOptions = {}): EntryResult {
  const trimmed = text.trim();
  if (trimmed.length === 0) return refuse('empty', 'empty entry');
  const plain = parsePlainHost(trimmed, opts);
  if (plain !== null) return plain;
  const p = parseSb(isBareIpv6(trimmed) ? `[${trimmed}]` : trimmed);
  if (p === 'unjudged') return refuse('not-web', `"${trimmed}" is not a web address (only http, https, ftp, ws URLs are judged)`);
  if (p === 'invalid') return refuse('no-host', `"${trimmed}" has no host`);
  const kind = kindOf(p.host, p.path, p.query);
  const problem = hostProblem(p.host, opts);
  // A path on a hosting service (`github.io/kit/`) names pages on its sites, not the whole service.
  if (problem !== null && !(problem.code === 'hosting-suffix' && (kind === 'prefix' || kind === 'exact'))) return problem;
  const expression = `${p.host}${p.path}${p.query === null ? '' : '?' + p.query}`;
  return { ok: true, expression, kind, host: p.host };
}
