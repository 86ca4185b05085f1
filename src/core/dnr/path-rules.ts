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
// URL exactly. Entries sharing a pattern share one rule; patterns beyond the
// regex budget are left to the navigation fallback and reported.

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

export interface PathGroup {
  regex: string;
  hosts: string[];
}

export interface PathPlan {
  /** One rule pair each, most hosts first. */
  groups: PathGroup[];
  /** Every host with a path entry (the ENCODED_PATH rule pair). */
  hosts: string[];
  /** Entries over the regex budget: the navigation fallback's. */
  leftToFallback: string[];
}

/** Groups path entries (`host/path...`) by pattern; at most `maxGroups` groups. */
export function planPathRules(entries: readonly string[], maxGroups: number): PathPlan {
  const byRegex = new Map<string, { hosts: Set<string>; entries: string[] }>();
  const hosts = new Set<string>();
  for (const entry of entries) {
    const slash = entry.indexOf('/');
    const host = entry.slice(0, slash);
    const regex = pathPattern(entry.slice(slash));
    const group = byRegex.get(regex) ?? { hosts: new Set(), entries: [] };
    group.hosts.add(host);
    group.entries.push(entry);
    byRegex.set(regex, group);
    hosts.add(host);
  }
  const ordered = [...byRegex].sort(([ra, a], [rb, b]) => b.hosts.size - a.hosts.size || (ra < rb ? -1 : 1));
  const budget = Math.max(0, maxGroups);
  return {
    groups: ordered.slice(0, budget).map(([regex, g]) => ({ regex, hosts: [...g.hosts] })),
    hosts: [...hosts],
    leftToFallback: ordered.slice(budget).flatMap(([, g]) => g.entries),
  };
}
