// A product word written with a look-alike character (`wind0ws`,
// `iph0ne`, `itunes` with a Cyrillic `е`): the skeleton rule reads a brand's
// own labels so, but product words only count next to a sign-in word
// (rule-product.ts), as `windows` or `chrome` alone are anyone's words.
// Written with a digit or a confusable for a letter, though, the word is
// disguised, and nobody disguises a word but to pass for the brand's.
// Only product words of 5+ letters that are no glue words (not `drive`,
// `prime`: glued to anything), so a stray digit in a short name stays quiet.
import { firstSubstitution } from './fold.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import type { Lookalike } from './verdict.ts';

const MIN_PRODUCT = 5;

const BY_SKELETON = new WeakMap<ProtectedIndex, ReadonlyMap<string, Target>>();

function productsBySkeleton(index: ProtectedIndex): ReadonlyMap<string, Target> {
  let out = BY_SKELETON.get(index);
  if (!out) {
    out = new Map(index.productWords.filter(([w]) => w.length >= MIN_PRODUCT));
    BY_SKELETON.set(index, out);
  }
  return out;
}

/** `written` is the token as the user sees it, `skel` its skeleton. */
export function byProductFolding(index: ProtectedIndex, written: string, skel: string): Lookalike | null {
  if (written === skel || skel.length < MIN_PRODUCT) return null;
  const t = productsBySkeleton(index).get(skel);
  if (!t) return null;
  const found: Lookalike = { imitates: t.domain, brand: t.brand, rule: 'skeleton', part: written };
  const sub = firstSubstitution(written, skel);
  if (sub) Object.assign(found, sub);
  return found;
}
