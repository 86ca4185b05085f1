// Builds declarativeNetRequest rules from blocklist hosts. Plain data, so it is
// tested in node; src/platform/dnr.ts only installs what this returns.
//
// Why DNR redirect rules with huge `requestDomains` arrays (as uBO Lite does):
// redirect rules are capped at 5,000 (dynamic) per extension, but neither
// Chromium nor Firefox caps the domains in one rule. Chromium binary-searches
// the sorted list; Firefox turns it into a Set. Measured here at 1M domains
// (shared/notes/platform.md): Chromium installs in 1.2 s with no measurable
// navigation cost; Firefox in 3.6 s with ~1 ms per navigation. Blocking
// webRequest in Firefox would instead rebuild a JS Set after every event-page
// suspension (~0.65 s stall on the first navigation), so DNR wins in both.
//
// Hosts are spread over rules by a hash of the host, not by position: a host
// always lands in the same rule, so an update that adds or removes a few
// hosts changes a few rules only, and rule-plan.ts reinstalls just those.
// Rules of up to ~50k hosts were also ~30 MB leaner in Firefox than one rule.

export const REDIRECT_PRIORITY = 1;
export const ALLOW_PRIORITY = 2;
/** Hosts per redirect rule, at most (on average: between half and all of it). */
export const BUCKET_HOSTS = 50_000;
/** Dynamic redirect rules use ids FIRST_REDIRECT_ID + bucket. */
export const FIRST_REDIRECT_ID = 1;
/** Buckets, at most: 200M hosts, far beyond what a browser takes. */
export const MAX_REDIRECT_RULES = 4096;
/** Session allow rules ("Continue anyway") use ids from here on. */
export const FIRST_ALLOW_ID = 100_000;

export type ResourceType = 'main_frame' | 'sub_frame';

export interface DnrRule {
  id: number;
  priority: number;
  action:
    | { type: 'redirect'; redirect: { regexSubstitution: string } }
    | { type: 'allow' };
  condition: {
    regexFilter: string;
    requestDomains: string[];
    excludedRequestDomains?: string[];
    resourceTypes: ResourceType[];
  };
}

/** Rules for `total` hosts: a power of two, so it changes only when a list doubles or halves. */
export function bucketCount(total: number): number {
  return total <= BUCKET_HOSTS ? 1 : Math.min(MAX_REDIRECT_RULES, 2 ** Math.ceil(Math.log2(total / BUCKET_HOSTS)));
}

/** Two independent 32-bit hashes of `s` (FNV-1a and a multiplicative one), in one pass. */
function hashPair(s: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x9e3779b1);
  }
  return [h1 >>> 0, (h2 ^ (h2 >>> 15)) >>> 0];
}

/** The bucket (0..n-1, n a power of two) whose rule holds `host`. */
export function bucketOf(host: string, n: number): number {
  return hashPair(host)[0] & (n - 1);
}

/** Where redirect hosts come from (a Blocklist): hosts of entries [from, to). */
export interface HostSource {
  readonly size: number;
  redirectHosts(from: number, to: number): string[];
}

export interface RedirectRules {
  rules: DnrRule[];
  /** Rule id -> digest of the rule's hosts, exclusions and target (rule-plan.ts compares them). */
  digests: Record<string, string>;
}

/** Work is cut into slices of this many hosts; see redirectRules. */
export const SLICE_HOSTS = 100_000;

/**
 * Hosts DNR can redirect as a whole (domain and IP entries; path entries are
 * left to the navigation fallback), each once. Hosts are unique within a
 * source, so only the smaller sources go through a Set: the big admin list's
 * 1M hosts are filtered against it instead of being inserted.
 */
function* uniqueHosts(sources: readonly HostSource[]): Generator<void, string[]> {
  const lists: string[][] = [];
  for (const source of sources) {
    const hosts: string[] = [];
    for (let i = 0; i < source.size; i += SLICE_HOSTS) {
      for (const h of source.redirectHosts(i, i + SLICE_HOSTS)) hosts.push(h);
      yield;
    }
    lists.push(hosts);
  }
  lists.sort((a, b) => b.length - a.length);
  const [largest = [], ...rest] = lists;
  if (rest.length === 0) return largest;
  const others = new Set(rest.flat());
  const unique: string[] = [];
  for (let i = 0; i < largest.length; i += SLICE_HOSTS) {
    for (const h of largest.slice(i, i + SLICE_HOSTS)) if (!others.has(h)) unique.push(h);
    yield;
  }
  return [...unique, ...others];
}

