// Lure words: what makes a plain or ordinary-word brand next to them read as
// an imitation. Sign-in and bait words (`apple-id-verify`,
// `instagram.irancell-10g-free`), and the brand's own product words
// (`ios-icloud`, `teams-live`) or another of its names (`apple-icloud`,
// `americanprogress-office365`... `outlook`), which count for that brand only.
import VOCABULARY from './vocabulary.json' with { type: 'json' };
import { looseFold } from './fold.ts';
import { isFreeEnding } from './free-host.ts';
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import { isGlue } from './segment.ts';
import { isAdjacentSwap, isTypoOf } from './typo.ts';

const SIGN_IN_WORDS: ReadonlySet<string> = new Set(VOCABULARY.signIn);
/** The same in loose fold: `ld` for `id` (`ld-apple.us`), as phishers swap l and i in brands; only a word with an l can be such a swap, so others skip the fold. */
const LOOSE_SIGN_IN: ReadonlySet<string> = new Set(VOCABULARY.signIn.map(looseFold));
const LONGEST_SIGN_IN = Math.max(...VOCABULARY.signIn.map((w) => w.length));
const BAIT_WORDS: ReadonlySet<string> = new Set(VOCABULARY.bait);
const COMPANY_WORDS: ReadonlySet<string> = new Set(VOCABULARY.company);
const DIGITAL_WORDS: ReadonlySet<string> = new Set(VOCABULARY.digital);
const CREDENTIAL_WORDS: readonly string[] = VOCABULARY.credential;
const SHORTEST_CREDENTIAL = Math.min(...CREDENTIAL_WORDS.map((w) => w.length));
// One pass over the token instead of one per word (the words are plain letters).
const HOLDS_CREDENTIAL = new RegExp(CREDENTIAL_WORDS.join('|'));

/** At most a two-letter filler (`de`, `my`) before a credential word: the rest reads as that word's phrase (`decuentaverify`). */
const LEADS_WITH_CREDENTIAL = new RegExp(`^[a-z0-9]{0,2}(?:${CREDENTIAL_WORDS.join('|')})`);

/**
 * The rest after a brand starts with a credential word, after at most two
 * letters (`appledecuenta...`): three make names (`appletonaccounting`,
 * `applebeeslogin`).
 */
export function leadsWithCredential(rest: string): boolean {
  return LEADS_WITH_CREDENTIAL.test(rest);
}

/** A token with a credential word glued in (`authsecure`, `protectyourpassword`, `logined`) is a sign-in word too. */
export function holdsCredential(token: string): boolean {
  return token.length >= SHORTEST_CREDENTIAL && HOLDS_CREDENTIAL.test(token);
}

/** Lure words this long are read with one slip (`verfy`, `verificaton`, `potection`); shorter ones slip into other words. */
const MIN_MISSPELT_LURE = 6;
/** Lure words this long may have a letter changed too (`verificaton`); shorter ones only dropped, added or swapped. */
const MIN_CHANGED_LURE = 9;
/** Sign-in and bait words of that length, by length and first letter. */
const LURES_BY_KEY = new Map<number, [string, 'signIn' | 'bait'][]>();
const lureKey = (length: number, first: number): number => length * 65_536 + first;
/** The lures of a key no word has: shared, as most tokens' keys are such. */
const NO_LURES: readonly [string, 'signIn' | 'bait'][] = [];
for (const [words, kind] of [[VOCABULARY.signIn, 'signIn'], [VOCABULARY.bait, 'bait']] as const) {
  for (const w of words) {
    if (w.length < MIN_MISSPELT_LURE) continue;
    const key = lureKey(w.length, w.charCodeAt(0));
    const list = LURES_BY_KEY.get(key) ?? [];
    list.push([w, kind]);
    LURES_BY_KEY.set(key, list);
  }
}

/**
 * A token that is a sign-in or bait word of 6+ letters with one slip, as
 * the typo rule reads a brand (typo.ts: the first letter kept, a swap or a
 * doubled letter, one letter dropped or added; changed only in a word of 9+
 * letters, as `verity`, `novice`, `protest` are words): phishers misspell
 * the words around a brand as they do the brand (`outlook-verfy`,
 * `vrification-live`, `proton-vewer`). Which kind of lure, or null. A few
 * Map lookups: the words are filed by length and first letter.
 */
export function misspeltLure(token: string): 'signIn' | 'bait' | null {
  if (token.length < MIN_MISSPELT_LURE - 1) return null;
  const c0 = token.charCodeAt(0);
  for (let len = token.length - 1; len <= token.length + 1; len++) {
    for (const [w, kind] of LURES_BY_KEY.get(lureKey(len, c0)) ?? NO_LURES) {
      // A changed letter in a shorter word is mostly another word (`verity`, `novice`, `protest`): a swap only.
      const slip = len === token.length && len < MIN_CHANGED_LURE ? isAdjacentSwap(token, w) : isTypoOf(token, w, 1);
      if (slip) return kind;
    }
  }
  // The first two letters swapped (`evrify`).
  for (const [w, kind] of LURES_BY_KEY.get(lureKey(token.length, token.charCodeAt(1))) ?? NO_LURES) if (isAdjacentSwap(token, w)) return kind;
  return null;
}

