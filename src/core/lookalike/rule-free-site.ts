// A brand anywhere in a free site's name (free-host.ts: `naverkorea.esy.es`,
// `appwefacebooe9.webcindario.com`, `linkdninl.netii.net`). Elsewhere a brand
// glued to other words must be glued to glue words (rule-compound.ts), as
// ordinary names hold brands (`googleplex`); a free site is no brand's page
// and costs nothing to throw away, so a distinctive brand in its name, or a
// brand of 6+ letters with one slip, is the imitation it looks like.
import { GRAM, targetsAtGram, type ProtectedIndex, type Target } from './protected-index.ts';
import { holdsCredential } from './lure.ts';
import { findInside } from './segment.ts';

/** Brands of this length may carry one slip (the typo rule's own bar for one edit: typo.ts). */
const MIN_WITH_SLIP = 6;
const MIN_BRAND = 5;

function edits(t: Target): number {
  return !t.composed && t.loose.length >= MIN_WITH_SLIP ? 1 : 0;
}

/**
 * A plain name (`apple`, `github`) on a free site: as written (with a slip
 * it is any word's: `apply`), and with a credential word in the same token
 * (`loginsecapplesecureaccountupdated.ga`), as ordinary names hold it too
 * (`pineapple.tk`).
 */
function plainInside(t: Target, loose: string): boolean {
  return t.kind === 'plain' && !t.composed && loose.includes(t.loose) && holdsCredential(loose);
}

/** `loose` is the token's loose fold; only longer tokens (the bare brand is the other rules' business). */
export function freeSiteTarget(index: ProtectedIndex, loose: string): Target | undefined {
  for (let i = 0; i + GRAM <= loose.length; i++) {
    const hits = targetsAtGram(index, loose, i);
    if (!hits) continue;
    for (const t of hits) {
      if (t.loose.length < MIN_BRAND || loose.length <= t.loose.length) continue;
      if (t.kind === 'distinctive' ? findInside(loose, t.loose, edits(t)) : plainInside(t, loose)) return t;
    }
  }
  return undefined;
}
