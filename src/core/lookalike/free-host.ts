// Free hosts the Public Suffix List does not know as shared (`hol.es`,
// `pe.hu`, `kro.kr`) or knows only as a private suffix (`ddns.net`): each
// site under them is someone's free site, so the rules judge it as its own
// registrable domain, and a brand's own label there is no brand's page
// (vocabulary.json, freeHosts, says where the list comes from).
import VOCABULARY from './vocabulary.json' with { type: 'json' };

const FREE_HOSTS: ReadonlySet<string> = new Set(VOCABULARY.freeHosts);
/** Registrable parents of the three-label entries (`multiscreensite.com` of `editor.multiscreensite.com`). */
const DEEP_PARENTS: ReadonlySet<string> = new Set(VOCABULARY.freeHosts.filter((h) => h.split('.').length > 2).map((h) => h.slice(h.indexOf('.') + 1)));

/**
 * The free-host parent of `host`, when a site name stands left of it; else
 * null. `domain` and `suffix` are tldts's reading (private section on), so
 * this is two or three Set lookups, no scan of the host.
 */
export function freeHostOf(host: string, domain: string, suffix: string): string | null {
  if (FREE_HOSTS.has(suffix)) return host.length > suffix.length ? suffix : null;
  if (FREE_HOSTS.has(domain)) return host.length > domain.length ? domain : null;
  if (!DEEP_PARENTS.has(domain)) return null;
  const parent = host.slice(host.lastIndexOf('.', host.length - domain.length - 2) + 1);
  // The longest entry wins: `editor.multiscreensite.com`, with a site name left of it.
  return FREE_HOSTS.has(parent) && host.length > parent.length ? parent : null;
}

const FREE_ENDINGS: ReadonlySet<string> = new Set(VOCABULARY.freeEndings);

/** A top-level domain that was given away free (vocabulary.json, freeEndings). */
export function isFreeEnding(suffix: string): boolean {
  return FREE_ENDINGS.has(suffix);
}
