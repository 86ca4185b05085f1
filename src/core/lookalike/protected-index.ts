// Precomputes everything the look-alike rules need from the brand data, so
// that judging one host is a few Map lookups plus short loops over the
// distinctive brands.
import { DEFAULT_PROTECTED, type ProtectedGroup } from './protected-domains.ts';
import { registrableDomain } from './host-parts.ts';
import { skeleton } from './skeleton.ts';
import { isGlue } from './segment.ts';
import { makeTarget, namedProducts, ordinaryWords, type Target } from './target.ts';

export type { Target, TargetKind } from './target.ts';

/** Shorter ordinary words (`aol`, `gmx`) hide in too many tokens to be found glued. */
const MIN_GLUED_WORD = 4;
/** Two-letter product words (`fb`, `ms`) start too many words to be found glued. */
const MIN_PRODUCT_WORD = 3;
/** Ordinary-word brands this long are folded loosely too (`outiook`, `offlce`), as distinctive ones are. */
const MIN_LOOSE_WORD = 6;
/** Owned labels this long are typo targets too (`googletagamnager`). */
const MIN_OWNED_TYPO = 8;

export interface ProtectedIndex {
  /** Registrable domains (imitated and owned): these and their subdomains never warn. */
  owned: ReadonlySet<string>;
  /** Top-level domains a brand runs as their registry (brands.json `ownedEndings`): every name under them is owned. */
  ownedEndings: ReadonlySet<string>;
  /** Targets by their label as written: `google.de`, `paypal.xyz`. */
  byLabel: ReadonlyMap<string, Target>;
  bySkeleton: ReadonlyMap<string, Target>;
  /** Distinctive and plain targets by their loose fold. */
  byLoose: ReadonlyMap<string, Target>;
  /** Distinctive and plain targets, for typos and compounds, longest first. */
  fuzzy: readonly Target[];
  /** The same by typoKey: a typo is at most one letter longer or shorter, and keeps the first letter below 9 letters. */
  fuzzyByTypoKey: ReadonlyMap<number, readonly Target[]>;
  /**
   * Compound candidates by 3-letter gram: each target's first gram and, for
   * long ones, its second half's (for 6-8 letters its last), one of which
   * survives a single edit.
   */
  byGram: ReadonlyMap<string, readonly Target[]>;
  /** A 1 at each `byGram` key's gramSlot: most of a token's grams are no key, and this says so before a slice and a Map lookup. */
  gramSlots: Uint8Array;
  /** Distinctive targets: a bare token is enough. */
  byToken: ReadonlyMap<string, Target>;
  /** Every proper beginning of a `byToken` key (`pay`, `micro`): where a split brand may start (rule-embedded-domain.ts). */
  brandHeads: ReadonlySet<string>;
  /** Ordinary-word labels and product words of 4+ letters with the target they name, found glued to lure words (rule-glued-word.ts). */
  words: readonly (readonly [string, Target])[];
  /** The brands' product words of 3+ letters that are no glue words (`nid`, `owa`, `iphone`), with the target they name (rule-product.ts). */
  productWords: readonly (readonly [string, Target])[];
  /** The brands' two-letter product words that are no glue words (`fb`, `ig`, `ms`), with the target they name (rule-product.ts). */
  shortProducts: readonly (readonly [string, Target])[];
  /** Any of `productWords` in a token, in one pass (null when there are none). */
  productPattern: RegExp | null;
  /** Any long word brand's loose fold in a token (`offlce`), in one pass (null when there are none). */
  looseWordPattern: RegExp | null;
  /** Any of `words` in a token, in one pass (null when there are none). */
  wordPattern: RegExp | null;
  /** Plain and word targets: a bare token next to a sign-in word. */
  byLureToken: ReadonlyMap<string, Target>;
  /** Whole domains glued into one token (`livecom`). */
  byJoined: ReadonlyMap<string, Target>;
  /** Endings of the two-label targets (`com`, `net`): a token before one may start a spelled domain. */
  endings: ReadonlySet<string>;
  /** Targets keyed by the skeleton of their first label, for whole-domain embedding. */
  bySequenceStart: ReadonlyMap<string, readonly Target[]>;
  /** Product words (`ios`, `nid`) -> the brand's first imitated domain; its own labels -> themselves. */
  byProduct: ReadonlyMap<string, Target>;
  /** Targets of 5+ letters by the first two letters of their loose fold (word brands: of their skeleton), as headKey, for rule-disguised.ts. */
  byHead: ReadonlyMap<number, readonly Target[]>;
  /** The brands' sign-in service names (brands.json `services`: `outlook`, `gmail`) -> the domain they sign in at. */
  byService: ReadonlyMap<string, Target>;
  /** Long owned labels that begin with the brand (`googletagmanager`), by loose length and first letter (typoKey), for typos that keep that beginning, imitating the brand's first domain. */
  ownedByTypoKey: ReadonlyMap<number, readonly Target[]>;
  /** The same long owned labels by their loose fold (`googledomains` as `googledomalns`), for rule-folding.ts. */
  ownedByLoose: ReadonlyMap<string, Target>;
  /** Owned domains' labels as written (`fbcdn`, `googleapis`) -> the brand's first domain (rule-owned-label.ts). */
  ownedLabels: ReadonlyMap<string, Target>;
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
  const ownedEndings = new Set<string>();
  const byLabel = new Map<string, Target>();
  const bySkeleton = new Map<string, Target>();
  const byLoose = new Map<string, Target>();
  const byToken = new Map<string, Target>();
  const byLureToken = new Map<string, Target>();
  const byJoined = new Map<string, Target>();
  const bySequenceStart = new Map<string, Target[]>();
  const fuzzy: Target[] = [];
  const endings = new Set<string>();
  const words: [string, Target][] = [];
  const productWords: [string, Target][] = [];
  const shortProducts: [string, Target][] = [];
  const byProduct = new Map<string, Target>();
  const ownedFuzzy: Target[] = [];
  const byService = new Map<string, Target>();
  const ownedLabels = new Map<string, Target>();
  const all = withAdminBrands(groups, brandDomains, extraDomains);
  const ordinary = ordinaryWords(all);
  for (const group of all) {
    const main = group.imitated[0];
    for (const e of group.ownedEndings ?? []) ownedEndings.add(e.toLowerCase());
    for (const d of group.owned ?? []) {
      const registrable = registrableDomain(d) ?? d;
      owned.add(registrable);
      const label = registrable.split('.')[0]!;
      const brandTarget = main ? makeTarget(main, group, ordinary) : null;
      if (brandTarget) setOnce(ownedLabels, label, brandTarget);
      // Only names that begin with the brand (`googletagmanager`): `recaptcha` would catch `hcaptcha`.
      // Any of its names, not only the first (`kakaopay` keeps Kakao's `kakao`, not `daum`).
      const stem = label.length >= MIN_OWNED_TYPO ? group.imitated.find((d) => label.startsWith(d.split('.')[0]!)) : undefined;
      const t = stem ? makeTarget(stem, group, ordinary, label) : null;
      // One slip at most: two edits from `navercorp` is `navercom`, another name.
      if (t) ownedFuzzy.push({ ...t, maxEdits: Math.min(t.maxEdits, 1) });
      // An owned domain named by a product word (`fb.com`, `appleid.com`) spelled inside a host is the brand's.
      const spelled = main && group.products?.includes(label) ? makeTarget(main, group, ordinary) : null;
      if (spelled) pushTo(bySequenceStart, skeleton(label), { ...spelled, sequence: registrable.split('.').map(skeleton) });
    }
    for (const w of group.products ?? []) {
      const t = main ? makeTarget(main, group, ordinary) : null;
      if (!t) continue;
      setOnce(byProduct, skeleton(w), t);
      if (w.length >= MIN_GLUED_WORD) words.push([skeleton(w), t]);
      // A glue word (`drive`, `prime`) glued on names no brand (rule-product.ts).
      if (w.length >= MIN_PRODUCT_WORD && !isGlue(skeleton(w), false)) productWords.push([skeleton(w), t]);
      else if (w.length === MIN_PRODUCT_WORD - 1 && !isGlue(skeleton(w), false)) shortProducts.push([skeleton(w), t]);
    }
    for (const d of group.imitated) {
      const t = makeTarget(d, group, ordinary);
      if (!t) continue;
      owned.add(t.domain);
      setOnce(byLabel, t.label, t);
      // Its own names are product words of the brand too (`apple-icloud`).
      if (t.kind !== 'generic') setOnce(byProduct, t.skeleton, t);
      pushTo(bySequenceStart, t.sequence[0] ?? '', t);
      if (t.sequence.length === 2) endings.add(t.sequence[1]!);
      setOnce(byJoined, t.sequence.join(''), t);
      if (t.kind === 'generic') continue;
      setOnce(bySkeleton, t.skeleton, t);
      if (t.kind === 'word') {
        // A long word brand is no other word with i for l or a leet digit (`outiook`, `offic3`); short ones are (`mall`).
        if (t.skeleton.length >= MIN_LOOSE_WORD) setOnce(byLoose, t.loose, t);
        setOnce(byLureToken, t.skeleton, t);
        if (t.skeleton.length >= MIN_GLUED_WORD) words.push([t.skeleton, t]);
      } else {
        fuzzy.push(t);
        setOnce(byLoose, t.loose, t);
        setOnce(t.kind === 'plain' ? byLureToken : byToken, t.skeleton, t);
      }
    }
  }
  for (const group of all) for (const w of group.services ?? []) setServiceOnce(byService, skeleton(w), group, byLabel);
  // After the brands' own labels, which win a tie.
  for (const t of all.flatMap((g) => namedProducts(g, ordinary))) {
    fuzzy.push(t);
    setOnce(bySkeleton, t.skeleton, t);
    setOnce(byLoose, t.loose, t);
    setOnce(byToken, t.skeleton, t);
  }
  // Longest brands first: `microsoftonline` before `microsoft` in a compound.
  fuzzy.sort((a, b) => b.loose.length - a.loose.length);
  const byGram = gramIndex(fuzzy);
  return {
    owned, ownedEndings, productWords, shortProducts, byService, byLabel, bySkeleton, byLoose, fuzzy, words, byToken, byLureToken, byJoined, endings, bySequenceStart, byProduct,
    // Skeletons are letters and digits, save an admin's odd label: escaped to be read literally.
    looseWordPattern: looseWordPattern(words),
    wordPattern: words.length ? new RegExp(words.map(([w]) => w.replace(/[^a-z0-9]/g, '\\$&')).join('|')) : null,
    // Targets allowed no edit at all (`gmail`, `appleid`) can have no typo: not filed.
    brandHeads: new Set([...byToken.keys()].flatMap((k) => Array.from({ length: k.length - 1 }, (_, i) => k.slice(0, i + 1)))),
    // A name built on a word with no edit of its own (`gmail`) gets one from a sign-in word (rule-typo.ts).
    fuzzyByTypoKey: byTypoKey(fuzzy.filter((t) => t.maxEdits >= 0 || t.composed)),
    productPattern: productWords.length ? new RegExp(productWords.map(([w]) => w.replace(/[^a-z0-9]/g, '\\$&')).join('|')) : null,
    byHead: headIndex(fuzzy, words),
    byGram,
    gramSlots: gramSlotsOf(byGram),
    // A typo of an owned label keeps the brand's beginning (rule-typo.ts), so its first letter at any length.
    ownedByTypoKey: byTypoKey(ownedFuzzy, Infinity),
    ownedByLoose: new Map(ownedFuzzy.map((t) => [t.loose, t])),
    ownedLabels,
  };
}

