// A brand joined only by a service word (`facebookmail`, `kakao-mail`,
// `icloudmail`) names a mail service: the owner's own sender domain or a
// mail provider's, not a sign-in lure, so the label rules leave it alone
// (a lure word anywhere else in the name still makes it one). Not when the
// ending reads as the brand's own with a country added (`yahoomail.com.co`,
// `google-mail.com.co`): that is the brand's domain spelt out with more glued
// on, as `daum.net.pl` is (rule-foreign-tld.ts), not a mail provider's name.
// Nor under an ending sold in bulk for a dollar (`navermail.click`,
// `kakaomail.site`): mail providers and brands keep their mail names on
// endings that last, kits register them there by the dozen.
import { isBulkEnding } from './rule-bulk-ending.ts';
import VOCABULARY from './vocabulary.json' with { type: 'json' };
import type { ProtectedIndex, Target } from './protected-index.ts';

const SERVICE_WORDS: readonly string[] = VOCABULARY.service;

function brandOf(index: ProtectedIndex, skel: string): Target | undefined {
  return index.byToken.get(skel) ?? index.byLureToken.get(skel);
}

/** `yahoo.com` under `com.co`: the brand's own ending with more after it. */
function spellsOwnEnding(t: Target, suffix: string | undefined): boolean {
  return suffix !== undefined && suffix.startsWith(t.domain.slice(t.label.length + 1) + '.');
}

/** `tokens`: the skeleton tokens of one label (`kakao`, `mail`); `suffix`: the public suffix after it, for the registrable label. */
export function isServiceName(index: ProtectedIndex, tokens: readonly string[], suffix?: string): boolean {
  if (suffix !== undefined && isBulkEnding(suffix)) return false;
  const bare = tokens.join('');
  return SERVICE_WORDS.some((w) => {
    if (bare.length <= w.length || !bare.endsWith(w)) return false;
    const t = brandOf(index, bare.slice(0, -w.length));
    return t !== undefined && !spellsOwnEnding(t, suffix);
  });
}
