// Brand ownership: a registrable domain the brand data (or the admin's
// `brandDomains`) says a brand owns, and its subdomains, never warn. Only
// the registrable domain with the private section counts, so a user site on
// an owned shared host (`x.s3.amazonaws.com`) is not the owner's.
import type { HostParts } from './host-parts.ts';
import type { ProtectedIndex } from './protected-index.ts';

export function isOwned(index: ProtectedIndex, parts: HostParts): boolean {
  return index.owned.has(parts.domain);
}
