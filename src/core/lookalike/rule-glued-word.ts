// A brand whose name is an ordinary word (`daum`, `office`, `live`,
// `proton`), or one of its product words (`meta`, `teams`), glued to lure
// words in one token (`daumlogin`, `secureoffice`, `verificationlive`,
// `metaemailsecurity`). Glued to anything else it is just
// the word (`olive`, `officedepot`), so what stands around it must be glue,
// lure or the brand's product words, and a sign-in or bait word must be in
// the name: a credential word in the token itself, or any lure in another token;
// a portal's word name with one stray letter needs none (`udaum`).
import VOCABULARY from './vocabulary.json' with { type: 'json' };
import type { ProtectedIndex, Target } from './protected-index.ts';
import { holdsCredential } from './lure.ts';
import { looseFold } from './fold.ts';
import { isGlue } from './segment.ts';

const AROUND: ReadonlySet<string> = new Set([...VOCABULARY.signIn, ...VOCABULARY.bait]);

/** On a free site (free-host.ts) a stray letter or two may stand by too (`cdaum.pe.hu`, `outlookin.ml`). */
const MAX_STRAY_ON_FREE_SITE = 2;

/** Glue, lure or product words; a lure word longer than any glue word (`verification`) as the whole rest. */
function fits(rest: string, t: Target, freeSite: boolean): boolean {
  if (freeSite && rest.length <= MAX_STRAY_ON_FREE_SITE) return true;
  return AROUND.has(rest) || isGlue(rest, false, t.products) || isGlue(rest, false, AROUND);
}

/** The rest is one of the brand's product words, not the word brand itself (`ms` by `live`). */
function ownProduct(rest: string, t: Target): boolean {
  return rest !== '' && rest !== t.skeleton && t.products.has(rest);
}

/** Where the word brand is in the token: as written, or for a long one in loose fold (`offlce`, `offic3`: rule-folding.ts). */
function wordAt(skel: string, loose: string, word: string, t: Target): number {
  const at = skel.indexOf(word);
  if (at >= 0 || word !== t.skeleton || word.length < MIN_LOOSE_WORD) return at;
  return loose.indexOf(t.loose);
}

/** Word brands this long are read in loose fold (protected-index.ts). */
const MIN_LOOSE_WORD = 6;

/** `skel` is a skeleton token; `lure` says a lure word is elsewhere in the name, `freeSite` that it is a free site. */
export function gluedWordTarget(index: ProtectedIndex, skel: string, lure: boolean, freeSite = false, loose = looseFold(skel)): Target | undefined {
  // Most tokens hold no word brand: one regex pass rules them out (in loose fold for the long ones: `secureofflce`).
  if (!index.wordPattern?.test(skel) && !index.looseWordPattern?.test(loose)) return undefined;
  for (const [word, t] of index.words) {
    if (skel.length <= word.length) continue;
    const at = wordAt(skel, loose, word, t);
    if (at < 0) continue;
    // A digit filler may start or end it (`365msoffice`, `officeonline365`), a letter may not (`lively`).
    const prefix = skel.slice(0, at).replace(/^[0-9]+/, '');
    const rest = skel.slice(at + word.length);
    const suffix = rest.replace(/[0-9]+$/, '');
    // A portal that runs no national sites (`daum`: brands.json `national: false`) with one stray letter (`udaum`, `daumi`):
    // the portal's own name, no word's, as its label under any ending is (rule-foreign-tld.ts).
    if (!t.national && prefix.length + suffix.length === 1) return t;
    if (!fits(prefix, t, freeSite) || !fits(suffix, t, freeSite)) continue;
    // Inside the token only credential words count (`servicelive` is a name, `verificationlive` a lure),
    // and the brand's own product words: two of its names in one (`mslive`, `365msoffice`).
    if (lure || holdsCredential(prefix) || holdsCredential(suffix) || ownProduct(prefix, t) || ownProduct(suffix, t)) return t;
    // The number at the end completes another of its names (`officeonline365`: office365 with a word put in).
    if (suffix !== rest && t.names.has(word + rest.slice(suffix.length))) return t;
  }
  return undefined;
}
