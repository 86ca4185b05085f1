// A confusable skeleton for host labels, after UTS #39 section 4 ("skeleton").
//
// Why not only the `confusables` package: it is a profanity-filter table for
// English text, not UTS #39. It leaves all ASCII alone (so no `0`->`o`,
// `1`->`l`, `rn`->`m`), maps some letters to a different prototype than UTS #39
// (`ı`->`l`, `ⅼ`->`i`, `ß`->`B`) and folds diacritics. No maintained UTS #39
// implementation is installed, so the skeleton here is:
//   1. NFKD (folds fullwidth and mathematical alphanumerics, splits accents),
//   2. drop combining marks and Default_Ignorable code points (zero-width joiners),
//   3. map each remaining character: our UTS #39-derived overrides first, then the
//      package's cross-script table (Cyrillic, Greek, Cherokee, Lisu ...),
//   4. lowercase (hosts are case-insensitive, UTS #39 is not),
//   5. fold the ASCII look-alikes that UTS #39 lists (`0`->`o`, `1`/`|`->`l`,
//      `rn`->`m`) plus `vv`->`w`, a common phishing trick beyond UTS #39.
// Dropping diacritics is deliberately coarser than UTS #39: `gооglé` should
// read as `google` for a phishing warning.
import { confusablesMap } from 'confusables';

/** Prototypes from Unicode's confusables.txt where the package disagrees or has none. */
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
  return OVERRIDES.get(ch) ?? confusablesMap.get(ch) ?? ch;
}

function foldAsciiLookalikes(s: string): string {
  return s.replace(/0/g, 'o').replace(/[1|]/g, 'l').replace(/rn/g, 'm').replace(/vv/g, 'w');
}

/** The skeleton of one label (or any string) in Unicode form. */
export function skeleton(text: string): string {
  let s = text.normalize('NFKD');
  if (!ASCII.test(s)) {
    s = s.replace(MARKS_AND_IGNORABLES, '');
    let mapped = '';
    for (const ch of s) mapped += prototypeOf(ch);
    s = mapped;
  }
  // Capital I reads as l (UTS #39); lowercasing first would turn it into i.
  return foldAsciiLookalikes(s.replace(/I/g, 'l').toLowerCase());
}
