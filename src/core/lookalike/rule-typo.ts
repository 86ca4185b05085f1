// Edit distance per token: a token (or the whole label) is a small typo of a
// distinctive brand (`micosoft`, `gmial`, `googl-access`, `office356-us`,
// `gitnub`), compared in loose fold so `glthub`-style swaps cost nothing.
import { typoKey, type ProtectedIndex, type Target } from './protected-index.ts';
import { isTypoOf } from './typo.ts';

/** A typo is at most one letter longer or shorter than the brand (typo.ts). */
const MAX_LENGTH_DIFFERENCE = 1;
/** Typo targets have 5+ letters, so a typo has 4+. */
const MIN_TYPO = 4;

/**
 * Next to a lure word a short brand gets the one edit its length alone does
 * not allow (`navier` for naver in `member.navier.pe.hu`, `login.gmeil`
 * stays out: names built on a word keep their stricter count).
 */
function editsFor(t: Target, lure: boolean, signIn: boolean): number {
  // A name built on a word gets its one edit back only from a sign-in word (`gmial-login`, `hotmial-verify`):
  // bait or a free site is not enough, as mail-typo catchers hold its near spellings (`gmial.com`).
  if (t.composed) return signIn ? t.maxEdits + 1 : t.maxEdits;
  return lure && t.maxEdits === 0 ? 1 : t.maxEdits;
}

/** Each owned target's beginning that a typo keeps (its brand's label, in loose fold), cut once, not per token. */
const STEMS = new WeakMap<Target, string>();

function stemOf(t: Target): string {
  let stem = STEMS.get(t);
  if (stem === undefined) STEMS.set(t, (stem = t.loose.slice(0, t.domain.indexOf('.'))));
  return stem;
}

function inBucket(bucket: readonly Target[] | undefined, loose: string, stemmed: boolean, lure: boolean, signIn: boolean): Target | undefined {
  if (!bucket) return undefined;
  for (const t of bucket) {
    if (stemmed && !loose.startsWith(stemOf(t))) continue;
    if (isTypoOf(loose, t.loose, editsFor(t, lure, signIn))) return t;
  }
  return undefined;
}

/**
 * The buckets a typo of `loose` can be in: one letter longer or shorter, same first letter or a swapped one, or any long brand.
 * A `stemmed` typo keeps the brand's beginning, so its buckets are keyed by the first letter at any length (protected-index.ts).
 */
function typoIn(buckets: ReadonlyMap<number, readonly Target[]>, loose: string, stemmed: boolean, lure: boolean, signIn: boolean): Target | undefined {
  const c0 = loose.charCodeAt(0);
  const c1 = loose.charCodeAt(1);
  for (let d = -MAX_LENGTH_DIFFERENCE; d <= MAX_LENGTH_DIFFERENCE; d++) {
    const len = loose.length + d;
    const hit =
      inBucket(buckets.get(typoKey(len, c0)), loose, stemmed, lure, signIn) ??
      (stemmed ? undefined : (c1 === c0 ? undefined : inBucket(buckets.get(typoKey(len, c1)), loose, false, lure, signIn)) ?? inBucket(buckets.get(typoKey(len, 0)), loose, false, lure, signIn));
    if (hit) return hit;
  }
  return undefined;
}

/**
 * A typo of a protected label, or of a long owned one that keeps the
 * brand's name (`googletagamnager` for googletagmanager, Google's).
 * `loose` is the token's loose fold; `lure`: a lure word is in the name.
 */
export function typoTarget(index: ProtectedIndex, loose: string, lure = false, signIn = false): Target | undefined {
  if (loose.length < MIN_TYPO) return undefined;
  return typoIn(index.fuzzyByTypoKey, loose, false, lure, signIn) ?? typoIn(index.ownedByTypoKey, loose, true, false, false);
}
