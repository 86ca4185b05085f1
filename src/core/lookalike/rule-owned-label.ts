// An owned domain's label under an ending the brand does not own
// (`fbcdn.store`, `googleapis.xyz`, `msauth.top`): as for the brand's own
// label (rule-foreign-tld.ts), the name of a brand's CDN, API or sign-in
// host is nobody else's, so under another generic ending it is an
// imitation. Only labels named after the brand, its other names or a
// product word with more glued on (`fbcdn`, `kakaocdn`, `windowsupdate`):
// owned labels that are words or names of their own (`band`, `swift`,
// `twitch`, `android`), or an ordinary word with more (`protonvpn`), may be
// anyone's elsewhere. Country endings and shared
// hosts' suffixes are left alone, as the foreign-TLD rule leaves them.
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import { isForeignEnding } from './rule-foreign-tld.ts';
import type { Lookalike } from './verdict.ts';

/** Shorter labels (`fb`, `gvt1`) are too easily someone else's. */
const MIN_OWNED_LABEL = 5;

/**
 * A name of the brand that is no ordinary word: its distinctive or plain
 * label (`google`, `kakao`, `icloud`), or a short product word (`fb`, `ms`);
 * `proton` or `windows` with more glued on may be anyone's (`protonvpn.org`).
 */
function isOwnName(index: ProtectedIndex, name: string): boolean {
  if (index.byToken.has(name) || index.byLureToken.get(name)?.kind === 'plain') return true;
  return index.byProduct.has(name) && !index.byLureToken.has(name) && !index.words.some(([w]) => w === name);
}

/** The label begins with one of the brand's own names, with more after it. */
function namedAfterBrand(index: ProtectedIndex, label: string, t: Target): boolean {
  for (const n of [t.label, ...t.names]) if (label.length > n.length && label.startsWith(n) && isOwnName(index, n)) return true;
  return false;
}

export function byOwnedLabel(index: ProtectedIndex, parts: HostParts): Lookalike | null {
  if (parts.label.length < MIN_OWNED_LABEL) return null;
  const t = index.ownedLabels.get(parts.label);
  if (!t || !namedAfterBrand(index, parts.label, t) || !isForeignEnding(parts)) return null;
  return { imitates: t.domain, brand: t.brand, rule: 'foreign-tld', part: parts.suffix };
}
