// A brand with a few stray letters under an ending sold in bulk for a
// dollar or two (vocabulary.json `bulkEndings`: `icloudht.top`,
// `appledc.top`, `apple-dx.top`, `naver1.xyz`): kits register the brand
// with a short random tag, one domain per target list, where the tag alone
// reads as nothing (`applebees` is a word, `apple-dx` is not). Elsewhere a
// plain brand with a short filler is too often someone's name (`appleton`,
// `gmailxyz`) for the compound rule to read it; under these endings no
// brand registers its own names that way. Only the brand first, then at
// most three letters, up to five with no vowel (`iphone-skzp.top`: no
// syllable, no word), or a number, as the registrable label's only reading:
// one or two tokens, no word brand (`live`, `office` start many names). A
// product the brand names with its own prefix letter (brands.json
// `namePrefix`: `iphone`, `itunes`) stands for it (`iphonerc.top`).
import VOCABULARY from './vocabulary.json' with { type: 'json' };
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import type { Lookalike } from './verdict.ts';

const BULK_ENDINGS: ReadonlySet<string> = new Set(VOCABULARY.bulkEndings);

/** An ending sold in bulk for a dollar or two (vocabulary.json `bulkEndings`). */
export function isBulkEnding(suffix: string): boolean {
  return BULK_ENDINGS.has(suffix);
}
/** A tag of at most three letters, four or five consonants, or digits only. */
const TAG = /^(?:[a-z]{1,3}|[b-df-hj-np-tv-xz]{4,5}|[0-9]+)$/;
/** The longest tag: a vowel-less one. */
const MAX_BARE_TAG = 5;
/** Shorter brands (`aol`, `msn`) start too many tags of their own. */
const MIN_BRAND = 5;
/** Prefixed products this long (`iphone`, `itunes`; not `ipad`, `ios`, which start many tags). */
const MIN_PRODUCT = 6;

function brandOf(index: ProtectedIndex, head: string): Target | undefined {
  const t = index.byToken.get(head) ?? index.byLureToken.get(head);
  if (t) return t.kind !== 'word' && t.kind !== 'generic' && t.skeleton.length >= MIN_BRAND ? t : undefined;
  const p = head.length >= MIN_PRODUCT ? index.byProduct.get(head) : undefined;
  return p?.namePrefix && head.startsWith(p.namePrefix) ? p : undefined;
}

export function byBulkEnding(index: ProtectedIndex, parts: HostParts): Lookalike | null {
  const tokens = parts.labelWritten;
  if (!BULK_ENDINGS.has(parts.suffix) || tokens.length > 2) return null;
  // As written: the skeleton reads a number's 0 and 1 as letters (`naver2o24`).
  const label = tokens.join('');
  // The brand is the longest head the label can have: try the lengths a tag leaves.
  for (let cut = label.length - 1; cut >= label.length - MAX_BARE_TAG && cut >= MIN_BRAND; cut--) {
    const tag = label.slice(cut);
    if (!TAG.test(tag)) continue;
    // Hyphenated, the brand must be the first token whole (`apple-dx`, not `app-ledx`).
    if (tokens.length === 2 && tokens[0]!.length !== cut) continue;
    const t = brandOf(index, label.slice(0, cut));
    if (t) return { imitates: t.domain, brand: t.brand, rule: 'embedded-brand', part: parts.labelText };
  }
  // A number of any length (`naver2024`).
  const digits = /[0-9]+$/.exec(label);
  const t = digits && digits.index >= MIN_BRAND ? brandOf(index, label.slice(0, digits.index).replace(/-$/, '')) : undefined;
  return t ? { imitates: t.domain, brand: t.brand, rule: 'embedded-brand', part: parts.labelText } : null;
}
