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

//
// Every bucket has two rules over the same hosts: frames (top-level and
// framed documents) are redirected to the warning page, and every other
// request (fetch, XHR, beacon, WebSocket, images, scripts, prefetch, requests
// of workers ...) is blocked, so no request of any type reaches a listed host.
// The block rule names the frame types it leaves out instead of the types it
// covers: each browser has types the other rejects (Firefox `beacon`,
// Chromium `webtransport`), and a type added later is blocked too.

import { DOUBLED_SLASH, ENCODED_PATH, escapeRegex, planPathRules } from './path-rules.ts';
import { finish, type Steps } from '../steps.ts';

export const REDIRECT_PRIORITY = 1;
export const ALLOW_PRIORITY = 2;
/**
 * The hold of held hosts (path entries past the regex budget) outranks their
 * block rules, which cover frames too: a page (GET) goes to the warning page,
 * which judges it, while a form POST, which the hold leaves alone so that its
 * body is not lost, meets the blocks of the listed paths. At the same
 * priority as the passes and "Continue anyway", which still win: allow beats
 * redirect at equal priority in both browsers.
 */
export const HOLD_PRIORITY = ALLOW_PRIORITY;
/** Hosts per redirect rule, at most (on average: between half and all of it). */
export const BUCKET_HOSTS = 50_000;
/** Dynamic redirect rules use ids FIRST_REDIRECT_ID + bucket. */
export const FIRST_REDIRECT_ID = 1;
/** Buckets, at most: 25M hosts, far beyond what a browser takes, and half the browsers' 1,000 regex rules. */
export const MAX_REDIRECT_RULES = 512;
/** The subresource block rule of bucket b has id FIRST_BLOCK_ID + b. */
export const FIRST_BLOCK_ID = 1_000;
/** Path-entry rules (path-rules.ts) use ids from here on. */
export const FIRST_PATH_ID = 2_000;
/** Regex rules a browser takes per rule type (Chromium and Firefox alike). */
export const MAX_REGEX_RULES = 1_000;
/** The hold rules of path entries over the regex budget (path-rules.ts): frames redirected, doubled slashes and whole hosts blocked. */
export const HOLD_ID = 3_000;
export const DOUBLED_SLASH_ID = 3_001;
export const BLOCKED_WHOLE_ID = 3_002;
/** The rule pair for hosts written with a trailing dot (TRAILING_DOT_URL). */
export const TRAILING_DOT_ID = 3_003;
/** urlFilter block rules of path entries over the regex budget use ids from here on. */
export const FIRST_FILTER_ID = 3_100;
/** Dynamic rules Firefox takes in all (Chromium: 30,000, of which 5,000 redirects). */
export const MAX_DYNAMIC_RULES = 5_000;
/** One-off passes of the warning page through the hold (passRules), two ids per tab slot. */
export const FIRST_PASS_ID = 50_000;
const PASS_SLOTS = 20_000;
/** Session allow rules ("Continue anyway") use ids from here on. */
export const FIRST_ALLOW_ID = 100_000;

export type ResourceType =
  | 'main_frame'
  | 'sub_frame'
  | 'stylesheet'
  | 'script'
  | 'image'
  | 'font'
  | 'object'
  | 'xmlhttprequest'
  | 'ping'
  | 'csp_report'
  | 'media'
  | 'websocket'
  | 'webtransport'
  | 'webbundle'
  | 'other';

/** Documents: redirected to the warning page. Everything else is blocked. */
export const FRAME_TYPES: ResourceType[] = ['main_frame', 'sub_frame'];
/** The types both browsers know: what a "Continue anyway" lets through. */
export const ALL_TYPES: ResourceType[] = [...FRAME_TYPES, 'stylesheet', 'script', 'image', 'font', 'object', 'xmlhttprequest', 'ping', 'csp_report', 'media', 'websocket', 'other'];

export interface DnrRule {
  id: number;
  priority: number;
  action:
    | { type: 'redirect'; redirect: { regexSubstitution: string } }
    | { type: 'block' }
    | { type: 'allow' };
  condition: {
    regexFilter?: string;
    urlFilter?: string;
    isUrlFilterCaseSensitive?: boolean;
    tabIds?: number[];
    /** Left out only by the trailing-dot rules, which match by URL. */
    requestDomains?: string[];
    excludedRequestDomains?: string[];
    resourceTypes?: ResourceType[];
    excludedResourceTypes?: ResourceType[];
    excludedRequestMethods?: 'post'[];
  };
}

