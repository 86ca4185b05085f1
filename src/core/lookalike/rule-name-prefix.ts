// The letter a brand puts before its product names (brands.json
// `namePrefix`: Apple's `i` of iPhone, iCloud, iTunes) put before the
// brand's own name (`iapple-id`, `iicloud`) or standing as a token just
// before it (`i-icloud.live`, `ii-apple.com`): phishers name their pages in
// the brand's own style, and `iapple` is no fruit, so no lure word is
// needed. Only the brand's distinctive or plain names (`apple`, `icloud`),
// not its ordinary words, and only the prefix letter itself, once or twice.
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import type { Lookalike } from './verdict.ts';
import { perIndex } from './per-index.ts';

/** The prefix written at most this many times (`ii-apple`). */
const MAX_REPEAT = 2;

function nameOf(index: ProtectedIndex, token: string): Target | undefined {
  const t = index.byToken.get(token) ?? index.byLureToken.get(token);
  return t && (t.kind === 'distinctive' || t.kind === 'plain') && t.namePrefix ? t : undefined;
}

/** `head` is the brand's prefix letter, written once or twice. */
function isPrefix(head: string, prefix: string): boolean {
  for (let n = 1; n <= MAX_REPEAT; n++) if (head === prefix.repeat(n)) return true;
  return false;
}

/** A token that is the prefix glued before a name, or the prefix alone before a token that is one. */
function prefixedName(index: ProtectedIndex, tokens: readonly string[]): Target | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    const alone = next === undefined ? undefined : nameOf(index, next);
    if (alone?.namePrefix && isPrefix(token, alone.namePrefix)) return alone;
    for (let cut = 1; cut <= MAX_REPEAT && cut < token.length; cut++) {
      const t = nameOf(index, token.slice(cut));
      if (t?.namePrefix && isPrefix(token.slice(0, cut), t.namePrefix)) return t;
    }
  }
  return undefined;
}

/** The brands' prefix letters: most labels start with none of them, and most indexes have one. */
const prefixesOf = perIndex(
  (index): ReadonlySet<string> => new Set([...index.byToken.values(), ...index.byLureToken.values()].flatMap((t) => (t.namePrefix ? [t.namePrefix] : []))),
);

export function byNamePrefix(index: ProtectedIndex, parts: HostParts): Lookalike | null {
  const prefixes = prefixesOf(index);
  if (prefixes.size === 0 || !parts.labelTokens.some((token) => prefixes.has(token[0] ?? ''))) return null;
  const t = prefixedName(index, parts.labelTokens);
  return t ? { imitates: t.domain, brand: t.brand, rule: 'embedded-brand', part: parts.labelText } : null;
}
