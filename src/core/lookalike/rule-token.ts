// A brand in one token of a hyphenated or dotted name, by the strongest
// reading first: the brand itself, a folded spelling (of a product word too), the whole domain glued
// (`livecom`), a typo, a slipped word brand by a sign-in word, a glued compound, a disguised brand at the head, an
// ordinary-word brand glued to lure words, on a free site a brand anywhere,
// a product word; last the token with its letter runs written once
// (`appleiiid`). Ordinary-word and plain brands count as a bare token only
// when a sign-in word stands next to them.
import VOCABULARY from './vocabulary.json' with { type: 'json' };
import { looseFold } from './fold.ts';
import { byFolding, byOwnedFolding, byQForG, byShape } from './rule-folding.ts';
import { compoundTarget } from './rule-compound.ts';
import { byDisguisedHead } from './rule-disguised.ts';
import { freeSiteTarget } from './rule-free-site.ts';
import { productTarget } from './rule-product.ts';
import { byProductFolding } from './rule-product-folding.ts';
import { gluedWordTarget } from './rule-glued-word.ts';
import { typoTarget } from './rule-typo.ts';
import { gluedWordTypoTarget, wordTypoTarget } from './rule-word-typo.ts';
import { unstuttered, unstutteredTwice } from './rule-stutter.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import type { Lures } from './lure.ts';
import type { Lookalike, LookalikeRule } from './verdict.ts';

function found(t: Target, rule: LookalikeRule, part: string): Lookalike {
  return { imitates: t.domain, brand: t.brand, rule, part };
}

export interface TokenContext extends Lures {
  /** The token is the whole registrable label: a glued domain (`navercom`) alone may be anyone's name. */
  alone: boolean;
  /** The public suffix, when the token is one of the registrable label's (not a subdomain's). */
  suffix?: string;
  /** That suffix is a shared host the Public Suffix List knows (`vercel.app`), not a free host of vocabulary.json. */
  shared: boolean;
}

/** One object shape for every caller (a literal, not a spread), so the rules' property reads stay monomorphic. */
export function tokenContext(lures: Lures, lure: boolean, alone: boolean, suffix: string | undefined, shared = false): TokenContext {
  return { lure, signIn: lures.signIn, freeSite: lures.freeSite, company: lures.company, bareLure: lures.bareLure, digital: lures.digital, products: lures.products, alone, suffix, shared };
}

const MAX_SHORT_WORD = 3;
/** Mail words (`mail`, `email`): a service name ending in one is a mail service's. */
const SERVICE_WORDS: readonly string[] = VOCABULARY.service;

/**
 * A plain or word brand as a bare token (or its plural, `apples`), when a
 * lure or its own product word stands by; a plain one also next to a
 * company-form word (`apple-inc`); a brand built on a word
 * (`gmail`, `hanmail`) also under its own ending (`privacy-gmail.com`,
 * `read-hanmail.net`): that is its domain with a word hyphenated on, which
 * no mail service's name is (`kakao-mail.com` is a service word's business:
 * rule-service-name.ts).
 */
function lureToken(index: ProtectedIndex, skel: string, { lure, signIn, products, suffix, company, digital, alone, shared }: TokenContext): Target | undefined {
  const t = index.byLureToken.get(skel) ?? (skel.endsWith('s') ? index.byLureToken.get(skel.slice(0, -1)) : undefined);
  if (!t) return undefined;
  if (t.composed && suffix === t.ending) return t;
  // A sign-in service's own name (`icloud`, `onedrive`; not a word: `outlook`) hyphenated to anything
  // in the registrable label (`icloud-care.us`): sites name themselves after no one's sign-in service.
  // Not a mail service's (`gmail`, `hotmail`): throwaway mail names hold those (`privacy-gmail.org`);
  // nor on a developers' platform, where tools are named after the service they work with.
  if (t.composed && !alone && suffix !== undefined && !shared && t.kind !== 'word' && index.byService.get(skel) === t && !SERVICE_WORDS.some((w) => skel.endsWith(w))) return t;
  // `apple-inc`: a plain brand as its company (`office-inc` is a company named by the word).
  // `apple-cloud`: a plain brand with a service's product word names its service (lure.ts, `digital`).
  if ((company || digital) && t.kind === 'plain' && !t.composed) return t;
  // A three-letter word brand (`msn`, `aol`) is in many a throwaway mail name with bait (`msn-mail-free-1`): only a sign-in word makes it the brand.
  if (t.skeleton.length <= MAX_SHORT_WORD ? signIn : lure) return t;
  // Another token must name the brand: a brand's own name does not lure for itself.
  return products.get(t.brand)?.some((w) => w !== skel && w !== t.skeleton) ? t : undefined;
}