const ANY_WEB_URL = '^https?://.*';

/**
 * Any URL whose host ends in a dot (`bitwoll.com.`, the same site to DNS).
 * Firefox's requestDomains does not match it to `bitwoll.com` (measured: a
 * fetch, an image and a top-level page reached the listed server), so there
 * these frames go to the warning page, which judges the URL and passes an
 * unlisted one through, and the other requests are blocked: fail closed, at
 * the cost of subresources of unlisted hosts spelt that way, which no site
 * needs. Chromium matches such hosts to their entries itself.
 */
export const TRAILING_DOT_URL = '^(?:http|ws)s?://[^/?#]*\\.(?::[0-9]*)?(?:[/?#].*)?$';
const exclusionsOf = (excluded: readonly string[]) => (excluded.length > 0 ? { excludedRequestDomains: [...excluded] } : {});

/** Frames (top-level and framed documents) of `requestDomains` to the warning page, the URL after '#'. */
export function redirectRule(id: number, requestDomains: string[], warningPageUrl: string, excluded: readonly string[], regexFilter = ANY_WEB_URL): DnrRule {
  return {
    id,
    priority: REDIRECT_PRIORITY,
    action: { type: 'redirect', redirect: { regexSubstitution: `${warningPageUrl}#\\0` } },
    condition: { regexFilter, requestDomains, ...exclusionsOf(excluded), resourceTypes: FRAME_TYPES },
  };
}

/** Every resource type Chromium has (it refuses a name it does not know). */
export const CHROMIUM_TYPES: ResourceType[] = [...ALL_TYPES, 'webtransport', 'webbundle'];

type TypeCondition = Pick<DnrRule['condition'], 'resourceTypes' | 'excludedResourceTypes'>;
const NOT_FRAMES: TypeCondition = { excludedResourceTypes: FRAME_TYPES };

/**
 * Every type, frames too (held hosts' blocks, under HOLD_PRIORITY). Without
 * either type key DNR leaves out main_frame, and Chromium reads an empty
 * exclusion as none given, so there every type is named; Firefox reads an
 * empty exclusion as it is.
 */
const everyTypeIn = (limits: RuleLimits): TypeCondition => (limits.everyType ? { resourceTypes: [...limits.everyType] } : { excludedResourceTypes: [] });

/** Every request to `requestDomains` matching `filter` (none: all of them) blocked: all but frames unless `types` says otherwise. */
export function blockRule(
  id: number,
  requestDomains: string[],
  excluded: readonly string[],
  filter: { regexFilter: string } | { urlFilter: string } | object = {},
  types: TypeCondition = NOT_FRAMES,
): DnrRule {
  return { id, priority: REDIRECT_PRIORITY, action: { type: 'block' }, condition: { ...filter, requestDomains, ...exclusionsOf(excluded), ...types } };
}

/** The pair of rules for one set of hosts: frames redirected to the warning page, the rest blocked. */
export function rulePair(ids: [number, number], requestDomains: string[], warningPageUrl: string, excluded: readonly string[], regexFilter = ANY_WEB_URL): [DnrRule, DnrRule] {
  // Bucket rules need no regex to block (it would count against the regex cap).
  return [redirectRule(ids[0], requestDomains, warningPageUrl, excluded, regexFilter), blockRule(ids[1], requestDomains, excluded, regexFilter === ANY_WEB_URL ? {} : { regexFilter })];
}

/**
 * How an IPv4 entry's host may also be written as an IPv6 literal that
 * reaches the same server (IPv4-mapped, NAT64, IPv4-compatible): DNR matches
 * the URL's host text, so each form is listed next to the dotted quad. Only
 * in the WHATWG serialisation (`[::ffff:7f00:2]`, which a typed
 * `[::ffff:127.0.0.2]` becomes before matching): Firefox refuses a whole rule
 * call over a domain that does not serialise to itself.
 */
