// Brand + filler names built from a brand's own notice words
// (vocabulary.json `brandLure`): Meta's business-page phishing registers
// `facebookpagereview`, `fbpage-help`, `meta-verified-badge`,
// `page-appeal-meta`, Microsoft 365's `office365-voicemail`, Apple's
// `apple-receipt`, LinkedIn's `linkedinjobs-apply`:
// words no generic rule counts as lures. The registrable
// label (or, in front of another site, a subdomain label) must read as
// nothing but the brand's names, its notice words, the glue words and
// digits, with at least one notice word; a name that is an
// English word (`meta`) needs a strong one right next to it, or two of the
// brand's own (`meta-appeal`, `meta-page-review`; not `meta-review` or
// `metabusiness`). Only that brand's words count for that brand.
import VOCABULARY from './vocabulary.json' with { type: 'json' };
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import { isGlueWord } from './segment.ts';
import { isTypoOf } from './typo.ts';
import type { Lookalike } from './verdict.ts';
import { perIndex } from './per-index.ts';

interface BrandWords {
  /** Notice words and strong ones: any of them makes a distinctive name or abbreviation a lure. */
  words: ReadonlySet<string>;
  /** The brand's features (`reels`, `marketplace`): as `words`, for the brand's own label only. */
  products: ReadonlySet<string>;
  strong: ReadonlySet<string>;
  wordNames: ReadonlySet<string>;
}

const plural = (ws: readonly string[]): Set<string> => new Set(ws.flatMap((w) => (w.endsWith('s') ? [w] : [w, `${w}s`])));

const BRAND_WORDS: ReadonlyMap<string, BrandWords> = new Map(
  Object.entries(VOCABULARY.brandLure).map(([brand, v]) => [
    brand,
    { words: plural([...v.words, ...v.strong]), products: new Set(v.products), strong: plural(v.strong), wordNames: new Set(v.wordNames) },
  ]),
);

interface Name {
  target: Target;
  /** An English word (`meta`): a strong notice word must stand next to it. */
  word: boolean;
  /** The brand's own label (`facebook`), not an abbreviation (`fb`, `ig` for IG Group too): its features count with it. */
  distinctive: boolean;
}

/** Distinctive names this long are read with one slip too (typo.ts gives them one edit). */
const MIN_SLIPPED_NAME = 8;

interface Table {
  names: ReadonlyMap<string, Name>;
  /** Distinctive names of MIN_SLIPPED_NAME+ letters by length. */
  longNames: ReadonlyMap<number, readonly string[]>;
  /** Any name of those brands in a label, in one pass: most labels skip the segmentation. */
  pattern: RegExp | null;
  longest: number;
}

/** The names of the brands with notice words: their distinctive labels and product words (`facebook`, `fb`, `meta`). */
const tableOf = perIndex((index): Table => {
  const names = new Map<string, Name>();
  for (const source of [index.byToken, index.byProduct]) {
    for (const [key, target] of source) {
      const words = BRAND_WORDS.get(target.brand);
      if (words && !names.has(key)) names.set(key, { target, word: words.wordNames.has(key), distinctive: source === index.byToken });
    }
  }
  const keys = [...names.keys()];
  const longest = Math.max(0, ...keys.map((k) => k.length), ...[...BRAND_WORDS.values()].flatMap((w) => [...w.words, ...w.products].map((x) => x.length)));
  const longNames = new Map<number, string[]>();
  for (const [key, name] of names) if (name.distinctive && key.length >= MIN_SLIPPED_NAME) longNames.set(key.length, [...(longNames.get(key.length) ?? []), key]);
  // One slip leaves a long name's first four letters or its last four whole.
  const heads = [...longNames.values()].flat().flatMap((k) => [k.slice(0, 4), k.slice(-4)]);
  return { names, longNames, pattern: keys.length ? new RegExp([...keys, ...heads].join('|')) : null, longest: Math.max(longest, 16) };
});

const DIGITS = /^[0-9]+$/;
/** Any notice word in a label, in one pass. */
const ANY_WORD = new RegExp([...new Set([...BRAND_WORDS.values()].flatMap((w) => [...w.words, ...w.products]))].join('|'));

/**
 * The token as the fewest pieces that are each a name, a notice word of any
 * such brand, a glue word or digits; null when no such reading exists.
 * Linear in the token: pieces are at most `longest` letters.
 */
