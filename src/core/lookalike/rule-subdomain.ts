// Brand in a subdomain: the brand put in front of another site
// (`microsoft-verify.glitch.me`, `paypal-login.000webhostapp.com`,
// `instagram.irancell-10g-free.rf.gd`). Free hosts the Public Suffix List
// knows as shared (azurewebsites.net) make the brand part of the
// registrable label instead; this rule covers every other site.
import type { HostParts } from './host-parts.ts';
import { isFreeEnding } from './free-host.ts';
import { isBulkEnding } from './rule-bulk-ending.ts';
import type { Lures } from './lure.ts';
import type { ProtectedIndex, Target } from './protected-index.ts';
import { isServiceName } from './rule-service-name.ts';
import { byToken, tokenContext } from './rule-token.ts';
import type { Lookalike } from './verdict.ts';

/**
 * A label that is the brand alone (`microsoft.eventionapp.com`,
 * `gmail.h5ma.cn`) is how services name a customer's space, and one that is
 * the brand and a service word (`amazon-email.`) names a service, so these
 * count only with a lure word in the name (`instagram.irancell-10g-free.rf.gd`,
 * `login.outlook.kcrct.ml`). A brand with other words around it
 * (`paypal-login.`), or misspelt (`daurn.pe.hu`), counts anyway: no service
 * names a customer's space by a misspelt brand, nor under a free ending
 * (`instagram.metafinal.cf`: free-host.ts), nor after a portal that runs no
 * national sites (portalOf); nor by a distinctive brand (not a word:
 * `live.` is anyone's stream) under an ending sold in bulk
 * (`facebook.verylegit.link`: rule-bulk-ending.ts), where no service the
 * brands use runs customers' spaces.
 */
export function bySubdomain(index: ProtectedIndex, parts: HostParts, lures: Lures): Lookalike | null {
  if (parts.subTokens.length === 0) return null;
  const serviceLabel = byServiceLabel(index, parts);
  if (serviceLabel) return serviceLabel;
  const lure = lures.lure || lures.bareLure;
  const context = tokenContext(lures, lure, false, undefined);
  const free = isFreeEnding(parts.suffix);
  const bulk = isBulkEnding(parts.suffix);
  let i = 0;
  for (const size of parts.subLabelSizes) {
    const service = !lure && size > 1 && isServiceName(index, parts.subTokens.slice(i, i + size));
    for (const end = i + size; i < end; i++) {
      if (service) continue;
      const skel = parts.subTokens[i];
      if (skel === undefined) return null; // folding changed the token count: nothing aligned to judge
      const written = parts.subWritten[i] ?? skel;
      // Only the brand as it writes itself is a customer's space; `daurn` for daum is not.
      const portal = size === 1 ? portalOf(index, written) : undefined;
      if (portal) return { imitates: portal.domain, brand: portal.brand, rule: 'subdomain', part: parts.domain };
      if (size === 1 && !lure && !free && !(bulk && index.byToken.has(written)) && isBrandName(index, written) && !namedElsewhere(index, skel, lures)) continue;
      const hit = byToken(index, written, skel, context);
      if (hit) return { imitates: hit.imitates, brand: hit.brand, rule: 'subdomain', part: parts.domain };
    }
  }
  return null;
}

/**
 * A brand's sign-in service name as a bare label in front of another site
 * (`outlook.mailsession.com`, `hotmail.docusmart.info`, `o365.zicar.info`):
 * a site names a customer's space after the customer's company, never after
 * a mail or sign-in service (brands.json `services`), so no lure is needed.
 */
export function byServiceLabel(index: ProtectedIndex, parts: HostParts): Lookalike | null {
  let i = 0;
  for (const size of parts.subLabelSizes) {
    const t = size === 1 ? index.byService.get(parts.subTokens[i] ?? '') : undefined;
    if (t) return { imitates: t.domain, brand: t.brand, rule: 'subdomain', part: parts.domain };
    i += size;
  }
  return null;
}

/** Another token names the same brand (`nid.naver.x`, `drive.google.x`). */
function namedElsewhere(index: ProtectedIndex, skel: string, lures: Lures): boolean {
  const t = index.byToken.get(skel) ?? index.byLureToken.get(skel);
  return t !== undefined && (lures.products.get(t.brand)?.some((w) => w !== skel) ?? false);
}

/**
 * The label of a brand that runs no national sites (brands.json `national:
 * false`: `naver`, `daum`): a web portal people sign in to, whose label alone
 * in front of another site is its sign-in page moved there
 * (`naver.unibok.kr`, `daum.unikortv.com`), not a customer's space; so is
 * its plural (`navers.de-file.online`), which names no one else either.
 */
function portalOf(index: ProtectedIndex, written: string): Target | undefined {
  const t = brandNamed(index, written) ?? (written.endsWith('s') ? brandNamed(index, written.slice(0, -1)) : undefined);
  return t && !t.national ? t : undefined;
}

function brandNamed(index: ProtectedIndex, skel: string): Target | undefined {
  return index.byToken.get(skel) ?? index.byLureToken.get(skel);
}

/** The brand's own name, or its plural, as written by the brand. */
function isBrandName(index: ProtectedIndex, skel: string): boolean {
  const stem = skel.endsWith('s') ? skel.slice(0, -1) : skel;
  return index.byToken.has(skel) || index.byLureToken.has(skel) || index.byToken.has(stem) || index.byLureToken.has(stem);
}