export interface Lures {
  /** A sign-in or bait word is in the name. */
  lure: boolean;
  /** A sign-in word is (a product word alone then names its brand: `nid-login`). */
  signIn: boolean;
  /** The name is a free site: on a free host or under a free ending (free-host.ts); a product word alone names its brand there too (`nid-mail.pe.hu`). */
  freeSite: boolean;
  /** A company-form word (`inc`, `ltd`) is a token of its own: a plain brand next to it poses as its company (`apple-inc`). */
  company: boolean;
  /** A lure word is a subdomain label of its own (`login.outlook.x.ml`): it counts for the subdomain rule only. */
  bareLure: boolean;
  /** A service's product word (vocabulary.json `digital`: `cloud`, `pay`) is a token of the registrable label, not on a shared host: a plain brand next to it names its service (`apple-cloud`). */
  digital: boolean;
  /** Brands one of whose product words is in the name. */
  /** Brands named in the host by a product word or one of their own labels, with the tokens that name them. */
  products: ReadonlyMap<string, readonly string[]>;
}

/** The tokens that can carry a lure: the registrable label's, and those of hyphenated subdomain labels (a bare `secure.` or `login.` is what any site calls its servers). */
function lureTokens(parts: HostParts): string[] {
  const out = [...parts.labelTokens];
  let i = 0;
  for (const size of parts.subLabelSizes) {
    if (size > 1) out.push(...parts.subTokens.slice(i, i + size));
    i += size;
  }
  return out;
}

/** Two neighbouring tokens of one label that make a sign-in word. */
function joinsSignIn(tokens: readonly string[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) {
    const a = tokens[i - 1]!;
    const b = tokens[i]!;
    if (a.length + b.length <= LONGEST_SIGN_IN && SIGN_IN_WORDS.has(a + b)) return true;
  }
  return false;
}

/** `sign-in`, `log-in`, `on-line`: a sign-in word as English hyphenates it, in the registrable label or a hyphenated subdomain label. */
function hasHyphenatedSignIn(parts: HostParts): boolean {
  if (joinsSignIn(parts.labelTokens, 0, parts.labelTokens.length)) return true;
  let i = 0;
  for (const size of parts.subLabelSizes) {
    if (size > 1 && joinsSignIn(parts.subTokens, i, i + size)) return true;
    i += size;
  }
  return false;
}

const NONE: ReadonlyMap<string, readonly string[]> = new Map();

/** `nidlogin.`, `logins.`: a credential word glued or in the plural is one too. */
export function isLure(token: string): boolean {
  const stem = token.endsWith('s') ? token.slice(0, -1) : token;
  return SIGN_IN_WORDS.has(token) || BAIT_WORDS.has(token) || SIGN_IN_WORDS.has(stem) || holdsCredential(token);
}

function hasBareLure(parts: HostParts): boolean {
  let i = 0;
  for (const size of parts.subLabelSizes) {
    if (size === 1 && (isLure(parts.subTokens[i] ?? '') || misspeltLure(parts.subTokens[i] ?? '') !== null)) return true;
    i += size;
  }
  return false;
}

export function luresIn(index: ProtectedIndex, parts: HostParts): Lures {
  let signIn = false;
  let bait = false;
  let company = false;
  for (const token of lureTokens(parts)) {
    if (COMPANY_WORDS.has(token)) company = true;
    // `service93` is still `service`,
    const word = /[0-9]$/.test(token) ? token.replace(/[0-9]+$/, '') : token;
    // `updates` is still `update`.
    const stem = word.endsWith('s') ? word.slice(0, -1) : word;
    if (SIGN_IN_WORDS.has(word) || SIGN_IN_WORDS.has(stem) || (word.includes('l') && LOOSE_SIGN_IN.has(looseFold(word))) || holdsCredential(token)) signIn = true;
    if (BAIT_WORDS.has(word) || BAIT_WORDS.has(stem)) bait = true;
    if (!signIn && !bait) {
      const misspelt = misspeltLure(word);
      if (misspelt === 'signIn') signIn = true;
      else if (misspelt === 'bait') bait = true;
    }
  }
  if (!signIn && hasHyphenatedSignIn(parts)) signIn = true;
  // A name under a free ending or on a free host is bait in itself: nobody's brand site lives there.
  const freeSite = parts.freeHost || isFreeEnding(parts.suffix);
  // Not on a shared host: developers name their tools so (`github-app.vercel.app`); a registered name is the brand's or an imitation.
  const digital = !parts.privateSuffix && parts.labelTokens.length > 1 && parts.labelTokens.some((t) => DIGITAL_WORDS.has(t));
  return { lure: signIn || bait || freeSite, signIn, freeSite, company, bareLure: hasBareLure(parts), digital, products: productsIn(index, parts) };
}

/**
 * A product word of 4+ letters (or a word label) with glue words glued on
 * (`findmyiphone`, `myoutlook`) names its brand as the bare word does.
 */
function gluedProduct(index: ProtectedIndex, token: string): Target | undefined {
  if (!index.wordPattern?.test(token)) return undefined;
  for (const [w, t] of index.words) {
    if (token.length <= w.length) continue;
    if (token.endsWith(w) && isGlue(token.slice(0, -w.length), false)) return t;
    if (token.startsWith(w) && isGlue(token.slice(w.length), false)) return t;
  }
  return undefined;
}

/** Product words are specific enough to count anywhere in the name, bare subdomain labels too (`drive.google.x`). */
function productsIn(index: ProtectedIndex, parts: HostParts): ReadonlyMap<string, readonly string[]> {
  let products: Map<string, string[]> | null = null;
  for (const tokens of [parts.labelTokens, parts.subTokens]) {
    for (const token of tokens) {
      const product = index.byProduct.get(token) ?? gluedProduct(index, token);
      if (!product) continue;
      const named = (products ??= new Map()).get(product.brand);
      if (named) named.push(token);
      else products.set(product.brand, [token]);
    }
  }
  return products ?? NONE;
}