/** `written` is the token as the user sees it, `skel` its skeleton. */
export function byToken(index: ProtectedIndex, written: string, skel: string, context: TokenContext): Lookalike | null {
  const loose = looseFold(skel);
  const exact = index.byToken.get(skel) ?? (skel.endsWith('s') ? index.byToken.get(skel.slice(0, -1)) : undefined) ?? lureToken(index, skel, context);
  // Written differently from its skeleton (`micrоsoft`): say which letter stands for which.
  if (exact) return byFolding(index, written, skel, loose) ?? found(exact, 'embedded-brand', written);
  const folded = byFolding(index, written, skel, loose) ?? byShape(index, written) ?? byQForG(index, written, loose) ?? byOwnedFolding(index, written, skel, loose) ?? byProductFolding(index, written, skel, loose);
  if (folded) return folded;
  const joined = context.alone ? undefined : index.byJoined.get(skel);
  if (joined) return found(joined, 'embedded-brand', written);
  const typo = typoTarget(index, loose, context.lure, context.signIn);
  if (typo) return found(typo, 'edit-distance', written);
  const wordTypo = wordTypoTarget(index, skel, context.signIn);
  if (wordTypo) return found(wordTypo, 'edit-distance', written);
  const glued = compoundTarget(index, skel, loose);
  if (glued) return found(glued, 'embedded-brand', written);
  const disguised = byDisguisedHead(index, written, skel, loose);
  if (disguised) return disguised;
  const word = gluedWordTarget(index, skel, context.lure, context.freeSite, loose);
  if (word) return found(word, 'embedded-brand', written);
  const slipped = gluedWordTypoTarget(index, skel, context.signIn);
  if (slipped) return found(slipped, 'edit-distance', written);
  const free = context.freeSite ? freeSiteTarget(index, loose) : undefined;
  if (free) return found(free, 'embedded-brand', written);
  const product = productTarget(index, skel, context);
  if (product) return found(product, 'embedded-brand', written);
  // Folding can also hide a brand: `usernaver` folds its `rn` to `m`. Read the letters as written once more.
  const unfolded = written !== skel && /^[a-z0-9]+$/.test(written) ? byToken(index, written, written, context) : null;
  return unfolded ?? byUnstuttered(index, written, skel, context);
}

/**
 * `appleiiid`: read with each letter run once (rule-stutter.ts); the
 * collapsed token has no run left, so this recurses once. The padding must
 * be the only slip: a typo of the collapsed token (`goooogle` read `gogle`)
 * is two.
 */
function byUnstuttered(index: ProtectedIndex, written: string, skel: string, context: TokenContext): Lookalike | null {
  const once = unstuttered(skel);
  if (once === null) return null;
  const hit = byToken(index, once, once, context);
  if (hit && hit.rule !== 'edit-distance') return { imitates: hit.imitates, brand: hit.brand, rule: 'edit-distance', part: written };
  // The run may pad a doubled letter of the brand (`appple`, `offfice365`): read it twice.
  const twice = unstutteredTwice(skel);
  const again = twice === null ? null : byToken(index, twice, twice, context);
  return again && again.rule !== 'edit-distance' ? { imitates: again.imitates, brand: again.brand, rule: 'edit-distance', part: written } : null;
}
