// Precomputes everything the look-alike rules need from the protected set, so
// that judging one host is a few Map lookups plus a short loop for typos.
import { DEFAULT_PROTECTED, type ProtectedGroup } from './protected-domains.ts';
import { hostParts, registrableDomain } from './host-parts.ts';
import { skeleton } from './skeleton.ts';

/** One imitation target: a protected registrable domain. */
export interface Target {
  domain: string;
  /** Skeleton of its first label. */
  skeleton: string;
  /** Skeletons of all its labels, suffix included (`outlook`, `com`). */
  sequence: string[];
  /** An ordinary word (or short): only whole-domain embedding applies. */
  word: boolean;
}

export interface ProtectedIndex {
  /** Registrable domains (imitated and owned): these and their subdomains never warn. */
  owned: ReadonlySet<string>;
  /** First labels of imitated domains: `google.de` is Google's own business, not a look-alike. */
  ownLabels: ReadonlySet<string>;
  bySkeleton: ReadonlyMap<string, Target>;
  /** Distinctive targets, for typo and token rules. */
  distinctive: readonly Target[];
  /** Distinctive targets by skeleton length: a typo is at most 2 letters longer or shorter. */
  distinctiveByLength: ReadonlyMap<number, readonly Target[]>;
  byToken: ReadonlyMap<string, Target>;
  /** Word targets, matched as a token only next to a sign-in word (`apple-id-verify`). */
  byWordToken: ReadonlyMap<string, Target>;
  /** Targets keyed by the skeleton of their first label, for whole-domain embedding. */
  bySequenceStart: ReadonlyMap<string, readonly Target[]>;
}

/** Labels shorter than this are treated as words (too many accidental hits). */
const MIN_DISTINCTIVE = 5;
/** Shorter skeletons match by nothing but whole-domain embedding. */
const MIN_SKELETON = 3;

function makeTarget(domain: string, words: ReadonlySet<string>): Target | null {
  const parts = hostParts(domain);
  if (!parts) return null;
  const label = parts.label;
  return {
    domain: parts.domain,
    skeleton: parts.labelSkeleton,
    sequence: domain.split('.').map(skeleton),
    word: words.has(label) || label.length < MIN_DISTINCTIVE,
  };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Groups for admin-listed domains: each is imitated; short labels count as words. */
function adminGroup(domains: readonly string[]): ProtectedGroup {
  const imitated = domains.map(registrableDomain).filter((d): d is string => d !== null);
  return { owner: 'admin', imitated };
}

/**
 * Builds the index from the bundled defaults plus `extraDomains` (the admin's
 * protected list). Pass `groups` to replace the defaults (tests).
 */
export function buildProtectedIndex(
  extraDomains: readonly string[] = [],
  groups: readonly ProtectedGroup[] = DEFAULT_PROTECTED,
): ProtectedIndex {
  const owned = new Set<string>();
  const ownLabels = new Set<string>();
  const bySkeleton = new Map<string, Target>();
  const byToken = new Map<string, Target>();
  const byWordToken = new Map<string, Target>();
  const bySequenceStart = new Map<string, Target[]>();
  const distinctive: Target[] = [];
  for (const group of [...groups, adminGroup(extraDomains)]) {
    const words = new Set(group.words ?? []);
    for (const d of group.owned ?? []) owned.add(registrableDomain(d) ?? d);
    for (const d of group.imitated) {
      const t = makeTarget(d, words);
      if (!t) continue;
      owned.add(t.domain);
      ownLabels.add(t.domain.split('.')[0] ?? t.domain);
      if (t.skeleton.length >= MIN_SKELETON && !bySkeleton.has(t.skeleton)) bySkeleton.set(t.skeleton, t);
      pushTo(bySequenceStart, t.sequence[0] ?? '', t);
      if (!t.word) distinctive.push(t);
      const tokenMap = t.word ? byWordToken : byToken;
      if (t.skeleton.length >= MIN_SKELETON && !tokenMap.has(t.skeleton)) tokenMap.set(t.skeleton, t);
    }
  }
  const distinctiveByLength = new Map<number, Target[]>();
  for (const t of distinctive) pushTo(distinctiveByLength, t.skeleton.length, t);
  return { owned, ownLabels, bySkeleton, distinctive, distinctiveByLength, byToken, byWordToken, bySequenceStart };
}
