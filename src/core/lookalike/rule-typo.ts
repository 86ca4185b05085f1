// Edit distance per token: a token (or the whole label) is a small typo of a
// distinctive brand (`micosoft`, `gmial`, `googl-access`, `office356-us`,
// `gitnub`), compared in loose fold so `glthub`-style swaps cost nothing.
import type { ProtectedIndex, Target } from './protected-index.ts';
import { isTypoOf } from './typo.ts';

/** A typo is at most one letter longer or shorter than the brand (typo.ts). */
const MAX_LENGTH_DIFFERENCE = 1;
/** Typo targets have 5+ letters, so a typo has 4+. */
const MIN_TYPO = 4;

function typoIn(byLength: ReadonlyMap<number, readonly Target[]>, loose: string, stemmed: boolean): Target | undefined {
  for (let d = -MAX_LENGTH_DIFFERENCE; d <= MAX_LENGTH_DIFFERENCE; d++) {
    for (const t of byLength.get(loose.length + d) ?? []) {
      // typo.ts keeps the first letter below 9 letters (a swap may move it one place): skip the rest unread.
      if (t.loose.length < 9 && t.loose[0] !== loose[0] && t.loose[0] !== loose[1]) continue;
      if (stemmed && !loose.startsWith(t.loose.slice(0, t.domain.indexOf('.')))) continue;
      if (isTypoOf(loose, t.loose, t.maxEdits)) return t;
    }
  }
  return undefined;
}

/**
 * A typo of a protected label, or of a long owned one that keeps the
 * brand's name (`googletagamnager` for googletagmanager, Google's).
 * `loose` is the token's loose fold.
 */
export function typoTarget(index: ProtectedIndex, loose: string): Target | undefined {
  if (loose.length < MIN_TYPO) return undefined;
  return typoIn(index.fuzzyByLength, loose, false) ?? typoIn(index.ownedByLength, loose, true);
}
