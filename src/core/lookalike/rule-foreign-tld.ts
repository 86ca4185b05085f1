// Brand under a foreign TLD: the brand's exact label under a generic ending
// it does not own (`paypal.xyz`, `gmail.co`, `microsoftonline.club`). Under a
// national ending (`google.de`, `hotmail.fr`, `docusign.co.uk`) the big brands
// mostly hold their own name, so the label is left to the blocklists there,
// as it is on a shared host's private suffix (`microsoft.github.io`) and for
// ordinary words (`live.xyz`). On a free host (free-host.ts) any brand's
// label is an imitation, reported as the brand put in front of that host.
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex } from './protected-index.ts';
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
  // An ending that does not exist (`hotmail.con`) is a mail typo catcher's, not a site to sign in to.
  if (parts.privateSuffix || !parts.knownSuffix || t.kind === 'word' || t.kind === 'generic') return 'own';
  if (isCountryEnding(parts.suffix)) return 'own';
  return { imitates: t.domain, brand: t.brand, rule: 'foreign-tld', part: parts.suffix };
}
