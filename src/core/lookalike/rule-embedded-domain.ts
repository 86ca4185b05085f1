// A whole protected domain spelled out left of the real suffix
// (`outlook.com.evil.net`, `login.microsoftonline.com.evil.net`,
// `live-com.net`): the strongest sign, so it holds even for word brands.
import type { ProtectedIndex } from './protected-index.ts';
import type { Lookalike } from './verdict.ts';

function startsAt(tokens: readonly string[], at: number, seq: readonly string[]): boolean {
  return seq.every((s, k) => tokens[at + k] === s);
}

/** `tokens`: skeleton tokens of the host left of its public suffix, in order. */
export function byEmbeddedDomain(index: ProtectedIndex, tokens: readonly string[]): Lookalike | null {
  for (let i = 0; i < tokens.length; i++) {
    const t = index.bySequenceStart.get(tokens[i]!)?.find((c) => startsAt(tokens, i, c.sequence));
    if (t) return { imitates: t.domain, brand: t.brand, rule: 'embedded-brand', part: t.domain };
  }
  return null;
}
