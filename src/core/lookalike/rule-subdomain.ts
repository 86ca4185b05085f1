// Brand in a subdomain: the brand put in front of another site
// (`microsoft-verify.glitch.me`, `paypal-login.000webhostapp.com`,
// `instagram.irancell-10g-free.rf.gd`). Free hosts the Public Suffix List
// knows as shared (azurewebsites.net) make the brand part of the
// registrable label instead; this rule covers every other site.
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex } from './protected-index.ts';
import { byToken } from './rule-token.ts';
import type { Lookalike } from './verdict.ts';

export function bySubdomain(index: ProtectedIndex, parts: HostParts, lure: boolean): Lookalike | null {
  for (let i = 0; i < parts.subTokens.length; i++) {
    const skel = parts.subTokens[i]!;
    const hit = byToken(index, parts.subWritten[i] ?? skel, skel, { lure, alone: false });
    if (hit) return { imitates: hit.imitates, brand: hit.brand, rule: 'subdomain', part: parts.domain };
  }
  return null;
}
