// A product word written with a look-alike character (`wind0ws`,
// `iph0ne`, `itunes` with a Cyrillic `е`): the skeleton rule reads a brand's
// own labels so, but product words only count next to a sign-in word
// (rule-product.ts), as `windows` or `chrome` alone are anyone's words.
// Written with a digit or a confusable for a letter, though, the word is
// disguised, and nobody disguises a word but to pass for the brand's.
// So is one with an l for its i, or a leet digit, as the loose fold reads
// distinctive brands (`lphone`, `ltunes`: fold.ts): no word is spelt so.
// Only product words of 5+ letters that are no glue words (not `drive`,
// `prime`: glued to anything), so a stray digit in a short name stays quiet.
import { firstSubstitution, looseFold } from './fold.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import type { Lookalike } from './verdict.ts';
import { perIndex } from './per-index.ts';

const MIN_PRODUCT = 5;

const productsBySkeleton = perIndex((index): ReadonlyMap<string, Target> => new Map(index.productWords.filter(([w]) => w.length >= MIN_PRODUCT)));

/** The same products by their loose fold, where it differs from the word (`lphone` for iphone), with the word. */
const productsByLoose = perIndex((index): ReadonlyMap<string, readonly [string, Target]> => {
  const map = new Map<string, readonly [string, Target]>();
  for (const [w, t] of productsBySkeleton(index)) if (looseFold(w) !== w && !map.has(looseFold(w))) map.set(looseFold(w), [w, t]);
  return map;
});

/** `written` is the token as the user sees it, `skel` its skeleton, `loose` its loose fold. */
export function byProductFolding(index: ProtectedIndex, written: string, skel: string, loose = looseFold(skel)): Lookalike | null {
  if (skel.length < MIN_PRODUCT) return null;
  let word = skel;
  let t = written === skel ? undefined : productsBySkeleton(index).get(skel);
  if (!t) {
    const byLoose = productsByLoose(index).get(loose);
    if (!byLoose || byLoose[0] === skel) return null;
    [word, t] = byLoose;
  }
  const found: Lookalike = { imitates: t.domain, brand: t.brand, rule: 'skeleton', part: written };
  const sub = firstSubstitution(written, word);
  if (sub) Object.assign(found, sub);
  return found;
}
