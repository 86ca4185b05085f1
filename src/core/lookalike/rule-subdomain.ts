// Brand in a subdomain: the brand put in front of another site
// (`microsoft-verify.glitch.me`, `paypal-login.000webhostapp.com`,
// `instagram.irancell-10g-free.rf.gd`). Free hosts the Public Suffix List
// knows as shared (azurewebsites.net) make the brand part of the
// registrable label instead; this rule covers every other site.
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex } from './protected-index.ts';
import { byToken } from './rule-token.ts';
import type { Lookalike } from './verdict.ts';

/**
 * A label that is the brand alone (`microsoft.eventionapp.com`,
 * `gmail.h5ma.cn`) is how services name a customer's space, so it counts
 * only with a lure word in the site's own name (`instagram.irancell-10g-free.rf.gd`);
 * a brand with words around it (`paypal-login.`) counts anyway.
 */
export function bySubdomain(index: ProtectedIndex, parts: HostParts, lure: boolean): Lookalike | null {
  let i = 0;
  for (const size of parts.subLabelSizes) {
    const alone = size === 1;
    for (const end = i + size; i < end; i++) {
      if (alone && !lure) continue;
      const skel = parts.subTokens[i];
      if (skel === undefined) return null; // folding changed the token count: nothing aligned to judge
      const hit = byToken(index, parts.subWritten[i] ?? skel, skel, { lure, alone: false });
      if (hit) return { imitates: hit.imitates, brand: hit.brand, rule: 'subdomain', part: parts.domain };
    }
  }
  return null;
}
