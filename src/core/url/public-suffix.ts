// Which hosts a blocklist may not name because they would flag a whole registry
// or hosting service. The Public Suffix List comes from tldts (never a
// hand-written list); README "Public suffixes" says which PSL is in force.
import { getPublicSuffix, parse as parseDomain } from 'tldts';

export type SuffixProblemCode = 'public-suffix' | 'hosting-suffix';

export interface SuffixProblem {
  code: SuffixProblemCode;
  message: string;
}

export interface SuffixOptions {
  /**
   * Exact private-section suffixes the admin chose to list whole
   * (`--allow-suffix github.io`, or `# allow suffix: github.io` in a list).
   */
  allowSuffixes?: ReadonlySet<string>;
}

const OPTS = { allowPrivateDomains: true, extractHostname: false, validateHostname: false } as const;

/** A label no PSL rule names, to tell a wildcard match from an explicit rule. */
const PROBE = 'tg-psl-probe-0';

function ownSuffix(host: string): { icann: boolean; isPrivate: boolean } | null {
  // The suffix alone (no domain/subdomain split, no result object) settles
  // almost every host; the same lookup as parse's, so the same answer.
  if (getPublicSuffix(host, OPTS) !== host) return null;
  const r = parseDomain(host, OPTS);
  if (r.publicSuffix !== host || !(r.isIcann || r.isPrivate)) return null;
  return { icann: r.isIcann === true, isPrivate: r.isPrivate === true };
}

/**
 * True when `host` is a suffix only because a wildcard rule (`*.parent`)
 * covers it: another first label under the same parent is a suffix too.
 */
function onlyThroughWildcard(host: string): boolean {
  const dot = host.indexOf('.');
  if (dot < 0) return false;
  const probe = `${PROBE}.${host.slice(dot + 1)}`;
  return probe !== host && ownSuffix(probe) !== null;
}

/**
 * Null when `host` may be listed. Refused: an exact ICANN suffix (`com`,
 * `co.uk`, also through an ICANN wildcard such as `*.ck`, whose labels are
 * registries), and an exact private suffix naming a whole hosting service
 * (`github.io`, `cloudapp.net`) unless allowed. A private suffix that exists
 * only through a wildcard (`*.compute-1.amazonaws.com`) is one machine: a host.
 * Unknown TLDs fall to the PSL's implicit `*` rule, which tldts reports as
 * neither ICANN nor private: those are hosts too.
 */
export function suffixProblem(host: string, opts: SuffixOptions = {}): SuffixProblem | null {
  const own = ownSuffix(host);
  if (own === null) return null;
  if (own.icann) {
    return { code: 'public-suffix', message: `"${host}" is a public suffix: listing it would flag every site under it` };
  }
  if (onlyThroughWildcard(host) || opts.allowSuffixes?.has(host)) return null;
  return {
    code: 'hosting-suffix',
    message: `"${host}" is a hosting service's public suffix: listing it would flag every site it hosts (allow it with --allow-suffix ${host} or "# allow suffix: ${host}")`,
  };
}
