// A slip of a long ordinary-word brand next to a sign-in word
// (`outlok-login`, `outllook-verify`, `offcie-signin`): the typo rule leaves
// word brands alone, as one edit from a word is mostly another word
// (`officer`, `window`), but phishers misspell product names as they do
// brand names. So only for word brands of 6+ letters (`outlook`, `office`,
// `proton`), only with a sign-in word in the name, and only slips inside the
// word: the first and the last letter kept, as typo-squatters keep them and
// as English adds or drops letters at the ends (`officer`, `offices`).
// Glued to glue words or the brand's own product words, the slip counts with
// a credential word glued on too (`outlok365login`), or with another of the
// brand's names (`owaoutltook0000`): two of one brand's names meet by no accident.
// After one of its product words the slip may be at the end as well (`msoffic`).
import { holdsCredential } from './lure.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import { findInside, isGlue } from './segment.ts';
import { isAdjacentSwap } from './typo.ts';
import { perIndex } from './per-index.ts';

/** Shorter word brands (`live`, `daum`) are one slip from too many words. */
const MIN_WORD_BRAND = 6;

const wordTargets = perIndex((index): readonly Target[] => [...index.byLureToken.values()].filter((t) => t.kind === 'word' && t.skeleton.length >= MIN_WORD_BRAND));

/** `longer` is `shorter` with one letter added, neither at the start nor at the end. */
function innerAdded(longer: string, shorter: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  let i = 0;
  while (i < shorter.length && longer[i] === shorter[i]) i++;
  return i > 0 && i < shorter.length && longer.slice(i + 1) === shorter.slice(i);
}

/** One slip inside `word`: two neighbouring letters swapped, or a letter added or dropped, first and last letters kept. */
export function isInnerSlip(token: string, word: string): boolean {
  if (token === word || token[0] !== word[0] || token[token.length - 1] !== word[word.length - 1]) return false;
  return isAdjacentSwap(token, word) || innerAdded(token, word) || innerAdded(word, token);
}

/** `skel` is a skeleton token; `signIn`: a sign-in word is in the name. */
export function wordTypoTarget(index: ProtectedIndex, skel: string, signIn: boolean): Target | undefined {
  if (!signIn || skel.length < MIN_WORD_BRAND - 1) return undefined;
  for (const t of wordTargets(index)) if (Math.abs(skel.length - t.skeleton.length) <= 1 && isInnerSlip(skel, t.skeleton)) return t;
  return undefined;
}

const TRAILING_DIGITS = /[0-9]+$/;

/** Glue words, the brand's product words, or nothing; a number may end it. */
function gluedAround(rest: string, t: Target): boolean {
  return isGlue(rest.replace(TRAILING_DIGITS, ''), false, t.products);
}

/** The rest names the brand again: one of its product words is in it (`owa`, `365`). */
function namesBrand(rest: string, t: Target): boolean {
  for (const p of t.products) if (p.length >= 2 && rest.includes(p)) return true;
  return false;
}

/** Any word brand's first or last three letters, one of which a slip inside it leaves whole: one pass over a token. */
const endsPattern = perIndex((index): RegExp | null => {
  const ends = wordTargets(index).flatMap((t) => [t.skeleton.slice(0, 3), t.skeleton.slice(-3)]);
  return ends.length ? new RegExp(ends.map((e) => e.replace(/[^a-z0-9]/g, '\\$&')).join('|')) : null;
});

/** A slipped word brand inside a longer token, glue around it (see the header). */
export function gluedWordTypoTarget(index: ProtectedIndex, skel: string, signIn: boolean): Target | undefined {
  if (skel.length <= MIN_WORD_BRAND || !endsPattern(index)?.test(skel)) return undefined;
  for (const t of wordTargets(index)) {
    const w = t.skeleton;
    if (!skel.includes(w.slice(0, 3)) && !skel.includes(w.slice(-3))) continue;
    const at = findInside(skel, w, 1);
    if (!at || at.edits !== 1) continue;
    const prefix = skel.slice(0, at.start);
    const suffix = skel.slice(at.end);
    if (prefix === '' && suffix === '') continue;
    // After the brand's own product word (`msoffic`: ms + offic) an end letter may slip too: no English word starts so.
    if (!isInnerSlip(skel.slice(at.start, at.end), w) && !namesBrand(prefix, t)) continue;
    if (!gluedAround(prefix, t) || !gluedAround(suffix, t)) continue;
    if (signIn || holdsCredential(prefix) || holdsCredential(suffix) || namesBrand(prefix + suffix, t)) return t;
  }
  return undefined;
}
