// A brand glued to other words in one token (`mymicrosoftaccount`,
// `googleeplay`, `chromegoogle`, `paypalbtc`, `amazonbalance`,
// `selfmicrosofrtenabletrue`, `forkdeltagithub`). Brands of 9+ letters
// count anywhere, even with one edit; shorter ones only when what follows is
// glue words or a short filler (segment.ts) and what precedes is glue words
// or, for 6+ letters, a word of 4+ letters. So `googleplex`, `hicloud`,
// `shotmail`, `pineapple` and `linkedindiscount` stay quiet.
import { looseFold } from './fold.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import { findInside, isGlue } from './segment.ts';

const MIN_GLUED = 5;
const MIN_ANYWHERE = 9;
/** A brand of 6+ letters may follow any word this long (`forkdeltagithub`), not a stray letter or two (`hicloud`). */
const MIN_LONG_BRAND = 6;
const MIN_FREE_PREFIX = 4;

function prefixFits(prefix: string, t: Target): boolean {
  return isGlue(prefix, false) || (!t.composed && t.loose.length >= MIN_LONG_BRAND && prefix.length >= MIN_FREE_PREFIX);
}

/** A short filler may end the name only after a long brand of its own (`paypalbtc`, not `gmailxyz`). */
function suffixFits(suffix: string, t: Target): boolean {
  return isGlue(suffix, !t.composed && t.loose.length >= MIN_LONG_BRAND);
}

export function compoundTarget(index: ProtectedIndex, token: string): Target | undefined {
  const loose = looseFold(token);
  for (const t of index.fuzzy) {
    const len = t.loose.length;
    if (len < MIN_GLUED || loose.length <= len) continue;
    const at = findInside(loose, t.loose, len >= MIN_ANYWHERE ? 1 : 0);
    if (!at) continue;
    // The loose fold keeps positions (one letter for one), so the rest is read unfolded.
    if (len >= MIN_ANYWHERE || (prefixFits(token.slice(0, at.start), t) && suffixFits(token.slice(at.end), t))) return t;
  }
  return undefined;
}
