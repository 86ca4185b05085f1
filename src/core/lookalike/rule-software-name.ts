// A fake software download or update named after a brand's products:
// the label is made only of its software product words and the words only
// software is updated, installed or sold with (`officefont`,
// `windowsappstore`, `cdnmsnupdate`, `msofficelab`, `windowofficeupdate`,
// the fake browser update `chromeupdates`).
// Every word must be one of vocabulary.json's software lists, so a product
// word beside anything else (`officedepot`, `windowsworld`) or beside only
// shop and help words (`officesupport`, `windowsstore`) stays quiet: office
// and windows are everyday words, and only the update words make them
// Microsoft's. No sign-in word is needed: such names are lures themselves.
import VOCABULARY from './vocabulary.json' with { type: 'json' };
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex } from './protected-index.ts';
import type { Lookalike } from './verdict.ts';

const PRODUCTS: Readonly<Record<string, string>> = VOCABULARY.softwareProducts;

/** What a word adds to a reading: a software word (1), a product word (2), or nothing. */
const SOFTWARE = 1;
const PRODUCT = 2;
const BOTH = SOFTWARE | PRODUCT;

const WORDS = new Map<string, number>([
  ...Object.keys(VOCABULARY.softwareHelpers).map((w) => [w, 0] as const),
  ...VOCABULARY.softwareFiller.map((w) => [w, 0] as const),
  ...VOCABULARY.softwareWords.map((w) => [w, SOFTWARE] as const),
  ...Object.keys(PRODUCTS).map((w) => [w, PRODUCT] as const),
]);
const LONGEST = Math.max(...[...WORDS.keys()].map((w) => w.length));

/** Most labels hold no product word: one regex pass rules them out. */
const PRODUCT_PATTERN = new RegExp(Object.keys(PRODUCTS).sort((a, b) => b.length - a.length).join('|'));

/**
 * Can `text` be read wholly as list words with a product and a software
 * word among them? reach[i] is a 4-bit set of the flag sets (0..3) some
 * reading of text[0, i) reaches, so the cost is linear in the label.
 */
function readsAsSoftware(text: string): boolean {
  const reach = new Uint8Array(text.length + 1);
  reach[0] = 1; // flags 0 reached
  for (let i = 0; i < text.length; i++) {
    const here = reach[i]!;
    if (here === 0) continue;
    for (let len = 1; len <= LONGEST && i + len <= text.length; len++) {
      const adds = WORDS.get(text.slice(i, i + len));
      if (adds === undefined) continue;
      let next = 0;
      for (let flags = 0; flags <= BOTH; flags++) if (here & (1 << flags)) next |= 1 << (flags | adds);
      reach[i + len]! |= next;
    }
  }
  return (reach[text.length]! & (1 << BOTH)) !== 0;
}

export function bySoftwareName(index: ProtectedIndex, parts: HostParts): Lookalike | null {
  const text = parts.label.replace(/-/g, '');
  const product = PRODUCT_PATTERN.exec(text);
  if (!product || !readsAsSoftware(text)) return null;
  const t = index.byLabel.get(PRODUCTS[product[0]] ?? '');
  return t ? { imitates: t.domain, brand: t.brand, rule: 'embedded-brand', part: parts.labelText } : null;
}
