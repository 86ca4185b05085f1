// A brand split by a hyphen into two tokens (`out-look-login`,
// `hot-mail-verify`, `i-cloud-login`): the folding rules read a distinctive
// brand split so (`goo-gle`, the whole label folded), but a word or plain
// brand (`outlook`, `hotmail`, `icloud`) counts as a token only next to a
// sign-in word, and split it is no token. Joined, the two tokens are the
// brand; a sign-in word must be in the name, as for the bare token, since
// `out-look` alone is any phrase.
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex } from './protected-index.ts';
import type { Lookalike } from './verdict.ts';

export function bySplitBrand(index: ProtectedIndex, parts: HostParts, signIn: boolean): Lookalike | null {
  if (!signIn) return null;
  const tokens = parts.labelTokens;
  for (let i = 1; i < tokens.length; i++) {
    const joined = tokens[i - 1]! + tokens[i]!;
    const t = index.byToken.get(joined) ?? index.byLureToken.get(joined);
    if (t) return { imitates: t.domain, brand: t.brand, rule: 'embedded-brand', part: `${parts.labelWritten[i - 1] ?? tokens[i - 1]}-${parts.labelWritten[i] ?? tokens[i]}` };
  }
  return null;
}
