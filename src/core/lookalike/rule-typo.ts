// Edit distance per token: a token (or the whole label) is a small typo of a
// distinctive brand (`micosoft`, `gmial`, `googl-access`, `office356-us`,
// `gitnub`), compared in loose fold so `glthub`-style swaps cost nothing.
import { looseFold } from './fold.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import { isTypoOf } from './typo.ts';

/** A typo is at most this many letters longer or shorter than the brand. */
const MAX_LENGTH_DIFFERENCE = 2;

function typoIn(targets: readonly Target[], loose: string): Target | undefined {
  return targets.find((t) => Math.abs(t.loose.length - loose.length) <= MAX_LENGTH_DIFFERENCE && isTypoOf(loose, t.loose, t.maxEdits));
}

/** A typo of a protected label, or of a long owned one (`googletagamnager` for googletagmanager, Google's). */
export function typoTarget(index: ProtectedIndex, token: string): Target | undefined {
  const loose = looseFold(token);
  return typoIn(index.fuzzy, loose) ?? typoIn(index.ownedFuzzy.filter((t) => token.startsWith(t.domain.split('.')[0]!)), loose);
}
