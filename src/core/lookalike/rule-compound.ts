// A brand glued to other words in one token (`mymicrosoftaccount`,
// `googleeplay`, `chromegoogle`, `paypalbtc`, `amazonbalance`,
// `selfmicrosofrtenabletrue`). Long brands count anywhere (9+ letters even
// with one edit); a 6-letter brand only when the rest of the token reads as
// words phishers glue on (segment.ts), so `googleplex` stays quiet.
import { looseFold } from './fold.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import { findInside, isGlue } from './segment.ts';

const MIN_GLUED = 6;
const MIN_ANYWHERE = 7;
const MIN_WITH_EDIT = 9;

export function compoundTarget(index: ProtectedIndex, token: string): Target | undefined {
  const loose = looseFold(token);
  for (const t of index.fuzzy) {
    const len = t.loose.length;
    if (len < MIN_GLUED || loose.length <= len) continue;
    const at = findInside(loose, t.loose, len >= MIN_WITH_EDIT ? 1 : 0);
    if (!at) continue;
    // The loose fold keeps positions (one letter for one), so the rest is read unfolded.
    if (len >= MIN_ANYWHERE || (isGlue(token.slice(0, at.start)) && isGlue(token.slice(at.end)))) return t;
  }
  return undefined;
}
