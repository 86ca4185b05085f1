// Typo-squat tests on label skeletons. Thresholds are tuned for few false
// positives: short labels (5 letters: naver, gmail, yahoo) sit one edit away
// from real words (never, email), so they only match on a swap of two
// neighbouring letters or a doubled letter, which rarely make words.
import { distance } from 'fastest-levenshtein';

/** Edits allowed for a protected label of this length (plain Levenshtein). */
export function allowedEdits(length: number): number {
  if (length >= 9) return 2;
  if (length >= 6) return 1;
  return 0;
}

/** `gmial` vs `gmail`. */
export function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** `yahooo` vs `yahoo`: one letter of `b` written twice. */
export function isDoubledLetter(a: string, b: string): boolean {
  if (a.length !== b.length + 1) return false;
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  return i > 0 && a[i] === a[i - 1] && a.slice(i + 1) === b.slice(i);
}

/** True when `candidate` looks like a mistyped `target` (both skeletons); `allowed` overrides the edits by length. */
export function isTypoOf(candidate: string, target: string, allowed = allowedEdits(target.length)): boolean {
  if (candidate === target || allowed < 0) return false;
  if (isAdjacentSwap(candidate, target) || isDoubledLetter(candidate, target)) return true;
  // Two edits never both remove letters: `instagr` is a short name, not a slip.
  if (allowed <= 0 || Math.abs(candidate.length - target.length) > Math.min(allowed, 1)) return false;
  // Below 9 letters a different first letter is usually another word
  // (`cloud` vs `icloud`), and typo-squatters keep the first letter anyway.
  if (target.length < 9 && candidate[0] !== target[0]) return false;
  return allowed === 1 ? withinOneEdit(candidate, target) : distance(candidate, target) <= allowed;
}

/** Levenshtein distance at most 1 (one letter changed, dropped or added), in one pass: the usual case, so no matrix. */
export function withinOneEdit(a: string, b: string): boolean {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i++;
  // Past the first difference the rest matches, after the changed letter or the extra one.
  const offset = long.length - short.length;
  for (let j = i + 1; j < long.length; j++) if (long.charCodeAt(j) !== short.charCodeAt(j - offset)) return false;
  return true;
}