/**
 * Redirect rules sending top-level navigations to `warningPageUrl#<original
 * URL>`, one per non-empty bucket (id FIRST_REDIRECT_ID + bucket), built in
 * slices: a generator that yields between slices of SLICE_HOSTS hosts, so the
 * worker can answer lookups meanwhile (a 1M-host list held it ~1 s), and
 * returns the rules. Hosts keep their sources' order within a rule
 * (deterministic for a given list set), not sorted: both browsers index
 * requestDomains themselves, and sorting 1M strings cost ~2 s of worker time.
 */
export function* redirectRules(sources: readonly HostSource[], warningPageUrl: string, excluded: readonly string[] = []): Generator<void, RedirectRules> {
  const hosts = yield* uniqueHosts(sources);
  const n = bucketCount(hosts.length);
  const buckets: string[][] = Array.from({ length: n }, () => []);
  const d1 = new Uint32Array(n);
  const d2 = new Uint32Array(n);
  for (let i = 0; i < hosts.length; i += SLICE_HOSTS) {
    for (const host of hosts.slice(i, i + SLICE_HOSTS)) {
      const [h1, h2] = hashPair(host);
      const b = h1 & (n - 1);
      buckets[b]!.push(host);
      d1[b] = Math.imul(d1[b]! ^ h1, 0x01000193) + h2;
      d2[b] = Math.imul(d2[b]! ^ h2, 0x9e3779b1) + h1;
    }
    yield;
  }
  const target = hashPair(`${warningPageUrl}\n${excluded.join(' ')}`).join('.');
  const rules: DnrRule[] = [];
  const digests: Record<string, string> = {};
  buckets.forEach((requestDomains, b) => {
    if (requestDomains.length === 0) return;
    const id = FIRST_REDIRECT_ID + b;
    digests[id] = `${requestDomains.length}.${d1[b]}.${d2[b]}.${target}`;
    rules.push({
      id,
      priority: REDIRECT_PRIORITY,
      action: { type: 'redirect', redirect: { regexSubstitution: `${warningPageUrl}#\\0` } },
      condition: {
        regexFilter: '^https?://.*',
        requestDomains,
        ...(excluded.length > 0 ? { excludedRequestDomains: [...excluded] } : {}),
        resourceTypes: ['main_frame'],
      },
    });
  });
  return { rules, digests };
}

/** Runs a sliced computation to its end in one go (tests, scripts). */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Redirect rules for plain host lists, at once (tests, scripts). */
export function buildRedirectRules(hosts: readonly string[], warningPageUrl: string, excluded: readonly string[] = []): RedirectRules {
  const source: HostSource = { size: hosts.length, redirectHosts: (from, to) => hosts.slice(from, to) };
  return finish(redirectRules([source], warningPageUrl, excluded));
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True for a "Continue anyway" allow rule (as built by buildAllowRule). */
export function isAllowRule(r: { id: number; action: { type: string } }): boolean {
  return r.id >= FIRST_ALLOW_ID && r.action.type === 'allow';
}

/** An allow rule for exactly `host` (not its subdomains), any port, http(s). */
export function buildAllowRule(id: number, host: string): DnrRule {
  return {
    id,
    priority: ALLOW_PRIORITY,
    action: { type: 'allow' },
    condition: {
      regexFilter: `^https?://${escapeRegex(host)}(:[0-9]+)?[/?#]`,
      requestDomains: [host],
      resourceTypes: ['main_frame', 'sub_frame'],
    },
  };
}

/** True for entries the redirect rules cover (a whole domain or IP: `host/`), false for path entries. */
export function isRedirectedByRules(entry: string): boolean {
  return entry.indexOf('/') === entry.length - 1;
}

/**
 * Whether DNR redirects a navigation matching `entry` before its request:
 * whole-domain and IP entries do once their rules are in. While new rules are
 * being installed, only what the installed ones have: `installedEntry` is
 * their match for the URL (null: none), undefined when no install is pending.
 */
export function dnrRedirectsBefore(entry: string, installedEntry?: string | null): boolean {
  if (!isRedirectedByRules(entry)) return false;
  return installedEntry === undefined || (installedEntry !== null && isRedirectedByRules(installedEntry));
}
