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
// Chunks of 50k keep each update small and were ~30 MB leaner in Firefox.

export const REDIRECT_PRIORITY = 1;
export const ALLOW_PRIORITY = 2;
export const CHUNK_SIZE = 50_000;
/** Dynamic redirect rules use ids 1..MAX_CHUNKS. */
export const FIRST_REDIRECT_ID = 1;
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

/**
 * Redirect rules sending top-level navigations to `warningPageUrl#<original URL>`.
 * `hosts` must be canonical (lower-case ASCII / punycode, IPv6 in brackets).
 */
export function buildRedirectRules(
  hosts: Iterable<string>,
  warningPageUrl: string,
  excluded: readonly string[] = [],
): DnrRule[] {
  // De-duplicated in input order (deterministic for a given list set). Not
  // sorted: both browsers index requestDomains themselves, and sorting 1M
  // strings here cost ~2 s of worker time.
  const unique = [...new Set(hosts)];
  const rules: DnrRule[] = [];
  for (let i = 0; i < unique.length; i += CHUNK_SIZE) {
    rules.push({
      id: FIRST_REDIRECT_ID + rules.length,
      priority: REDIRECT_PRIORITY,
      action: { type: 'redirect', redirect: { regexSubstitution: `${warningPageUrl}#\\0` } },
      condition: {
        regexFilter: '^https?://.*',
        requestDomains: unique.slice(i, i + CHUNK_SIZE),
        ...(excluded.length > 0 ? { excludedRequestDomains: [...excluded] } : {}),
        resourceTypes: ['main_frame'],
      },
    });
  }
  return rules;
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

/** Hosts DNR can redirect as a whole (domain and IP entries); path entries are left to the navigation fallback. */
export function* redirectHosts(blocklists: Iterable<{ hostEntries(): Iterable<{ host: string; kind: string }> }>): Generator<string> {
  for (const list of blocklists) {
    for (const e of list.hostEntries()) if (e.kind === 'domain' || e.kind === 'ip') yield e.host;
  }
}

/** True for entries the redirect rules cover (a whole domain or IP: `host/`), false for path entries. */
export function isRedirectedByRules(entry: string): boolean {
  return entry.indexOf('/') === entry.length - 1;
}
