// A brand's product word standing for the brand (`nid` for Naver, `owa`
// for Microsoft): alone next to a sign-in word or on a free site
// (`nid-login`, `nid-mail.pe.hu`), or glued to glue words in one token,
// when a sign-in word is glued on too (`helpnid`, `owalogin`,
// `metasupportmail`) or stands by
// as for the bare word (`nidcorp.n-e.kr`). Glued to anything else it is
// just letters (`nidus`, `iosevka`). A product word that is itself a glue
// word (`drive`, `prime`, `teams`) is glued to any brand, and to everyday
// names (`memberdrive`): glued, it names no one (left out of the index's
// productWords).
import VOCABULARY from './vocabulary.json' with { type: 'json' };
import { isLure, misspeltLure } from './lure.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import { isGlue } from './segment.ts';

export interface ProductContext {
  /** A sign-in word is in the name. */
  signIn: boolean;
  /** The name is a free site (free-host.ts). */
  freeSite: boolean;
}

const SERVICE_WORDS: readonly string[] = VOCABULARY.service;
const TRAILING_DIGITS = /[0-9]+$/;

/** Sign-in words long enough to be read inside a glued rest (`supportmail`); shorter ones (`id`, `sso`) hide in any letters. */
const SIGN_IN_INSIDE = new RegExp(VOCABULARY.signIn.filter((w) => w.length >= 4).join('|'));

/** The glue around the product holds a sign-in word (`help`, `supportmail`). */
function signInAround(prefix: string, suffix: string): boolean {
  return isLure(prefix) || isLure(suffix) || SIGN_IN_INSIDE.test(prefix) || SIGN_IN_INSIDE.test(suffix);
}

function gluedProductTarget(index: ProtectedIndex, skel: string, context: ProductContext): Target | undefined {
  // Most tokens hold no product word: one regex pass rules them out.
  if (!index.productPattern?.test(skel)) return undefined;
  for (const [w, t] of index.productWords) {
    if (skel.length <= w.length) continue;
    const at = skel.indexOf(w);
    if (at < 0) continue;
    const prefix = skel.slice(0, at);
    const suffix = skel.slice(at + w.length);
    if (!isGlue(prefix, false) || !isGlue(suffix, false)) continue;
    if (context.signIn || context.freeSite || signInAround(prefix, suffix)) return t;
  }
  return undefined;
}

/**
 * A two-letter product word (`fb`, `ig`) glued to glue words and nothing
 * else (`appsfb`, `igsecurity`, `appappfbfb`, `mobilefb`): too short to be
 * read inside any other letters, but a token made only of the words
 * phishers glue on and the brand's abbreviation is no one else's name.
 * A misspelt lure word may lead it, as the lure word itself may
 * (`periingatanfb1923`, `peringatanfb2018`).
 * Not with a service word (`fbmail`, `msmail`): two letters and mail name a
 * mail service, as a brand joined by one does (rule-service-name.ts).
 */
function gluedAbbreviation(index: ProtectedIndex, skel: string): Target | undefined {
  if (SERVICE_WORDS.some((w) => skel.includes(w))) return undefined;
  for (const [w, t] of index.shortProducts) {
    if (skel.length <= w.length) continue;
    const at = skel.indexOf(w);
    if (at < 0) continue;
    // The abbreviation may be written twice (`appappfbfb`), and a number may end the name (`peringatanfb2018`).
    const own = new Set([w]);
    const prefix = skel.slice(0, at);
    const rest = skel.slice(at + w.length).replace(TRAILING_DIGITS, '');
    // Not the abbreviation and a number alone (`ms1.` is a server's name).
    if (prefix === '' && rest === '') continue;
    // A lure word misspelt as phishers misspell them may lead (`periingatanfb1923`: lure.ts misspeltLure),
    // not one that is only short of the abbreviation's first letter (`confirms` is confirm + s, not confir + ms).
    const misspelt = misspeltLure(prefix) !== null && !isLure(prefix + w[0]!);
    if ((isGlue(prefix, false, own) || misspelt) && isGlue(rest, false, own)) return t;
  }
  return undefined;
}

/** `skel` is a skeleton token. */
export function productTarget(index: ProtectedIndex, skel: string, context: ProductContext): Target | undefined {
  const bare = context.signIn || context.freeSite ? index.byProduct.get(skel) : undefined;
  return bare ?? gluedProductTarget(index, skel, context) ?? gluedAbbreviation(index, skel);
}
