// A product word can be the tail of another brand's name: `drive` is
// Google's, but `one-drive-login` and `1drive-docs` spell OneDrive, split by a
// hyphen or with its number written as a digit. When a token's reading names
// one brand and the token joined to the one before it (or its leading `1`
// read as `one`) names another, the longer name is the brand meant, so the
// verdict does not send a OneDrive kit's victim to Google.
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import type { Lookalike } from './verdict.ts';

function brandNamed(index: ProtectedIndex, skel: string): Target | undefined {
  return index.byToken.get(skel) ?? index.byLureToken.get(skel);
}

/** The brand that token `i` of the registrable label ends, read with the token before it or its `1` as `one`; `hit` is token `i`'s own reading. */
export function byProductTail(index: ProtectedIndex, parts: HostParts, i: number, hit: Lookalike): Lookalike | null {
  const tokens = parts.labelTokens;
  const written = parts.labelWritten[i] ?? tokens[i]!;
  const joined = i > 0 ? brandNamed(index, tokens[i - 1]! + tokens[i]!) : undefined;
  const t = joined ?? (written.startsWith('1') ? brandNamed(index, `one${tokens[i]!.slice(1)}`) : undefined);
  if (!t || t.brand === hit.brand) return null;
  const part = joined ? `${parts.labelWritten[i - 1] ?? tokens[i - 1]}-${written}` : written;
  return { imitates: t.domain, brand: t.brand, rule: 'embedded-brand', part };
}
