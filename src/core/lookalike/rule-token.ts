// A brand in one token of a hyphenated or dotted name, by the strongest
// reading first: the brand itself, a folded spelling, the whole domain glued
// (`livecom`), a typo, a glued compound. Ordinary-word and plain brands count
// as a bare token only when a sign-in word stands next to them.
import { byFolding } from './rule-folding.ts';
import { compoundTarget } from './rule-compound.ts';
import { typoTarget } from './rule-typo.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import type { Lookalike, LookalikeRule } from './verdict.ts';

function found(t: Target, rule: LookalikeRule, part: string): Lookalike {
  return { imitates: t.domain, brand: t.brand, rule, part };
}

export interface TokenContext {
  /** A sign-in word is in the host. */
  lure: boolean;
  /** The token is the whole registrable label: a glued domain (`navercom`) alone may be anyone's name. */
  alone: boolean;
}

/** `written` is the token as the user sees it, `skel` its skeleton. */
export function byToken(index: ProtectedIndex, written: string, skel: string, { lure, alone }: TokenContext): Lookalike | null {
  const exact = index.byToken.get(skel) ?? (lure ? index.byLureToken.get(skel) : undefined);
  if (exact) return exact.label === written ? found(exact, 'embedded-brand', written) : byFolding(index, written, skel);
  const folded = byFolding(index, written, skel);
  if (folded) return folded;
  const joined = alone ? undefined : index.byJoined.get(skel);
  if (joined) return found(joined, 'embedded-brand', written);
  const typo = typoTarget(index, skel);
  if (typo) return found(typo, 'edit-distance', written);
  const glued = compoundTarget(index, skel);
  return glued ? found(glued, 'embedded-brand', written) : null;
}
