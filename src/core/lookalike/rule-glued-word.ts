// A brand whose name is an ordinary word (`daum`, `office`, `live`,
// `proton`), or one of its product words (`meta`, `teams`), glued to lure
// words in one token (`daumlogin`, `secureoffice`, `verificationlive`,
// `metaemailsecurity`). Glued to anything else it is just
// the word (`olive`, `officedepot`), so what stands around it must be glue,
// lure or the brand's product words, and a sign-in or bait word must be in
// the name: a credential word in the token itself, or any lure in another token.
import VOCABULARY from './vocabulary.json' with { type: 'json' };
import type { ProtectedIndex, Target } from './protected-index.ts';
import { holdsCredential } from './lure.ts';
import { isGlue } from './segment.ts';

const AROUND: ReadonlySet<string> = new Set([...VOCABULARY.signIn, ...VOCABULARY.bait]);

/** On a free site (free-host.ts) a stray letter or two may stand by too (`cdaum.pe.hu`, `outlookin.ml`). */
const MAX_STRAY_ON_FREE_SITE = 2;

/** Glue, lure or product words; a lure word longer than any glue word (`verification`) as the whole rest. */
function fits(rest: string, t: Target, freeSite: boolean): boolean {
  if (freeSite && rest.length <= MAX_STRAY_ON_FREE_SITE) return true;
  return AROUND.has(rest) || isGlue(rest, false, t.products) || isGlue(rest, false, AROUND);
}

/** `skel` is a skeleton token; `lure` says a lure word is elsewhere in the name, `freeSite` that it is a free site. */
export function gluedWordTarget(index: ProtectedIndex, skel: string, lure: boolean, freeSite = false): Target | undefined {
  // Most tokens hold no word brand: one regex pass rules them out.
  if (!index.wordPattern?.test(skel)) return undefined;
  for (const [word, t] of index.words) {
    if (skel.length <= word.length) continue;
    const at = skel.indexOf(word);
    if (at < 0) continue;
    const prefix = skel.slice(0, at);
    const suffix = skel.slice(at + word.length);
    // A digit filler may end it (`officeonline365`), a letter may not (`lively`).
    if (!fits(prefix, t, freeSite) || !fits(suffix.replace(/[0-9]+$/, ''), t, freeSite)) continue;
    // Inside the token only credential words count (`servicelive` is a name, `verificationlive` a lure).
    if (lure || holdsCredential(prefix) || holdsCredential(suffix)) return t;
  }
  return undefined;
}
