// Brand ownership: a registrable domain the brand data (or the admin's
// `brandDomains`) says a brand owns, and its subdomains, never warn; nor
// does any name under a brand's own top-level domain (`ownedEndings`). Only
// the registrable domain with the private section counts, so a user site on
// an owned shared host (`x.s3.amazonaws.com`) is not the owner's.
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex } from './protected-index.ts';

export function isOwned(index: ProtectedIndex, parts: HostParts): boolean {
  return index.owned.has(parts.domain) || (index.ownedEndings.size > 0 && index.ownedEndings.has(topLevel(parts.host)));
}

/** The host's last label: a brand TLD (`.goog`) is the brand's whatever the Public Suffix List puts under it (`translate.goog`). */
function topLevel(host: string): string {
  return host.slice(host.lastIndexOf('.') + 1);
}
