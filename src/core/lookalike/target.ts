// One imitation target: a protected registrable domain (or a name standing
// for one) as the look-alike rules compare it, with how strictly each rule
// may match it (its kind, its edits), derived from the brand data.
import type { ProtectedGroup } from './protected-domains.ts';
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
  /** The domain's ending (`com`, `co.jp`). */
  ending: string;
  kind: TargetKind;
  /** The brand's product words (`nid` for Naver): glue around its name (`nidnaver`). */
  products: ReadonlySet<string>;
  /** Its product words and its other names (`icloud` for apple): glue around its name in a compound (rule-compound.ts). */
  names: ReadonlySet<string>;
  /** Built on an ordinary word (`gmail`, `icloud`): see isComposed. */
  composed: boolean;
  /** The owner may run national sites (brands.json `national`, default true). */
  national: boolean;
  /** The letter the brand puts before its product names (brands.json `namePrefix`: `i` for Apple). */
  namePrefix?: string;
  /** Edits a typo may make (typo.ts); below 0, not even a swap or a doubled letter. */
  maxEdits: number;
}

/** Labels shorter than this are treated as words (too many accidental hits). */
const MIN_DISTINCTIVE = 5;
/** Shorter skeletons match by nothing but whole-domain embedding. */
const MIN_SKELETON = 3;

/** Every brand's ordinary-word labels (`mail`, `office`, `proton`). */
export function ordinaryWords(groups: readonly ProtectedGroup[]): ReadonlySet<string> {
  return new Set(groups.flatMap((g) => [...(g.words ?? []), ...(g.generic ?? [])]));
}

/**
 * A label built on an ordinary word (`gmail`, `hotmail`, `protonmail`,
 * `icloud`, `office365`): mail-typo catchers, mail services and unrelated
 * names hold its near spellings (`gmial`, `prontomail`, `gmailxyz`,
 * `medicalcloud`), so it gets one edit fewer, needs a sign-in word as a bare
 * token like a plain name, and is found glued only between glue words.
 */
function isComposed(label: string, ordinary: ReadonlySet<string>): boolean {
  // Two-letter words (`ya`, `me`) start too many names to tell anything.
  for (const w of ordinary) if (w.length >= MIN_SKELETON && w !== label && (label.startsWith(w) || label.endsWith(w))) return true;
  return false;
}

function kindOf(label: string, group: ProtectedGroup, composed: boolean): TargetKind {
  if (group.generic?.includes(label) || label.length < MIN_SKELETON) return 'generic';
  if (group.words?.includes(label) || (label.length < MIN_DISTINCTIVE && !group.shortNames?.includes(label))) return 'word';
  return group.plainTokens?.includes(label) || composed ? 'plain' : 'distinctive';
}

/** Shorter own names (`me`, `mac`, `msn`) are in too many other words to be read as glue. */
const MIN_OWN_NAME = 4;

/**
 * The brand's product words and its other names (`icloud` for apple,
 * `apple` for icloud): glued to one another they still name the brand
 * (`appleicloud`, `icloudserviceapple`), as its product words do.
 */
function ownNames(group: ProtectedGroup): ReadonlySet<string> {
  const names = new Set(group.products ?? []);
  for (const d of group.imitated) {
    const label = registrableDomain(d)?.split('.')[0];
    if (label && label.length >= MIN_OWN_NAME && !group.generic?.includes(label)) names.add(skeleton(label));
  }
  return names;
}

/** `label` defaults to the domain's own; a product word or an owned label stands for `domain`. */
export function makeTarget(domain: string, group: ProtectedGroup, ordinary: ReadonlySet<string>, ownLabel?: string): Target | null {
  const registrable = registrableDomain(domain);
  if (!registrable) return null;
  const label = ownLabel ?? registrable.split('.')[0]!;
  const skel = skeleton(label);
  const composed = isComposed(label, ordinary);
  return {
    domain: registrable,
    brand: group.brand,
    label,
    skeleton: skel,
    loose: looseFold(skel),
    sequence: registrable.split('.').map(skeleton),
    ending: registrable.slice(registrable.indexOf('.') + 1),
    kind: kindOf(label, group, composed),
    products: new Set(group.products ?? []),
    names: ownNames(group),
    composed,
    national: group.national !== false,
    ...(group.namePrefix ? { namePrefix: group.namePrefix } : {}),
    maxEdits: allowedEdits(label.length) - (composed ? 1 : 0),
  };
}

/**
 * A product word that is the brand's name with more glued on (`appleid`):
 * distinctive as a whole, so it is a target like the brand's own labels
 * (`appleld-us`, `appleidsf`), imitating the brand's first domain.
 */
export function namedProducts(group: ProtectedGroup, ordinary: ReadonlySet<string>): Target[] {
  const main = group.imitated[0];
  const brandLabel = main ? registrableDomain(main)?.split('.')[0] : undefined;
  if (!main || !brandLabel || brandLabel.length < MIN_DISTINCTIVE) return [];
  return (group.products ?? [])
    .filter((w) => w.length > brandLabel.length && w.startsWith(brandLabel))
    .flatMap((w) => makeTarget(main, group, ordinary, w) ?? [])
    // No typos: one slip from the brand plus a word is mostly another word (`applied`).
    .map((t) => ({ ...t, maxEdits: -1 }));
}
