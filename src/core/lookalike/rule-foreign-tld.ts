// Brand under a foreign TLD: the brand's exact label under a generic ending
// it does not own (`paypal.xyz`, `gmail.co`, `microsoftonline.club`). Under a
// national ending (`google.de`, `hotmail.fr`, `docusign.co.uk`) the big brands
// mostly hold their own name, so the label is left to the blocklists there,
// as it is on a shared host's private suffix (`microsoft.github.io`) and for
// ordinary words (`live.xyz`). On a free host (free-host.ts) any brand's
// label is an imitation, reported as the brand put in front of that host.
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import type { Lookalike } from './verdict.ts';

/** Country codes sold as generic endings: a brand there is not a national site. */
const GENERIC_COUNTRY_CODES: ReadonlySet<string> = new Set([
  'co', 'io', 'me', 'tv', 'cc', 'ws', 'ly', 'to', 'gd', 'ai', 'sh', 'la', 'fm', 'am', 'nu', 'vc', 'gg', 'so', 'su', 'ms', 'tk', 'ml', 'ga', 'cf', 'gq', 'pw', 'cx', 'st', 'bz', 'ac',
]);

function isCountryEnding(suffix: string): boolean {
  const last = suffix.slice(suffix.lastIndexOf('.') + 1);
  return last.length === 2 && !GENERIC_COUNTRY_CODES.has(last);
}

/** 'own' when the label is a brand's and the site counts as the brand's; null when the label is no brand's. */
export function byForeignTld(index: ProtectedIndex, parts: HostParts): Lookalike | 'own' | null {
  const t = index.byLabel.get(parts.label);
  if (!t) return null;
  // A free site named just like the brand (`naver.hol.es`): no brand signs in there.
  if (parts.freeHost && t.kind !== 'generic') return { imitates: t.domain, brand: t.brand, rule: 'subdomain', part: parts.suffix };
  if (!t.national && parts.knownSuffix && abroad(t, parts)) return found(t, parts);
  // An ending that does not exist (`hotmail.con`) is a mail typo catcher's, not a site to sign in to.
  if (parts.privateSuffix || !parts.knownSuffix || t.kind === 'word' || t.kind === 'generic') return 'own';
  if (isCountryEnding(parts.suffix)) return 'own';
  return found(t, parts);
}

/** A generic ending on the Public Suffix List's ICANN section: no shared host's suffix, no country's ending, no made-up one. */
export function isForeignEnding(parts: HostParts): boolean {
  return !parts.privateSuffix && parts.knownSuffix && !isCountryEnding(parts.suffix);
}

function found(t: Target, parts: HostParts): Lookalike {
  return { imitates: t.domain, brand: t.brand, rule: 'foreign-tld', part: parts.suffix };
}

/**
 * For an owner without national sites: its own domain with more after it
 * (`daum.net.pl`, `naver.com.se`), or a distinctive name under a country's
 * ending (`naver.co.in`). Not a shared host's own name (`naver.github.io`
 * may be the brand's page).
 */
function abroad(t: Target, parts: HostParts): boolean {
  if (t.kind === 'generic') return false;
  if (parts.suffix.startsWith(t.domain.slice(t.label.length + 1) + '.')) return true;
  return !parts.privateSuffix && t.kind !== 'word' && isCountryEnding(parts.suffix);
}
