// Precomputes everything the look-alike rules need from the brand data, so
// that judging one host is a few Map lookups plus short loops over the
// distinctive brands.
import { DEFAULT_PROTECTED, type ProtectedGroup } from './protected-domains.ts';
import { registrableDomain } from './host-parts.ts';
import { skeleton } from './skeleton.ts';
import { looseFold } from './fold.ts';
import { allowedEdits } from './typo.ts';

/**
 * How a brand label may be matched:
 * distinctive  every rule (`microsoft`, `paypal`);
 * plain        typos and compounds, a bare token only next to a sign-in word (`github`);
 * word         a token only next to a sign-in word, or the whole domain (`outlook`, `apple`);
 * generic      only the whole domain spelled out (`mail`, `web`).
 */
export type TargetKind = 'distinctive' | 'plain' | 'word' | 'generic';

/** One imitation target: a protected registrable domain. */
export interface Target {
  domain: string;
  brand: string;
  /** First label as written (ASCII). */
  label: string;
  skeleton: string;
  /** looseFold(skeleton), for distinctive and plain targets. */
  loose: string;
  /** Skeletons of all its labels, suffix included (`outlook`, `com`). */
  sequence: string[];
  kind: TargetKind;
  /** The owner registers this label under country endings. */
  countryDomains: boolean;
  /** Edits a typo of the whole label may make. */
  maxEdits: number;
}

export interface ProtectedIndex {
  /** Registrable domains (imitated and owned): these and their subdomains never warn. */
  owned: ReadonlySet<string>;
  /** Targets by their label as written: `google.de`, `paypal.xyz`. */
  byLabel: ReadonlyMap<string, Target>;
  bySkeleton: ReadonlyMap<string, Target>;
  /** Distinctive and plain targets by their loose fold. */
  byLoose: ReadonlyMap<string, Target>;
  /** Distinctive and plain targets, for typos and compounds. */
  fuzzy: readonly Target[];
  /** Distinctive targets: a bare token is enough. */
  byToken: ReadonlyMap<string, Target>;
  /** Plain and word targets: a bare token next to a sign-in word. */
  byLureToken: ReadonlyMap<string, Target>;
  /** Whole domains glued into one token (`livecom`). */
  byJoined: ReadonlyMap<string, Target>;
  /** Targets keyed by the skeleton of their first label, for whole-domain embedding. */
  bySequenceStart: ReadonlyMap<string, readonly Target[]>;
}

/** Labels shorter than this are treated as words (too many accidental hits). */
const MIN_DISTINCTIVE = 5;
/** Shorter skeletons match by nothing but whole-domain embedding. */
const MIN_SKELETON = 3;

function kindOf(label: string, group: ProtectedGroup): TargetKind {
  if (group.generic?.includes(label) || label.length < MIN_SKELETON) return 'generic';
  if (group.words?.includes(label) || label.length < MIN_DISTINCTIVE) return 'word';
  return group.plainTokens?.includes(label) ? 'plain' : 'distinctive';
}

/** A label made of the brand's own ordinary words (`protonmail`) gets one edit fewer: `prontomail` is another provider. */
function typoEdits(label: string, group: ProtectedGroup): number {
  const words = [...(group.words ?? []), ...(group.generic ?? [])].filter((w) => w !== label);
  const composed = words.some((w) => label.startsWith(w) || label.endsWith(w));
  return Math.max(0, allowedEdits(label.length) - (composed ? 1 : 0));
}

function makeTarget(domain: string, group: ProtectedGroup): Target | null {
  const registrable = registrableDomain(domain);
  if (!registrable) return null;
  const label = registrable.split('.')[0]!;
  const skel = skeleton(label);
  return {
    domain: registrable,
    brand: group.brand,
    label,
    skeleton: skel,
    loose: looseFold(skel),
    sequence: registrable.split('.').map(skeleton),
    kind: kindOf(label, group),
    countryDomains: group.countryLabels?.includes(label) ?? false,
    maxEdits: typoEdits(label, group),
  };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function setOnce<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (!map.has(key)) map.set(key, value);
}

/**
 * Admin additions: `brandDomains` adds owned domains to a bundled brand (same
 * name, any case) or defines a new brand whose domains are all protected;
 * `protectedDomains` are protected domains of their own.
 */
export function withAdminBrands(
  groups: readonly ProtectedGroup[],
  brandDomains: Readonly<Record<string, readonly string[]>>,
  protectedDomains: readonly string[],
): ProtectedGroup[] {
  const out = groups.map((g) => ({ ...g }));
  for (const [brand, domains] of Object.entries(brandDomains)) {
    const known = out.find((g) => g.brand.toLowerCase() === brand.toLowerCase());
    if (known) known.owned = [...(known.owned ?? []), ...domains];
    else out.push({ brand, imitated: domains });
  }
  // A protected domain of its own is its own brand: the warning names it.
  for (const d of protectedDomains) out.push({ brand: d, imitated: [d] });
  return out;
}

/**
 * Builds the index from the bundled brands plus `extraDomains` (the admin's
 * protected list) and `brandDomains` (the admin's ownership additions). Pass
 * `groups` to replace the bundled brands (tests).
 */
export function buildProtectedIndex(
  extraDomains: readonly string[] = [],
  groups: readonly ProtectedGroup[] = DEFAULT_PROTECTED,
  brandDomains: Readonly<Record<string, readonly string[]>> = {},
): ProtectedIndex {
  const owned = new Set<string>();
  const byLabel = new Map<string, Target>();
  const bySkeleton = new Map<string, Target>();
  const byLoose = new Map<string, Target>();
  const byToken = new Map<string, Target>();
  const byLureToken = new Map<string, Target>();
  const byJoined = new Map<string, Target>();
  const bySequenceStart = new Map<string, Target[]>();
  const fuzzy: Target[] = [];
  for (const group of withAdminBrands(groups, brandDomains, extraDomains)) {
    for (const d of group.owned ?? []) owned.add(registrableDomain(d) ?? d);
    for (const d of group.imitated) {
      const t = makeTarget(d, group);
      if (!t) continue;
      owned.add(t.domain);
      setOnce(byLabel, t.label, t);
      pushTo(bySequenceStart, t.sequence[0] ?? '', t);
      setOnce(byJoined, t.sequence.join(''), t);
      if (t.kind === 'generic') continue;
      setOnce(bySkeleton, t.skeleton, t);
      if (t.kind === 'word') setOnce(byLureToken, t.skeleton, t);
      else {
        fuzzy.push(t);
        setOnce(byLoose, t.loose, t);
        setOnce(t.kind === 'plain' ? byLureToken : byToken, t.skeleton, t);
      }
    }
  }
  return { owned, byLabel, bySkeleton, byLoose, fuzzy, byToken, byLureToken, byJoined, bySequenceStart };
}