export function ipv4Aliases(host: string): string[] {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (!m) return [];
  const [a, b, c, d] = m.slice(1).map(Number) as [number, number, number, number];
  const hex = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  return [`[::ffff:${hex}]`, `[64:ff9b::${hex}]`, `[::${hex}]`];
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

/** What DNR rules are built from, among a list's entries [from, to). */
export interface DnrEntries {
  /** Hosts of whole-domain and IP entries. */
  hosts: string[];
  /** Path entries (`host/path...`). */
  paths: string[];
}

/** Where redirect hosts come from (a Blocklist): one read of each slice gives both kinds (at 1M a second read cost ~0.15 s in Firefox). */
export interface HostSource {
  readonly size: number;
  dnrEntries(from: number, to: number): DnrEntries;
}

export interface RedirectRules {
  rules: DnrRule[];
  /** Rule id -> digest of the rule's hosts, exclusions and target (rule-plan.ts compares them). */
  digests: Record<string, string>;
}

/** Work is cut into slices of this many hosts; see redirectRules. */
export const SLICE_HOSTS = 100_000;

/**
 * Hosts DNR can redirect as a whole (domain and IP entries), each once, and
 * the path entries (which get their own rules). Hosts are unique within a
 * source, so only the smaller sources go through a Set: the big admin list's
 * 1M hosts are filtered against it instead of being inserted.
 */
function* readEntries(sources: readonly HostSource[]): Steps<DnrEntries> {
  const lists: string[][] = [];
  const paths: string[] = [];
  for (const source of sources) {
    const hosts: string[] = [];
    for (let i = 0; i < source.size; i += SLICE_HOSTS) {
      const slice = source.dnrEntries(i, i + SLICE_HOSTS);
      for (const h of slice.hosts) hosts.push(h);
      for (const p of slice.paths) paths.push(p);
      yield;
    }
    lists.push(hosts);
  }
  lists.sort((a, b) => b.length - a.length);
  const [largest = [], ...rest] = lists;
  if (rest.length === 0) return { hosts: largest, paths };
  const others = new Set(rest.flat());
  const unique: string[] = [];
  // Indexed, no slices or spreads: at 1M hosts each copy costs tens of ms.
  for (let i = 0; i < largest.length; i += SLICE_HOSTS) {
    const end = Math.min(i + SLICE_HOSTS, largest.length);
    for (let k = i; k < end; k++) if (!others.has(largest[k]!)) unique.push(largest[k]!);
    yield;
  }
  for (const h of others) unique.push(h);
  return { hosts: unique, paths };
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
export function* redirectRules(sources: readonly HostSource[], warningPageUrl: string, excluded: readonly string[] = [], limits = BROWSER_LIMITS): Steps<RedirectRules> {
  const { hosts, paths } = yield* readEntries(sources);
  const n = bucketCount(hosts.length);
  const buckets: string[][] = Array.from({ length: n }, () => []);
  const d1 = new Uint32Array(n);
  const d2 = new Uint32Array(n);
  for (let i = 0; i < hosts.length; i += SLICE_HOSTS) {
    const end = Math.min(i + SLICE_HOSTS, hosts.length);
    for (let k = i; k < end; k++) {
      const host = hosts[k]!;
      const [h1, h2] = hashPair(host);
      const b = h1 & (n - 1);
      const bucket = buckets[b]!;
      bucket.push(host);
      // Only an IPv4 entry (last character a digit: most hosts skip the regex) has aliases.
      const last = host.charCodeAt(host.length - 1);
      if (last >= 48 && last <= 57) for (const alias of ipv4Aliases(host)) bucket.push(alias);
      // Commutative: a bucket's digest names its set of hosts, whatever order a
      // source lists them in (the compact engine gives table order, a Blocklist
      // list order), so the same hosts never cost a reinstall.
      d1[b] = d1[b]! + (Math.imul(h1, 0x01000193) ^ h2);
      d2[b] = d2[b]! ^ (Math.imul(h2, 0x9e3779b1) + h1);
    }
    yield;
  }
  const target = hashPair(`${warningPageUrl}\n${excluded.join(' ')}`).join('.');
  const rules: DnrRule[] = [];
  const digests: Record<string, string> = {};
  buckets.forEach((requestDomains, b) => {
    if (requestDomains.length === 0) return;
    const pair = rulePair([FIRST_REDIRECT_ID + b, FIRST_BLOCK_ID + b], requestDomains, warningPageUrl, excluded);
    for (const rule of pair) {
      digests[rule.id] = `${requestDomains.length}.${d1[b]}.${d2[b]}.${target}`;
      rules.push(rule);
    }
  });
  const extra = [...pathRuleSet(paths, n, warningPageUrl, excluded, target, limits), ...(limits.trailingDotUnmatched && (rules.length > 0 || paths.length > 0) ? trailingDotRules(warningPageUrl, excluded, target) : [])];
  for (const { rule, digest } of extra) {
    rules.push(rule);
    digests[rule.id] = digest;
  }
  return { rules, digests };
}

/** What the browser takes (tests use smaller ones), and how it matches hosts. */
export interface RuleLimits {
  regexRules: number;
  dynamicRules: number;
  /** requestDomains misses `host.` (Firefox): the TRAILING_DOT_URL rules are added. */
  trailingDotUnmatched?: boolean;
  /** How a rule says "every type, frames too" (blockRule): Chromium's list, or null for Firefox's empty exclusion. */
  everyType: readonly ResourceType[] | null;
}
export const BROWSER_LIMITS: RuleLimits = { regexRules: MAX_REGEX_RULES, dynamicRules: MAX_DYNAMIC_RULES, everyType: CHROMIUM_TYPES };
export const FIREFOX_LIMITS: RuleLimits = { ...BROWSER_LIMITS, trailingDotUnmatched: true, everyType: null };

/** The TRAILING_DOT_URL pair: for any host, so without requestDomains. */
function trailingDotRules(warningPageUrl: string, excluded: readonly string[], target: string): Built[] {
  return rulePair([TRAILING_DOT_ID, TRAILING_DOT_ID + 1], [], warningPageUrl, excluded, TRAILING_DOT_URL).map(({ condition: { requestDomains: _any, ...condition }, ...rule }) => ({
    rule: { ...rule, condition },
    digest: `trailing-dot.${target}`,
  }));
}
/** Kept free in both budgets, so a browser's own count (or one more rule of ours) never tips a call over. */
const MARGIN = 8;

/**
 * Path groups that fit in the regex rules the `n` bucket redirect rules leave
 * (two each, plus the ENCODED_PATH pair, the hold and doubled-slash rules,
 * and the trailing-dot pair where the browser needs it),
 * then urlFilter groups in the rules left of the dynamic budget.
 */
function pathBudgets(n: number, limits: RuleLimits): [regexGroups: number, filterGroups: number] {
  const trailingDot = limits.trailingDotUnmatched ? 2 : 0;
  const regexGroups = Math.floor((limits.regexRules - n - 2 - 2 - trailingDot - MARGIN) / 2);
  return [regexGroups, limits.dynamicRules - MARGIN - 2 * n - 2 - 2 * Math.max(0, regexGroups) - 3 - trailingDot];
}

interface Built {
  rule: DnrRule;
  digest: string;
}

/**
 * Rules for path entries (path-rules.ts): a regex pair per pattern group and
 * one for encoded paths; past the regex budget, the hold of those hosts'
 * frames, urlFilter block rules, and whole-host blocks past both budgets.
 */
function pathRuleSet(paths: readonly string[], n: number, warningPageUrl: string, excluded: readonly string[], target: string, limits: RuleLimits): Built[] {
  if (paths.length === 0) return [];
  const plan = planPathRules(paths, ...pathBudgets(n, limits));
  const withAliases = (hosts: readonly string[]) => hosts.flatMap((h) => [h, ...ipv4Aliases(h)]);
  const digest = (key: string, hosts: readonly string[]) => `${hosts.length}.${hashPair(`${key}\n${hosts.join(' ')}`).join('.')}.${target}`;
  // Every block of held hosts covers their frames: only POSTs get past the hold to them.
  const block = (id: number, hosts: readonly string[], filter: { regexFilter: string } | { urlFilter: string } | object): Built => ({
    rule: blockRule(id, withAliases(hosts), excluded, filter, everyTypeIn(limits)),
    digest: digest(`frames ${JSON.stringify(filter)}`, hosts), // 'frames': not the frame-less rule of rules-v5
  });
  const groups = [{ pattern: ENCODED_PATH, hosts: plan.hosts }, ...plan.groups];
  const built = groups.flatMap(({ pattern, hosts }, g): Built[] => {
    const ids: [number, number] = [FIRST_PATH_ID + 2 * g, FIRST_PATH_ID + 2 * g + 1];
    return rulePair(ids, withAliases(hosts), warningPageUrl, excluded, pattern).map((rule) => ({ rule, digest: digest(pattern, hosts) }));
  });
  if (plan.held.length === 0) return built;
  const held = redirectRule(HOLD_ID, withAliases(plan.held), warningPageUrl, excluded);
  const hold: DnrRule = { ...held, priority: HOLD_PRIORITY, condition: { ...held.condition, excludedRequestMethods: ['post'] } };
  built.push({ rule: hold, digest: digest('hold but post', plan.held) }, block(DOUBLED_SLASH_ID, plan.held, { regexFilter: DOUBLED_SLASH }));
  plan.filtered.forEach(({ pattern, hosts }, i) => built.push(block(FIRST_FILTER_ID + i, hosts, { urlFilter: pattern })));
  if (plan.blockedWhole.length > 0) built.push(block(BLOCKED_WHOLE_ID, plan.blockedWhole, {}));
  return built;
}

/** Every dynamic rule id this extension may use (to replace them all without reading them first). */
export function allRuleIds(): number[] {
  const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
  return [
    ...range(FIRST_REDIRECT_ID, MAX_REDIRECT_RULES), ...range(FIRST_BLOCK_ID, MAX_REDIRECT_RULES), ...range(FIRST_PATH_ID, MAX_REGEX_RULES),
    ...range(HOLD_ID, FIRST_FILTER_ID - HOLD_ID + MAX_DYNAMIC_RULES),
  ];
}

/** Redirect rules for plain host lists, at once (tests, scripts). */
export function buildRedirectRules(hosts: readonly string[], warningPageUrl: string, excluded: readonly string[] = []): RedirectRules {
  const source: HostSource = { size: hosts.length, dnrEntries: (from, to) => ({ hosts: hosts.slice(from, to), paths: [] }) };
  return finish(redirectRules([source], warningPageUrl, excluded));
}

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
      regexFilter: `^(?:http|ws)s?://${escapeRegex(host)}(:[0-9]+)?[/?#]`,
      requestDomains: [host],
      resourceTypes: ALL_TYPES,
    },
  };
}

