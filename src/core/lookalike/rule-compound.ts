// A brand glued to other words in one token (`mymicrosoftaccount`,
// `googleeplay`, `chromegoogle`, `paypalbtc`, `amazonbalance`,
// `selfmicrosofrtenabletrue`, `forkdeltagithub`). Brands of 9+ letters
// count anywhere, even with one edit; shorter ones only when what follows is
// glue words or a short filler (segment.ts) and what precedes is glue words
// or, for 6+ letters, a word of 4+ letters. So `googleplex`, `hicloud`,
// `shotmail`, `pineapple` and `linkedindiscount` stay quiet. A distinctive
// brand of 6-8 letters may carry one slip too when a lure word is all that
// is glued on (`payepalchecker`, `loginpaypa1`): the lure says which word it is;
// any 5-8 letter one a swap or a doubled letter (`amaoznbalance`).
// A token that spells brands of two owners is a list of brands, no one's.
import VOCABULARY from './vocabulary.json' with { type: 'json' };
import { GRAM, MIN_GLUED_WITH_EDIT, targetsAtGram, type ProtectedIndex, type Target } from './protected-index.ts';
import { holdsCredential, isLure, leadsWithCredential } from './lure.ts';
import { findInside, isGlue, type Occurrence } from './segment.ts';
import { isAdjacentSwap } from './typo.ts';
import { perIndex } from './per-index.ts';

const MIN_GLUED = 5;
const MIN_ANYWHERE = MIN_GLUED_WITH_EDIT;
/** A brand of 6+ letters may follow any word this long (`forkdeltagithub`), not a stray letter or two (`hicloud`). */
const MIN_LONG_BRAND = 6;
const MIN_FREE_PREFIX = 4;
const MAX_STRAY_PREFIX = 3;

/** A run that starts with a number (`9to5`, `24x7`) is a name's number, not a word: `9to5google` is a news site's name. */
const LEADING_NUMBER = /^[0-9]/;

/**
 * What may precede the brand: glue words; for a 6+ letter brand any word of
 * 4+ letters (not a number's: `9to5`); and for a distinctive brand that ends the name, a stray letter
 * or three (`rrnaver`, `cnaver`, `sslnaver`): a name that ends in a
 * distinctive brand does not need it to mean anything else, nor does one
 * whose rest holds a credential word.
 */
function prefixFits(prefix: string, t: Target, last: boolean, suffix: string): boolean {
  if (isGlue(prefix, false, t.names)) return true;
  // So may a name that goes on to the credential step (`xpaypallogin`, `ihotmailloginaccount`): the rest says what it is.
  if ((last || holdsCredential(suffix)) && t.kind === 'distinctive' && prefix.length <= MAX_STRAY_PREFIX) return true;
  return !t.composed && t.loose.length >= MIN_LONG_BRAND && prefix.length >= MIN_FREE_PREFIX && !LEADING_NUMBER.test(prefix);
}

/**
 * A short filler may end the name only after a long brand of its own
 * (`paypalbtc`, not `gmailxyz`); after a distinctive brand, anything holding
 * a credential word may (`naverauthority`, `paypalsecurelogon`); after a
 * plain one, anything starting with one after at most two letters
 * (`appledecuentaverify`; `applebeeslogin` is another name's login).
 */
/** A number of up to four digits. */
const DIGITS = /^[0-9]{1,4}$/;
const TRAILING_DIGITS = /[0-9]+$/;

function suffixFits(suffix: string, t: Target): boolean {
  if (isGlue(suffix, !t.composed && t.loose.length >= MIN_LONG_BRAND, t.names)) return true;
  // Glue words holding a credential word may end in a short filler after any brand (`hotmailloginsigninup`): the credential word says what it is.
  if (endsInFiller(suffix, t)) return true;
  // A number may end the glue too (`appleservice93`, as `apple-service93`).
  const undigited = suffix.replace(TRAILING_DIGITS, '');
  if (undigited !== suffix && undigited !== '' && isGlue(undigited, false, t.names)) return true;
  // Digits after any brand not built on a word (`apple8898`, `naver1`): a number is no word's ending.
  if (!t.composed && DIGITS.test(suffix)) return true;
  if (t.kind === 'distinctive') return holdsCredential(suffix);
  return t.kind === 'plain' && !t.composed && leadsWithCredential(suffix);
}

