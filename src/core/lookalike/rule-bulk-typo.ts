// Under an ending sold in bulk for a dollar (vocabulary.json `bulkEndings`),
// a name two slips from a distinctive brand that keeps the brand's first
// three letters (`naveos.online`, `navow.website` for naver): kits register
// such near spellings by the dozen, one per target list, where the typo rule
// allows a short brand no more than a swap (`never` is a word, one edit from
// naver). No brand registers its own names there, and two slips that keep
// the head leave no other word that reads so. The whole registrable label,
// one token, as long as the brand or one letter longer or shorter.
import { distance } from 'fastest-levenshtein';
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import { isBulkEnding } from './rule-bulk-ending.ts';
import type { Lookalike } from './verdict.ts';
import { perIndex } from './per-index.ts';

const KEPT_HEAD = 3;
const MAX_EDITS = 2;
/** Shorter brands (`aol`) are two slips from any three-letter tag. */
const MIN_BRAND = 5;

const distinctiveTargets = perIndex((index): readonly Target[] =>
  index.fuzzy.filter((t) => t.kind === 'distinctive' && !t.composed && t.skeleton.length >= MIN_BRAND),
);

export function byBulkTypo(index: ProtectedIndex, parts: HostParts): Lookalike | null {
  if (!isBulkEnding(parts.suffix) || parts.labelTokens.length !== 1) return null;
  const label = parts.labelTokens[0]!;
  if (label.length < MIN_BRAND - 1) return null;
  for (const t of distinctiveTargets(index)) {
    const brand = t.skeleton;
    if (Math.abs(label.length - brand.length) > 1 || !label.startsWith(brand.slice(0, KEPT_HEAD))) continue;
    if (label !== brand && distance(label, brand) <= MAX_EDITS) return { imitates: t.domain, brand: t.brand, rule: 'edit-distance', part: parts.labelText };
  }
  return null;
}
