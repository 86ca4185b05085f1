// A sign-in service's name heading a free site's name, whatever follows
// (`outlookmigration.godaddysites.com`, `outlookhelpmaintenan.creatorlink.net`,
// `hotmailverifyus.weebly.com`): on a site builder's free site (free-host.ts)
// nobody names a page after a webmail or sign-in service (brands.json
// `services`) but to pass for its sign-in page. Elsewhere a word service
// glued to other words is a name (`outlookindia`, `outlookcreations`), and
// on a developer's platform a tool's (`outlook-addin.azurewebsites.net`):
// only free hosts count, not free endings or shared hosts in general.
// Only names of 5+ letters (not `aol`, `o365`, which start other words), and
// glue words may stand before it (`myoutlookupdate`).
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import { isGlue } from './segment.ts';
import type { Lookalike } from './verdict.ts';
import { perIndex } from './per-index.ts';

const MIN_SERVICE = 5;

const servicesOf = perIndex((index): readonly (readonly [string, Target])[] => [...index.byService].filter(([w]) => w.length >= MIN_SERVICE));

export function byFreeService(index: ProtectedIndex, parts: HostParts): Lookalike | null {
  if (!parts.freeHost) return null;
  const token = parts.labelTokens[0] ?? '';
  for (const [w, t] of servicesOf(index)) {
    if (token.length <= w.length) continue;
    const at = token.indexOf(w);
    if (at < 0 || !isGlue(token.slice(0, at), false)) continue;
    return { imitates: t.domain, brand: t.brand, rule: 'embedded-brand', part: parts.labelText };
  }
  return null;
}