/**
 * Whether DNR redirects a navigation matching an entry before its request:
 * every entry does once its rules are in (path entries over the regex budget
 * through the hold). While new rules are being installed, only what the
 * installed ones have: `installedEntry` is their match for the URL (null:
 * none), undefined when no install is pending.
 */
export function dnrRedirectsBefore(installedEntry?: string | null): boolean {
  return installedEntry !== null;
}

/**
 * The characters a urlFilter reads as wildcard, anchor or separator, which a
 * pass therefore writes percent-encoded (servers read `%2A` as `*`).
 */
export const passableUrl = (url: string): string => url.replace(/[*^|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Lets the frames of tab `tabId` load exactly `url` (with any fragment) once
 * through the hold: the warning page judged it and found it unlisted. Two
 * session rules (urlFilter cannot say "this URL, and a fragment or nothing"),
 * case-sensitive, in the tab's slot; `url` must be passableUrl's.
 */
export function passRules(tabId: number, url: string): DnrRule[] {
  const id = FIRST_PASS_ID + 2 * (tabId % PASS_SLOTS);
  const host = new URL(url).hostname;
  const rule = (i: number, urlFilter: string): DnrRule => ({
    id: id + i,
    priority: ALLOW_PRIORITY,
    action: { type: 'allow' },
    condition: { urlFilter, isUrlFilterCaseSensitive: true, tabIds: [tabId], requestDomains: [host], resourceTypes: FRAME_TYPES },
  });
  return [rule(0, `|${url}|`), rule(1, `|${url}#`)];
}

/** True for a pass of passRules. */
export const isPassRule = (r: { id: number }): boolean => r.id >= FIRST_PASS_ID && r.id < FIRST_PASS_ID + 2 * PASS_SLOTS;