function looseWordPattern(words: readonly (readonly [string, Target])[]): RegExp | null {
  const loose = words.filter(([w, t]) => t.kind === 'word' && w === t.skeleton && w.length >= MIN_LOOSE_WORD).map(([, t]) => t.loose);
  return loose.length ? new RegExp(loose.map((w) => w.replace(/[^a-z0-9]/g, '\\$&')).join('|')) : null;
}

/** The first two letters of `s` as one number: a Map key without a string to allocate. */
export function headKey(s: string): number {
  return s.charCodeAt(0) * 65_536 + s.charCodeAt(1);
}

/** Heads of 2 letters: a disguised brand keeps its first two letters in the fold. */
function headIndex(fuzzy: readonly Target[], words: readonly (readonly [string, Target])[]): Map<number, Target[]> {
  const out = new Map<number, Target[]>();
  for (const t of fuzzy) if (t.label.length >= 5) pushTo(out, headKey(t.loose), t);
  for (const [, t] of words) if (t.kind === 'word' && t.label === t.skeleton && t.label.length >= 5) pushTo(out, headKey(t.skeleton), t);
  return out;
}

/** A service name stands for its own imitated domain (`gmail.com`), or for the brand's first one when it is only a product word (`o365`). */
function setServiceOnce(out: Map<string, Target>, skel: string, group: ProtectedGroup, byLabel: ReadonlyMap<string, Target>): void {
  const t = byLabel.get(skel) ?? (group.imitated[0] ? byLabel.get(registrableDomain(group.imitated[0])?.split('.')[0] ?? '') : undefined);
  if (t && t.brand === group.brand) setOnce(out, skel, t);
}

