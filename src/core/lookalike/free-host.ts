// Free hosts the Public Suffix List does not know as shared (`hol.es`,
// `pe.hu`, `kro.kr`) or knows only as a private suffix (`ddns.net`): each
// site under them is someone's free site, so the rules judge it as its own
// registrable domain, and a brand's own label there is no brand's page
// (vocabulary.json, freeHosts, says where the list comes from).
import VOCABULARY from './vocabulary.json' with { type: 'json' };

const FREE_HOSTS: ReadonlySet<string> = new Set(VOCABULARY.freeHosts);
/** Entries have two or three labels (`pe.hu`, `editor.multiscreensite.com`). */
const MAX_LABELS = 3;

/** The free-host parent `host` ends with, when a site name stands left of it; else null. A few Set lookups. */
export function freeHostOf(host: string): string | null {
  let found: string | null = null;
  let at = host.length;
  for (let labels = 1; labels <= MAX_LABELS; labels++) {
    at = host.lastIndexOf('.', at - 1);
    if (at <= 0) return found;
    const parent = host.slice(at + 1);
    // The longest entry wins: `editor.multiscreensite.com`, not a shorter one.
    if (labels > 1 && FREE_HOSTS.has(parent)) found = parent;
  }
  return found;
}

const FREE_ENDINGS: ReadonlySet<string> = new Set(VOCABULARY.freeEndings);

/** A top-level domain that was given away free (vocabulary.json, freeEndings). */
export function isFreeEnding(suffix: string): boolean {
  return FREE_ENDINGS.has(suffix);
}