/** At most this many stray letters after the glue words. */
const MAX_END_FILLER = 3;

/** Glue words with a credential word among them, then one to three stray letters (`loginsigninup`; not `delogin`, filler first). */
function endsInFiller(suffix: string, t: Target): boolean {
  for (let cut = 1; cut <= MAX_END_FILLER && cut < suffix.length; cut++) {
    const glue = suffix.slice(0, -cut);
    if (holdsCredential(glue) && isGlue(glue, false, t.names)) return true;
  }
  return false;
}

/** Targets one of whose grams occurs in `loose`, longest first (a few Map lookups, not a pass over every brand). */
function candidates(index: ProtectedIndex, loose: string): Target[] {
  let found: Target[] | null = null;
  for (let i = 0; i + GRAM <= loose.length; i++) {
    const hits = targetsAtGram(index, loose, i);
    if (hits) for (const t of hits) if (!(found ??= []).includes(t)) found.push(t);
  }
  return found ? found.sort((a, b) => b.loose.length - a.loose.length) : [];
}

/**
 * A slip of a 6-8 letter distinctive brand, with nothing but lure words
 * glued around it; of a 5-letter one, plain too (`applaccount`), only a
 * dropped or added letter and only with a credential word glued on: the
 * typo rule's one edit next to a lure, held to the credential step itself
 * as the letters around are fewer.
 */
function slipWithLure(t: Target, token: string, loose: string): boolean {
  if (t.composed) return false;
  const short = t.loose.length < MIN_LONG_BRAND;
  // A plain name of 6+ letters (`github`) slips as a distinctive one does: the lure glued on says which word it is.
  if (short ? t.loose.length < MIN_GLUED || t.kind === 'word' : t.kind === 'word' || t.maxEdits < 1) return false;
  // The slip may be read at the brand's end as a dropped letter or a changed one (`googlc`): both readings are tried.
  return slipAt(findInside(loose, t.loose, 1), t, token, short) || slipAt(findInside(loose, t.loose, 1, true), t, token, short);
}

function slipAt(at: Occurrence | null, t: Target, token: string, short: boolean): boolean {
  // A changed letter in 5 makes words (`apply`); a dropped, added or swapped one hardly does (`yahooaccount`... `yhaoo`).
  if (!at || at.edits !== 1) return false;
  if (short && at.end - at.start === t.loose.length && !isAdjacentSwap(token.slice(at.start, at.end), t.loose)) return false;
  const prefix = token.slice(0, at.start);
  const suffix = token.slice(at.end);
  if (!isGlue(prefix, false) || !isGlue(suffix, false)) return false;
  return short ? holdsCredential(prefix) || holdsCredential(suffix) : isLure(prefix) || isLure(suffix) || LURE_INSIDE.test(prefix + suffix);
}

/**
 * Another owner's brand is spelled in the token too
 * (`microsoftazureamazonawsibmapple...`): a list of brands names none of them.
 */
function namesAnotherBrand(found: Target, cands: readonly Target[], loose: string): boolean {
  return cands.some((c) => c.brand !== found.brand && c.loose.length >= MIN_GLUED && loose.includes(c.loose));
}

/** The brand at `start`..`end` of the token (its plural too: `helpnavers`, `appleiclouds`), glue around it. */
function fitsAround(token: string, start: number, end: number, t: Target): boolean {
  const prefix = token.slice(0, start);
  const suffix = token.slice(end);
  // After credential glue (`verifypaypalgateway`) a distinctive brand may be followed by anything: the name has said what it is.
  if (t.kind === 'distinctive' && prefix !== '' && holdsCredential(prefix) && isGlue(prefix, false, t.names)) return true;
  return prefixFits(prefix, t, end === token.length, suffix) && suffixFits(suffix, t);
}

/**
 * `brand` at `s` in `token` with two neighbouring letters swapped (not the
 * first, which typo-squatters keep): no string is built, as this runs for
 * most tokens.
 */
function swappedAt(loose: string, s: number, brand: string): boolean {
  let i = 0;
  while (i < brand.length && loose.charCodeAt(s + i) === brand.charCodeAt(i)) i++;
  if (i === 0 || i >= brand.length - 1) return false;
  if (loose.charCodeAt(s + i) !== brand.charCodeAt(i + 1) || loose.charCodeAt(s + i + 1) !== brand.charCodeAt(i)) return false;
  for (let k = i + 2; k < brand.length; k++) if (loose.charCodeAt(s + k) !== brand.charCodeAt(k)) return false;
  return true;
}

