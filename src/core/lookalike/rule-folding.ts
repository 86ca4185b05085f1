// Folding: the registrable label, or one of its tokens, reads as a brand
// once confusable characters are folded (`micrоsoft` with Cyrillic о,
// `g00gle`, `rnicrosoft`, `1ive`) or, for distinctive brands, once leetspeak
// and the i/l swap are (`glthub`, `googie`), or for long ones q is read
// as g (`qooqle`). The answer names the first substitution: "the letter l
// stands for i".
import { firstSubstitution, looseFold, shapeFold } from './fold.ts';
import { skeleton } from './skeleton.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import type { Lookalike } from './verdict.ts';

/** The target `skel` folds onto, if any; `loose` is its loose fold when already known. */
export function foldedTarget(index: ProtectedIndex, skel: string, loose = looseFold(skel)): Target | undefined {
  return index.bySkeleton.get(skel) ?? index.byLoose.get(loose);
}

/**
 * `goo-gle`: a distinctive brand split by a hyphen; one built on a word only
 * with a lure in the name (`hot-mail.ml`: alone, `hot-mail` may be a mail
 * service's name).
 */
function dehyphenated(index: ProtectedIndex, skel: string, lure: boolean): Target | undefined {
  if (!skel.includes('-')) return undefined;
  const bare = skel.replace(/-/g, '');
  const t = index.byToken.get(bare) ?? (lure ? index.byLureToken.get(bare) : undefined);
  return t && (lure || !t.composed) && t.kind !== 'word' ? t : undefined;
}

/**
 * A finding when `written` (as the user sees it) folds onto a brand label it
 * is not: a substitution happened. `skel` is its skeleton.
 */
export function byFolding(index: ProtectedIndex, written: string, skel: string, loose?: string, lure = false): Lookalike | null {
  // An ordinary-word brand folds only by its exact skeleton (`1ive`), never loosely (`mall` is not `mail`).
  const t = foldedTarget(index, skel, loose) ?? dehyphenated(index, skel, lure);
  if (!t || written === t.label) return null;
  const sub = firstSubstitution(written, t.label);
  const found: Lookalike = { imitates: t.domain, brand: t.brand, rule: 'skeleton', part: written };
  if (sub) Object.assign(found, sub);
  return found;
}

const MIN_SHAPED = 4;
const MAX_SHAPED = 20;

/**
 * A token that reads as a brand once letter pairs are read as the letter
 * they look like (`riaver` for naver: "the letters ri stand for n"). The
 * whole token must be the brand, so `price` or `cloud` stay what they are.
 */
export function byShape(index: ProtectedIndex, written: string): Lookalike | null {
  // A pair stands for one letter: a token of 4 to 20 letters can be a bundled brand of 3 to 15.
  if (written.length < MIN_SHAPED || written.length > MAX_SHAPED) return null;
  const shaped = shapeFold(written);
  if (shaped === written) return null;
  const skel = skeleton(shaped);
  const t = foldedTarget(index, skel);
  if (!t || t.kind === 'word') return null;
  const found: Lookalike = { imitates: t.domain, brand: t.brand, rule: 'skeleton', part: written };
  const sub = firstSubstitution(written, t.label);
  if (sub) Object.assign(found, sub);
  return found;
}

/** A brand this long to be read with q for g: shorter ones sit next to real names (`qmail`). */
const MIN_Q_FOR_G = 6;

/**
 * A token that is a distinctive or plain brand of 6+ letters once q is read
 * as g, the same bowl and tail in most fonts (`qooqle`, `instaqram`): "the
 * letter q stands for g". The whole token, in loose fold, with no typo on
 * top (`qlhub` is not github), as q is a letter of many names.
 */
export function byQForG(index: ProtectedIndex, written: string, loose: string): Lookalike | null {
  if (loose.length < MIN_Q_FOR_G || !loose.includes('q')) return null;
  const t = index.byLoose.get(loose.replace(/q/g, 'g'));
  if (!t || t.label.length < MIN_Q_FOR_G) return null;
  const found: Lookalike = { imitates: t.domain, brand: t.brand, rule: 'skeleton', part: written };
  const sub = firstSubstitution(written, t.label);
  if (sub) Object.assign(found, sub);
  return found;
}

/**
 * A long owned name that begins with the brand, written with a look-alike
 * letter (`googledomalns` for Google's googledomains, `g00gletagmanager`):
 * the whole token in loose fold, not as the owner writes it. No one names a
 * site after a brand's own domain with a letter swapped but to pass for it.
 */
export function byOwnedFolding(index: ProtectedIndex, written: string, skel: string, loose: string): Lookalike | null {
  const t = index.ownedByLoose.get(loose);
  if (!t || skel === t.skeleton) return null;
  const found: Lookalike = { imitates: t.domain, brand: t.brand, rule: 'skeleton', part: written };
  const sub = firstSubstitution(written, t.label);
  if (sub) Object.assign(found, sub);
  return found;
}