/** Below this length a typo keeps the brand's first letter (typo.ts), so targets are also keyed by it. */
const KEEPS_FIRST_LETTER_BELOW = 9;

/** Bucket of a target by length and first letter (0 for long targets, whose typos may change it). */
export function typoKey(length: number, firstLetter: number): number {
  return length * 65_536 + firstLetter;
}

function byTypoKey(targets: readonly Target[], keepsFirstLetterBelow = KEEPS_FIRST_LETTER_BELOW): Map<number, Target[]> {
  const out = new Map<number, Target[]>();
  for (const t of targets) {
    const first = t.loose.length < keepsFirstLetterBelow ? t.loose.charCodeAt(0) : 0;
    pushTo(out, typoKey(t.loose.length, first), t);
  }
  return out;
}

export const GRAM = 3;
/** Brands this long are found glued with one edit (rule-compound.ts). */
export const MIN_GLUED_WITH_EDIT = 9;

function gramIndex(targets: readonly Target[]): Map<string, Target[]> {
  const out = new Map<string, Target[]>();
  for (const t of targets) {
    const grams = new Set([t.loose.slice(0, GRAM)]);
    if (t.loose.length >= MIN_GLUED_WITH_EDIT) {
      const half = t.loose.length >> 1;
      grams.add(t.loose.slice(half, half + GRAM));
    } else if (t.loose.length >= 2 * GRAM - 1) {
      // A slip next to a lure (rule-compound.ts) leaves the first or the last gram whole (5 letters: they overlap, `yah`, `hoo`).
      grams.add(t.loose.slice(-GRAM));
    }
    for (const g of grams) pushTo(out, g, t);
  }
  return out;
}

const GRAM_SLOTS = 1 << 16;

/** A hash of the gram at `i` in `text`: equal grams share a slot, so an empty slot rules a gram out. */
function gramSlot(text: string, i: number): number {
  return (text.charCodeAt(i) * 961 + text.charCodeAt(i + 1) * 31 + text.charCodeAt(i + 2)) & (GRAM_SLOTS - 1);
}

function gramSlotsOf(byGram: ReadonlyMap<string, readonly Target[]>): Uint8Array {
  const slots = new Uint8Array(GRAM_SLOTS);
  for (const g of byGram.keys()) slots[gramSlot(g, 0)] = 1;
  return slots;
}

/** The compound candidates filed under the gram at `i` in `loose` (byGram). */
export function targetsAtGram(index: ProtectedIndex, loose: string, i: number): readonly Target[] | undefined {
  return index.gramSlots[gramSlot(loose, i)] ? index.byGram.get(loose.slice(i, i + GRAM)) : undefined;
}