/** `brand` at `s` in `loose` with one of its letters written twice (`payppal`); the written form is one letter longer. */
function doubledAt(loose: string, s: number, brand: string): boolean {
  let i = 0;
  while (i < brand.length && loose.charCodeAt(s + i) === brand.charCodeAt(i)) i++;
  if (i === 0 || i === brand.length || loose.charCodeAt(s + i) !== brand.charCodeAt(i - 1)) return false;
  for (let k = i; k < brand.length; k++) if (loose.charCodeAt(s + k + 1) !== brand.charCodeAt(k)) return false;
  return true;
}

/** 5-8 letter distinctive and plain targets that allow a typo, by first letter (for slipTarget). */
const slipTargets = perIndex((index): Map<number, Target[]> => {
  const byFirst = new Map<number, Target[]>();
  for (const t of index.fuzzy) {
    if (t.skeleton.length < MIN_GLUED || t.skeleton.length >= MIN_ANYWHERE || t.maxEdits < 0 || t.kind === 'word') continue;
    const c = t.skeleton.charCodeAt(0);
    byFirst.set(c, [...(byFirst.get(c) ?? []), t]);
  }
  return byFirst;
});

/**
 * A 5-8 letter brand with two neighbouring letters swapped or one doubled
 * (`amaoznbalance`, `naevrhelp`, `payppalbtc`), glue around it as for the
 * brand itself: the slips the typo rule reads in a bare token (typo.ts),
 * which rarely make words; a changed or dropped letter inside a compound
 * does (`paypie`). Read as written, not in loose fold: a slip and an i for
 * an l are two (`payapi` is no paypal).
 */
function slipTarget(index: ProtectedIndex, token: string): Target | undefined {
  const byFirst = slipTargets(index);
  for (let s = 0; s < token.length; s++) {
    const cands = byFirst.get(token.charCodeAt(s));
    if (!cands) continue;
    for (const t of cands) {
      const len = t.skeleton.length;
      if (s + len > token.length || token.length <= len) continue;
      if (swappedAt(token, s, t.skeleton) && fitsAround(token, s, s + len, t)) return t;
      if (s + len < token.length && doubledAt(token, s, t.skeleton) && fitsAround(token, s, s + len + 1, t)) return t;
    }
  }
  return undefined;
}

/** Lure words long enough to be read inside a glued rest (`onlinenotice`); shorter ones (`id`, `sso`) hide in any letters. */
const LURE_INSIDE = new RegExp([...VOCABULARY.signIn, ...VOCABULARY.bait].filter((w) => w.length >= 4).join('|'));

/** Any lure word in the token: without one no slip can count, and the edit-distance pass is skipped. */
const ANY_LURE = new RegExp([...VOCABULARY.signIn, ...VOCABULARY.bait].join('|'));

function gluedIn(cands: readonly Target[], token: string, loose: string): Target | undefined {
  let lureInside: boolean | undefined;
  for (const t of cands) {
    if (t.loose.length < MIN_ANYWHERE && t.kind !== 'word' && (lureInside ??= ANY_LURE.test(token)) && slipWithLure(t, token, loose)) return t;
    const len = t.loose.length;
    if (len < MIN_GLUED || loose.length <= len) continue;
    const at = findInside(loose, t.loose, len >= MIN_ANYWHERE ? 1 : 0);
    if (!at) continue;
    // The loose fold keeps positions (one letter for one), so the rest is read unfolded.
    if (len >= MIN_ANYWHERE || fitsAround(token, at.start, at.end, t) || (token[at.end] === 's' && fitsAround(token, at.start, at.end + 1, t))) return t;
  }
  return undefined;
}

/** `token` is a skeleton token, `loose` its loose fold (same length). */
export function compoundTarget(index: ProtectedIndex, token: string, loose: string): Target | undefined {
  if (loose.length <= MIN_GLUED) return undefined;
  const cands = candidates(index, loose);
  const t = gluedIn(cands, token, loose) ?? slipTarget(index, token);
  return t && !namesAnotherBrand(t, cands, loose) ? t : undefined;
}
