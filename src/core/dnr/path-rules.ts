// Path entries (`host/login/`, `host/page.php?id=1`) as DNR regex conditions,
// so they are stopped before the request like whole domains, instead of by a
// navigation fallback that races the request (and loses: a POST body
// reached the server).
//
// Limits that shape this, measured in Chromium (isRegexSupported): a regex
// must compile into RE2's 2 KB; allowing each path character also in its
// percent-encoded form (`(?:l|%6C)`) exceeds that from ~20 characters, and
// even plain text does at ~100. So a pattern matches the path's own text
// (case-insensitively, DNR's default, so `/LOGIN/` is caught too), cut to
// MAX_PATH_CHARS (a longer entry matches as a prefix: more, never less), with
// runs of slashes allowed as the Safe Browsing reading collapses them. A path
// that spells an unreserved character or `/` in percent form, the way to
// dodge a text match, is caught for every host that has path entries by one
// more pattern (ENCODED_PATH): legitimate URLs do not encode those
// characters (RFC 3986, 2.3), and the warning page then judges the decoded
// URL exactly. Entries sharing a pattern share one rule.
//
// Past the regex budget (a feed of phishing URLs has thousands of paths)
// nothing is left to a navigation check that races the request: the frames
// of those hosts are held whole (redirected to the warning page, which judges
// the URL exactly and lets an unlisted page through at once, rules.ts
// passRules), and their other requests are blocked by plain urlFilter rules
// (no regex, so only the browsers' rule count bounds them); the hosts past
// that budget too have every request blocked. When it cannot be sure, it blocks.

export const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Longest path (and query) text a pattern spells out; see above. */
export const MAX_PATH_CHARS = 48;

const ORIGIN = '^(?:http|ws)s?://[^/?#]*';

/** A path with a percent-encoded unreserved character or slash (%2D %2E %2F 0-9 A-Z _ a-z ~). */
export const ENCODED_PATH = `${ORIGIN}/[^?#]*%(?:2[def]|3[0-9]|[46][1-9a-f]|[57][0-9a]|5f|7e).*`;

const spell = (path: string): string => path.split('/').map(escapeRegex).join('/+');

/** The regexFilter for the path-and-query part of an entry (starts with `/`). */
export function pathPattern(pathAndQuery: string): string {
  const q = pathAndQuery.indexOf('?');
  const path = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
  const query = q < 0 ? null : pathAndQuery.slice(q + 1);
  if (path.length > MAX_PATH_CHARS) return `${ORIGIN}${spell(path.slice(0, MAX_PATH_CHARS))}.*`;
  if (path.endsWith('/')) return `${ORIGIN}${spell(path)}.*`;
  // An exact page: any query of it when its own query is too long to spell.
  if (query === null || path.length + query.length > MAX_PATH_CHARS) return `${ORIGIN}${spell(path)}(?:[?#].*)?$`;
  return `${ORIGIN}${spell(path)}\\?${escapeRegex(query)}(?:#.*)?$`;
}

/**
 * The urlFilter for a path entry over the regex budget: its text, matched
 * anywhere in the URL of a host its rule names (so also deeper in the path or
 * in the query: more, never less). `*` is urlFilter's wildcard; `|` and `^`,
 * its anchors and separator, become one too.
 */
export function pathUrlFilter(pathAndQuery: string): string {
  return pathAndQuery.replace(/[|^]/g, '*');
}

/** A path with a run of slashes, which a urlFilter cannot spell as one: blocked outright on held hosts. */
export const DOUBLED_SLASH = `${ORIGIN}/[^?#]*//.*`;

export interface PathGroup {
  /** A regexFilter (`groups`) or a urlFilter (`filtered`). */
  pattern: string;
  hosts: string[];
}

export interface PathPlan {
  /** One regex rule pair each, most hosts first. */
  groups: PathGroup[];
  /** Every host with a path entry (the ENCODED_PATH rule pair). */
  hosts: string[];
  /** Groups over the regex budget: a urlFilter block rule each. */
  filtered: PathGroup[];
  /** Hosts with entries over the regex budget: their frames are held whole. */
  held: string[];
  /** Hosts with entries over both budgets: every request to them is blocked. */
  blockedWhole: string[];
}

const hostOf = (entry: string) => entry.slice(0, entry.indexOf('/'));

/** Groups `entries` by `key`, most hosts first (ties by key, so the plan is the same for the same list). */
function grouped(entries: readonly string[], key: (pathAndQuery: string) => string): PathGroup[] {
  const by = new Map<string, Set<string>>();
  for (const entry of entries) {
    const k = key(entry.slice(entry.indexOf('/')));
    const hosts = by.get(k) ?? new Set<string>();
    hosts.add(hostOf(entry));
    by.set(k, hosts);
  }
  return [...by]
    .sort(([ka, a], [kb, b]) => b.size - a.size || (ka < kb ? -1 : 1))
    .map(([pattern, hosts]) => ({ pattern, hosts: [...hosts] }));
}

const hostsOf = (groups: readonly PathGroup[]) => [...new Set(groups.flatMap((g) => g.hosts))];

/**
 * Plans the rules for path entries (`host/path...`): at most `maxRegexGroups`
 * regex groups, then at most `maxFilterGroups` urlFilter groups for the rest.
 */
export function planPathRules(entries: readonly string[], maxRegexGroups: number, maxFilterGroups: number): PathPlan {
  const byRegex = grouped(entries, pathPattern);
  const regexBudget = Math.max(0, maxRegexGroups);
  const groups = byRegex.slice(0, regexBudget);
  const overRegex = new Set(byRegex.slice(regexBudget).map((g) => g.pattern));
  const over = entries.filter((e) => overRegex.has(pathPattern(e.slice(e.indexOf('/')))));
  const byFilter = grouped(over, pathUrlFilter);
  const filterBudget = Math.max(0, maxFilterGroups);
  return {
    groups,
    hosts: [...new Set(entries.map(hostOf))],
    filtered: byFilter.slice(0, filterBudget),
    held: hostsOf(byFilter),
    blockedWhole: hostsOf(byFilter.slice(filterBudget)),
  };
}
