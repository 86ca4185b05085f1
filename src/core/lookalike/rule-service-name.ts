// A brand joined only by a service word (`facebookmail`, `kakao-mail`,
// `icloudmail`) names a mail service: the owner's own sender domain or a
// mail provider's, not a sign-in lure, so the label rules leave it alone
// (a lure word anywhere else in the name still makes it one).
import VOCABULARY from './vocabulary.json' with { type: 'json' };
import type { ProtectedIndex } from './protected-index.ts';

const SERVICE_WORDS: readonly string[] = VOCABULARY.service;

function isBrand(index: ProtectedIndex, skel: string): boolean {
  return index.byToken.has(skel) || index.byLureToken.has(skel);
}

/** `tokens`: the skeleton tokens of one label (`kakao`, `mail`). */
export function isServiceName(index: ProtectedIndex, tokens: readonly string[]): boolean {
  const bare = tokens.join('');
  return SERVICE_WORDS.some((w) => bare.length > w.length && bare.endsWith(w) && isBrand(index, bare.slice(0, -w.length)));
}