function pieces(token: string, table: Table): string[] | null {
  const n = token.length;
  const best = new Int32Array(n + 1).fill(-1);
  const back = new Int32Array(n + 1);
  const read: (string | undefined)[] = [];
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i]! < 0) continue;
    for (let j = i + 1; j <= Math.min(n, i + table.longest); j++) {
      const piece = token.slice(i, j);
      const slip = isPiece(piece, table) ? piece : slippedName(piece, table) ?? slippedWord(piece);
      if (slip === undefined) continue;
      if (best[j]! < 0 || best[i]! + 1 < best[j]!) {
        best[j] = best[i]! + 1;
        back[j] = i;
        read[j] = slip;
      }
    }
  }
  if (best[n]! < 0) return null;
  const out: string[] = [];
  for (let j = n; j > 0; j = back[j]!) out.push(read[j]!);
  return out.reverse();
}

/** Notice words of MIN_SLIPPED_WORD+ letters by length and first letter, for slippedWord. */
const MIN_SLIPPED_WORD = 6;
const wordKey = (length: number, first: number): number => length * 65_536 + first;
const SLIPPABLE = new Map<number, string[]>();
for (const w of new Set([...BRAND_WORDS.values()].flatMap((b) => [...b.words, ...b.products]))) {
  if (w.length < MIN_SLIPPED_WORD) continue;
  const key = wordKey(w.length, w.charCodeAt(0));
  SLIPPABLE.set(key, [...(SLIPPABLE.get(key) ?? []), w]);
}

/**
 * A notice word of 6+ letters misspelt as lure words are (lure.ts
 * misspeltLure: `verifed`, `reveiw`): a swap or a doubled letter, any one
 * edit from 9 letters (`copyrigth`); the word it stands for.
 */
function slippedWord(piece: string): string | undefined {
  if (piece.length < MIN_SLIPPED_WORD - 1) return undefined;
  for (let len = piece.length - 1; len <= piece.length + 1; len++) {
    for (const w of SLIPPABLE.get(wordKey(len, piece.charCodeAt(0))) ?? []) if (isTypoOf(piece, w, len >= 9 ? 1 : 0) || (len === piece.length + 1 && len < 9 && isDropped(piece, w))) return w;
  }
  return undefined;
}

/** `verifed` for `verified`: one letter of `w` left out (not the first). */
function isDropped(piece: string, w: string): boolean {
  let i = 0;
  while (i < piece.length && piece[i] === w[i]) i++;
  return i > 0 && piece.slice(i) === w.slice(i + 1);
}

/** A long distinctive name with one slip, as the typo rule reads it bare (`facebok`, `faecbook`): the name it stands for. */
function slippedName(piece: string, table: Table): string | undefined {
  for (let len = piece.length - 1; len <= piece.length + 1; len++) {
    for (const name of table.longNames.get(len) ?? []) if (isTypoOf(piece, name, 1)) return name;
  }
  return undefined;
}

function isPiece(piece: string, table: Table): boolean {
  if (table.names.has(piece) || isGlueWord(piece) || DIGITS.test(piece)) return true;
  for (const w of BRAND_WORDS.values()) if (w.words.has(piece) || w.products.has(piece)) return true;
  return false;
}

const SIGN_IN: ReadonlySet<string> = new Set(VOCABULARY.signIn);

/** A notice word that is no glue word: the brand's own (`page`, `review`), not anyone's (`help`, `business`). */
const own = (p: string, words: BrandWords): boolean => words.words.has(p) && !isGlueWord(p);

/**
 * An English-word name (`meta`) with a strong notice word next to it
 * (`meta-appeal`), one of the brand's own next to it and another in the
 * label (`meta-page-review`), or one of its own and a sign-in word: one
 * such word alone makes names (`metareview`, `meta-page`).
 */
function wordNameFits(all: readonly string[], i: number, words: BrandWords): boolean {
  const before = all[i - 1] ?? '';
  const after = all[i + 1] ?? '';
  if (words.strong.has(before) || words.strong.has(after)) return true;
  const owns = all.filter((p) => own(p, words)).length;
  // With a sign-in word as well, one of its own anywhere will do (`metaaccountreview`).
  if (owns >= 1 && all.some((p) => SIGN_IN.has(p))) return true;
  return owns >= 2 && (own(before, words) || own(after, words));
}

/** A name among `all` with its brand's notice words around as that name needs them. */
function named(all: readonly string[], table: Table): Target | null {
  for (let i = 0; i < all.length; i++) {
    const name = table.names.get(all[i]!);
    if (!name) continue;
    const words = BRAND_WORDS.get(name.target.brand)!;
    const fits = name.word ? wordNameFits(all, i, words) : all.some((p) => words.words.has(p) || (name.distinctive && words.products.has(p)));
    if (fits) return name.target;
  }
  return null;
}

