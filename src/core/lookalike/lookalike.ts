// Does a host look like a protected domain without being it? Three rules, in
// order of confidence (the first that fires is reported):
//   skeleton       the registrable label has the same confusable skeleton
//                  (`micrоsoft.com` with Cyrillic о, `g00gle.com`, `rnsn.com`);
//   edit-distance  the label is a small typo of a distinctive brand label
//                  (`micosoft.com`, `gooogle.net`, `gmial.com`);
//   embedded-brand a distinctive brand is a token of the registrable label
//                  (`login-microsoft-verify.com`, `microsoft-365-login.xyz`,
//                  `mymicrosoftaccount.net`), or a whole protected domain is
//                  spelled out left of the suffix (`outlook.com.evil.net`).
// Never warns: protected and owned domains and their subdomains, and the
// brand's own label under another suffix (`google.de`, `microsoft.github.io`),
// which the blocklists, not guesswork, must judge.
import { hostParts, isSameOrSubdomain, type HostParts } from './host-parts.ts';
import { buildProtectedIndex, type ProtectedIndex, type Target } from './protected-index.ts';
import { isTypoOf } from './typo.ts';

export type LookalikeRule = 'skeleton' | 'edit-distance' | 'embedded-brand';
export interface Lookalike {
  imitates: string;
  rule: LookalikeRule;
}

/** Distinctive brands this long also match inside a token (`mymicrosoftaccount`). */
const MIN_CONTAINED = 7;

/** Tokens that make a word brand next to them read as a sign-in lure. */
const SIGN_IN_WORDS: ReadonlySet<string> = new Set([
  'login', 'logon', 'signin', 'sso', 'auth', 'verify', 'verification', 'account', 'accounts',
  'secure', 'security', 'password', 'passwd', 'webmail', 'id', 'mfa', 'unlock', 'recovery', 'validate',
]);

function isOwned(index: ProtectedIndex, host: string): boolean {
  // Try every dot-suffix: `login.live.com`, `live.com`, `com`.
  for (let h = host; ; ) {
    if (index.owned.has(h)) return true;
    const dot = h.indexOf('.');
    if (dot < 0) return false;
    h = h.slice(dot + 1);
  }
}

function bySkeleton(index: ProtectedIndex, parts: HostParts): Target | undefined {
  return index.bySkeleton.get(parts.labelSkeleton);
}

const MAX_LENGTH_DIFFERENCE = 2;

function byTypo(index: ProtectedIndex, parts: HostParts): Target | undefined {
  const len = parts.labelSkeleton.length;
  for (let l = len - MAX_LENGTH_DIFFERENCE; l <= len + MAX_LENGTH_DIFFERENCE; l++) {
    const hit = index.distinctiveByLength.get(l)?.find((t) => isTypoOf(parts.labelSkeleton, t.skeleton));
    if (hit) return hit;
  }
  return undefined;
}

function byBrandToken(index: ProtectedIndex, parts: HostParts): Target | undefined {
  const labelTokens = parts.labelSkeleton.split(/-+/);
  for (const tok of labelTokens) {
    const exact = index.byToken.get(tok);
    if (exact) return exact;
  }
  const contained = index.distinctive.find(
    (t) => t.skeleton.length >= MIN_CONTAINED && labelTokens.some((tok) => tok.includes(t.skeleton)),
  );
  if (contained || !labelTokens.some((tok) => SIGN_IN_WORDS.has(tok))) return contained;
  for (const tok of labelTokens) {
    const word = index.byWordToken.get(tok);
    if (word) return word;
  }
  return undefined;
}

function startsAt(tokens: readonly string[], at: number, seq: readonly string[]): boolean {
  return seq.every((s, k) => tokens[at + k] === s);
}

function byEmbeddedDomain(index: ProtectedIndex, parts: HostParts): Target | undefined {
  const { tokens } = parts;
  for (let i = 0; i < tokens.length; i++) {
    const found = index.bySequenceStart.get(tokens[i] ?? '')?.find((t) => startsAt(tokens, i, t.sequence));
    if (found) return found;
  }
  return undefined;
}

/** Judges one host against a prebuilt index. */
export function lookalike(index: ProtectedIndex, host: string): Lookalike | null {
  const parts = hostParts(host);
  if (!parts || isOwned(index, parts.host) || index.ownLabels.has(parts.label)) return null;
  const checks: [LookalikeRule, (i: ProtectedIndex, p: HostParts) => Target | undefined][] = [
    ['skeleton', bySkeleton],
    ['edit-distance', byTypo],
    ['embedded-brand', byBrandToken],
    ['embedded-brand', byEmbeddedDomain],
  ];
  for (const [rule, check] of checks) {
    const t = check(index, parts);
    if (t && !isSameOrSubdomain(parts.host, t.domain)) return { imitates: t.domain, rule };
  }
  return null;
}

/** Convenience form: defaults plus `protectedDomains`. Build the index once for many hosts. */
export function assessLookalike(host: string, protectedDomains: readonly string[]): Lookalike | null {
  return lookalike(buildProtectedIndex(protectedDomains), host);
}

