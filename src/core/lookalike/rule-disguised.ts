// A disguised brand at the head of a longer token (`appiecc`, `lcloudgps`,
// `0utlookwebapp2018`, `appl3confirmationwebmaster`): once folded, the token
// starts with a brand, and the letters written there are not the brand's.
// Nobody innocently spells a brand with a look-alike letter and then glues
// more on, so, unlike a plain compound (rule-compound.ts), whatever follows
// need not be glue words. Only the head counts: inside an ordinary word the
// i/l swap makes brands out of nothing (`happiest` folds to `happlest`).
// Distinctive and plain brands are read in loose fold (leetspeak, i/l);
// ordinary-word brands only in their exact skeleton (`0utlook`), as in
// rule-folding.ts (`mall` is no `mail`).
import { firstSubstitution } from './fold.ts';
import { headKey, type ProtectedIndex, type Target } from './protected-index.ts';
import type { Lookalike } from './verdict.ts';

/** Shorter brands hide in too many names (`aol`, `xbox`). */
const MIN_BRAND = 5;

function disguisedAtHead(t: Target, written: string, folded: string): Lookalike | null {
  const len = t.label.length;
  if (len < MIN_BRAND || folded.length <= len || !folded.startsWith(t.kind === 'word' ? t.skeleton : t.loose)) return null;
  const head = written.slice(0, len);
  if (head === t.label) return null;
  const found: Lookalike = { imitates: t.domain, brand: t.brand, rule: 'skeleton', part: written };
  const sub = firstSubstitution(head, t.label);
  if (sub) Object.assign(found, sub);
  return found;
}

/**
 * `written` is the token as the user sees it, `skel` its skeleton, `loose`
 * its loose fold. Folding must keep positions (the written form as long as
 * the skeleton), so the head read in the fold is the head as written.
 */
export function byDisguisedHead(index: ProtectedIndex, written: string, skel: string, loose: string): Lookalike | null {
  if (written.length !== skel.length || written.length <= MIN_BRAND) return null;
  // Word brands are keyed by their skeleton, which differs from the loose head only by an i/l or a digit.
  const head = headKey(loose);
  const found = inBucket(index.byHead.get(head), written, skel, loose);
  return found ?? (headKey(skel) === head ? null : inBucket(index.byHead.get(headKey(skel)), written, skel, loose));
}

function inBucket(bucket: readonly Target[] | undefined, written: string, skel: string, loose: string): Lookalike | null {
  if (!bucket) return null;
  for (const t of bucket) {
    const hit = disguisedAtHead(t, written, t.kind === 'word' ? skel : loose);
    if (hit) return hit;
  }
  return null;
}