/** One label's tokens as pieces, or null when one token reads as none. */
function labelPieces(tokens: readonly string[], written: readonly string[], from: number, to: number, table: Table): string[] | null {
  const all: string[] = [];
  for (let i = from; i < to; i++) {
    const skel = tokens[i]!;
    const as = written[i] ?? skel;
    // The skeleton reads `faceb00k` as the brand, the written token `2024` as digits.
    const p = pieces(skel, table) ?? (as !== skel ? pieces(as, table) : null);
    if (!p) return null;
    all.push(...p);
  }
  return all;
}

/** One label's tokens as pieces, the brand named by them, or null. */
function readLabel(tokens: readonly string[], written: readonly string[], from: number, to: number, table: Table): Target | null {
  const all = labelPieces(tokens, written, from, to, table);
  // One piece is the brand's label alone, which the other rules judge.
  return all && all.length > 1 ? named(all, table) : null;
}

/**
 * The brand's name alone in front of a site named by nothing but its notice
 * words (one of its own among them) and a number
 * (`facebook.page-34829372.com`): the name and the notice split by a dot,
 * read as one label. A customer's space is named after the customer on the
 * service's own site; this site is named after the notice.
 */
function nameInFront(parts: HostParts, table: Table): Target | null {
  const behind = labelPieces(parts.labelTokens, parts.labelWritten, 0, parts.labelTokens.length, table);
  if (!behind || behind.some((p) => table.names.has(p))) return null;
  let i = 0;
  for (const size of parts.subLabelSizes) {
    const token = parts.subTokens[i]!;
    const name = size === 1 ? table.names.get(token) : undefined;
    const words = name && BRAND_WORDS.get(name.target.brand);
    // One of the brand's own words behind, not anyone's (`facebook.help-center.com` may be a help desk's customer).
    const t = words && behind.some((p) => own(p, words)) ? named([token, ...behind], table) : null;
    if (t) return t;
    i += size;
  }
  return null;
}

/** Notice words this long are read inside any letters (`summary`, not `case`, which many words hold). */
const MIN_NOTICE_INSIDE = 5;
/** The same, for a brand: its own notice words of that length, no glue words (not `support`, anyone's). */
const NOTICE_INSIDE = new Map(
  [...BRAND_WORDS].map(([brand, w]) => [brand, [...w.words].filter((x) => x.length >= MIN_NOTICE_INSIDE && !isGlueWord(x))] as const),
);

/**
 * A distinctive name of 6+ letters heading a glued token with one of its
 * brand's own notice words somewhere in the rest, whatever else is there
 * (`paypalstatmentssummaryintl`, `paypalsurabayamildmysummary`): kits pad
 * the notice with filler, and a brand's own notice glued to its name is no
 * one else's.
 */
function headedNotice(token: string, table: Table): Target | null {
  for (let len = Math.min(token.length - MIN_NOTICE_INSIDE, table.longest); len >= 6; len--) {
    const name = table.names.get(token.slice(0, len));
    if (!name?.distinctive) continue;
    const rest = token.slice(len);
    if (NOTICE_INSIDE.get(name.target.brand)?.some((w) => rest.includes(w))) return name.target;
  }
  return null;
}

/** The registrable label, then each subdomain label (`facebookpagereview.weebly.com`, as the subdomain rule reads a brand with words around it). */
export function byBrandLure(index: ProtectedIndex, parts: HostParts): Lookalike | null {
  const table = tableOf(index);
  if (!table.pattern?.test(parts.host) || !ANY_WORD.test(parts.host)) return null;
  const own = readLabel(parts.labelTokens, parts.labelWritten, 0, parts.labelTokens.length, table) ?? headedNotice(parts.labelTokens[0] ?? '', table);
  if (own) return { imitates: own.domain, brand: own.brand, rule: 'embedded-brand', part: parts.labelText };
  let i = 0;
  for (const size of parts.subLabelSizes) {
    const t = readLabel(parts.subTokens, parts.subWritten, i, i + size, table);
    if (t) return { imitates: t.domain, brand: t.brand, rule: 'subdomain', part: parts.domain };
    i += size;
  }
  const front = parts.subLabelSizes.length > 0 ? nameInFront(parts, table) : null;
  return front ? { imitates: front.domain, brand: front.brand, rule: 'subdomain', part: parts.domain } : null;
}
