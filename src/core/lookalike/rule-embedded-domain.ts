// A whole protected domain spelled out left of the real suffix
// (`outlook.com.evil.net`, `login.microsoftonline.com.evil.net`,
// `live-com.net`): the strongest sign, so it holds even for word brands;
// for distinctive ones also with letters added to the label (`navers.com-`).
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import type { Lookalike } from './verdict.ts';

/** The host's tokens left of its public suffix, in order, without copying them into one array. */
function tokenAt(parts: HostParts, i: number): string | undefined {
  const n = parts.subTokens.length;
  return i < n ? parts.subTokens[i] : parts.labelTokens[i - n];
}

function startsAt(parts: HostParts, at: number, seq: readonly string[]): boolean {
  return seq.every((s, k) => tokenAt(parts, at + k) === s);
}

/** Shortest brand label read at the start of a longer token. */
const MIN_STEM = 5;

/**
 * A distinctive brand at the start of a token that its own ending follows
 * (`navers.com-checking.link`, `naverwebs.com-password.link`,
 * `yahoomail.com.co`): the domain is spelled with a letter or word added.
 */
function stemmedBefore(index: ProtectedIndex, token: string, ending: string | undefined): Target | undefined {
  // Most tokens are followed by no brand's ending: one Set lookup.
  if (ending === undefined || !index.endings.has(ending)) return undefined;
  for (let end = MIN_STEM; end < token.length; end++) {
    const t = index.bySequenceStart.get(token.slice(0, end))?.find((c) => c.sequence.length === 2 && c.sequence[1] === ending);
    if (t && (t.kind === 'distinctive' || t.kind === 'plain')) return t;
  }
  return undefined;
}

export function byEmbeddedDomain(index: ProtectedIndex, parts: HostParts): Lookalike | null {
  const total = parts.subTokens.length + parts.labelTokens.length;
  for (let i = 0; i < total; i++) {
    const token = tokenAt(parts, i)!;
    const t = index.bySequenceStart.get(token)?.find((c) => startsAt(parts, i, c.sequence)) ?? stemmedBefore(index, token, tokenAt(parts, i + 1));
    if (t) return { imitates: t.domain, brand: t.brand, rule: 'embedded-brand', part: t.domain };
  }
  return null;
}
