// Does a host look like a protected brand's domain without being it? Each
// rule is one step in its own file, tried from the most to the least
// certain reading; the first that fires is reported with why:
//   ownership       owned domains and their subdomains never warn (ownership.ts);
//   foreign-tld     the brand's label under an ending it does not own (`paypal.xyz`),
//                   or an owned label named after it (`fbcdn.store`: rule-owned-label.ts);
//   skeleton        the label folds onto a brand (`micrоsoft`, `g00gle`, `glthub`);
//   per token       a token of the label is the brand, a folded spelling, a typo
//                   or a glued compound (`login-microsoft-verify`, `googl-access`,
//                   `googleeplay`), a disguised head (`appiecc`), a slipped word
//                   brand by a sign-in word (`outlok-login`), a product word with
//                   a look-alike letter (`wind0ws`), on a free site a brand
//                   anywhere (`naverkorea.esy.es`): rules skeleton,
//                   edit-distance, embedded-brand;
//   brand lure      a label is a brand's names and its own notice words alone
//                   (`facebookpagereview`, `meta-verified-badge`: rule-brand-lure.ts);
//   product tail    a product word ending another brand's name is that brand's
//                   (`one-drive-login`, `1drive-docs`: OneDrive's, not Google's drive: rule-product-tail.ts);
//   split brand     a word brand split by a hyphen, by a sign-in word
//                   (`out-look-login`: rule-split-brand.ts);
//   bulk ending     the brand and a short tag under an ending sold in bulk (`icloudht.top`: rule-bulk-ending.ts);
//   bulk typo       two slips that keep a distinctive brand's head, under such an ending (`naveos.online`: rule-bulk-typo.ts);
//   bulk company    a brand or its product word, then a company word, under such an ending (`nidscorp.site`: rule-bulk-company.ts);
//   name prefix     the brand's own prefix letter before its name (`iapple-id`: rule-name-prefix.ts);
//   software name   only software and product words (`officefont`, `windowsappstore`: rule-software-name.ts);
//   free service    a sign-in service's name heading a free site's name (`outlookmigration.godaddysites.com`: rule-free-service.ts);
//   embedded domain a whole protected domain left of the suffix (`outlook.com.evil.net`);
//   subdomain       the brand in front of another site (`microsoft-verify.glitch.me`),
//                   a sign-in service's name alone too (`outlook.mailsession.com`).
// A brand joined only by a service word (`facebookmail`) skips the label rules (rule-service-name.ts).
// Input over DNS's limits is refused up front (input-guard.ts), so the cost
// is linear in the host and bounded.
import { hostParts, type HostParts } from './host-parts.ts';
import { luresIn, type Lures } from './lure.ts';
import { isOwned } from './ownership.ts';
import { buildProtectedIndex, type ProtectedIndex } from './protected-index.ts';
import { byBrandLure } from './rule-brand-lure.ts';
import { byEmbeddedDomain } from './rule-embedded-domain.ts';
import { byFolding } from './rule-folding.ts';
import { byForeignTld } from './rule-foreign-tld.ts';
import { byOwnedLabel } from './rule-owned-label.ts';
import { byProductTail } from './rule-product-tail.ts';
import { bySplitBrand } from './rule-split-brand.ts';
import { byBulkEnding } from './rule-bulk-ending.ts';
import { byBulkTypo } from './rule-bulk-typo.ts';
import { byBulkCompany } from './rule-bulk-company.ts';
import { byNamePrefix } from './rule-name-prefix.ts';
import { byFreeService } from './rule-free-service.ts';
import { bySoftwareName } from './rule-software-name.ts';
import { bySubdomain } from './rule-subdomain.ts';
import { isServiceName } from './rule-service-name.ts';
import { byToken, tokenContext } from './rule-token.ts';
import type { Lookalike } from './verdict.ts';

export type { Lookalike, LookalikeRule } from './verdict.ts';

function byLabelTokens(index: ProtectedIndex, parts: HostParts, lures: Lures): Lookalike | null {
  const context = tokenContext(lures, lures.lure, parts.labelTokens.length === 1, parts.suffix, parts.privateSuffix && !parts.freeHost);
  for (let i = 0; i < parts.labelTokens.length; i++) {
    const skel = parts.labelTokens[i]!;
    const hit = byToken(index, parts.labelWritten[i] ?? skel, skel, context);
    if (hit) return byProductTail(index, parts, i, hit) ?? hit;
  }
  return null;
}

/** Folding of a hyphenated label as a whole, for brands whose own label has a hyphen (an admin's `my-bank.com`); a one-token label is judged as its token. */
function byWholeLabel(index: ProtectedIndex, parts: HostParts, lure: boolean): Lookalike | null {
  return parts.labelTokens.length > 1 ? byFolding(index, parts.labelText, parts.labelSkeleton, undefined, lure) : null;
}

/** Judges one host against a prebuilt index. */
export function lookalike(index: ProtectedIndex, host: string): Lookalike | null {
  const parts = hostParts(host);
  if (!parts || isOwned(index, parts)) return null;
  const sameLabel = byForeignTld(index, parts);
  if (sameLabel) return sameLabel === 'own' ? null : sameLabel;
  const ownedLabel = byOwnedLabel(index, parts);
  if (ownedLabel) return ownedLabel;
  const lures = luresIn(index, parts);
  const labelRules = lures.lure || !isServiceName(index, parts.labelTokens, parts.suffix);
  return (
    (labelRules
      ? byWholeLabel(index, parts, lures.lure) ?? byLabelTokens(index, parts, lures) ?? byBrandLure(index, parts) ?? bySplitBrand(index, parts, lures.signIn) ?? byBulkEnding(index, parts) ?? byBulkTypo(index, parts) ?? byBulkCompany(index, parts) ?? byNamePrefix(index, parts) ?? bySoftwareName(index, parts) ?? byFreeService(index, parts)
      : null) ??
    byEmbeddedDomain(index, parts) ??
    bySubdomain(index, parts, lures)
  );
}

/** Convenience form: bundled brands plus `protectedDomains`. Build the index once for many hosts. */
export function assessLookalike(host: string, protectedDomains: readonly string[]): Lookalike | null {
  return lookalike(buildProtectedIndex(protectedDomains), host);
}
