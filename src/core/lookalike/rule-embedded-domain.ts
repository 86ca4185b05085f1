// A whole protected domain spelled out left of the real suffix
// (`outlook.com.evil.net`, `login.microsoftonline.com.evil.net`,
// `live-com.net`): the strongest sign, so it holds even for word brands.
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex } from './protected-index.ts';
import type { Lookalike } from './verdict.ts';

/** The host's tokens left of its public suffix, in order, without copying them into one array. */
function tokenAt(parts: HostParts, i: number): string | undefined {
  const n = parts.subTokens.length;
  return i < n ? parts.subTokens[i] : parts.labelTokens[i - n];
}

function startsAt(parts: HostParts, at: number, seq: readonly string[]): boolean {
  return seq.every((s, k) => tokenAt(parts, at + k) === s);
}

export function byEmbeddedDomain(index: ProtectedIndex, parts: HostParts): Lookalike | null {
  const total = parts.subTokens.length + parts.labelTokens.length;
  for (let i = 0; i < total; i++) {
    const t = index.bySequenceStart.get(tokenAt(parts, i)!)?.find((c) => startsAt(parts, i, c.sequence));
    if (t) return { imitates: t.domain, brand: t.brand, rule: 'embedded-brand', part: t.domain };
  }
  return null;
}
