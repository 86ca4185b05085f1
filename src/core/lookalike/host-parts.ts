// Splits a host into the parts the look-alike rules compare, in skeleton
// form. The Public Suffix List's private section is used, so each site on a
// shared host (x.azurewebsites.net, x.github.io) is its own registrable
// domain, as it is its own owner; hosts the list does not know as shared
// (x.glitch.me, x.000webhostapp.com) are caught by the subdomain rule,
// except the free hosts of free-host.ts, whose sites are their own domains too.
import { parse } from 'tldts';
import { freeHostOf } from './free-host.ts';
import { acceptableHost } from './input-guard.ts';
import { decodeLabel, toUnicodeHost } from './punycode.ts';
import { skeleton } from './skeleton.ts';
import { splitTokens } from './segment.ts';

export interface HostParts {
  /** Lowercase ASCII host, no trailing dot. */
  host: string;
  /** Registrable domain with the private section (`evil.net`, `x.github.io`). */
  domain: string;
  /** Public suffix (`com`, `co.uk`, `github.io`). */
  suffix: string;
  /** The suffix is a private-section one (a shared host). */
  privateSuffix: boolean;
  /** The registrable domain's first label as written, ASCII (`evil`, `xn--...`). */
  label: string;
  /** Its Unicode form, for explanations. */
  labelText: string;
  /** Skeleton of that label. */
  labelSkeleton: string;
  /** Skeleton tokens of that label, split on `-`. */
  labelTokens: string[];
  /** The same tokens as written (Unicode, lowercase), for explanations; index-aligned when folding kept the separators. */
  labelWritten: string[];
  /** Skeleton tokens of the labels left of the registrable domain. */
  subTokens: string[];
  subWritten: string[];
  /** How many of `subTokens` each of those labels holds, left to right. */
  subLabelSizes: number[];
  /** The suffix is on the Public Suffix List (not `hotmail.con`). */
  knownSuffix: boolean;
  /** The suffix is a free host of vocabulary.json (`pe.hu`, `ddns.net`): a brand's own label there is no brand's page. */
  freeHost: boolean;
}

/** Null for IP addresses, single-label hosts, hosts without a registrable domain, and anything over DNS's limits. */
export function hostParts(rawHost: string): HostParts | null {
  const host = acceptableHost(rawHost);
  if (!host) return null;
  // The guard already checked the host: tldts need not extract or validate it again.
  const p = parse(host, { allowPrivateDomains: true, extractHostname: false, validateHostname: false, mixedInputs: false });
  if (p.isIp || !p.domain || !p.domainWithoutSuffix || !p.publicSuffix) return null;
  const free = freeHostOf(host, p.domain, p.publicSuffix);
  const suffix = free ?? p.publicSuffix;
  const domain = free ? host.slice(host.lastIndexOf('.', host.length - free.length - 2) + 1) : p.domain;
  const label = domain.slice(0, domain.length - suffix.length - 1);
  const labelText = decodeLabel(label);
  const labelSkeleton = skeleton(labelText);
  const sub = toUnicodeHost(host.slice(0, Math.max(0, host.length - domain.length - 1)));
  const subSkeleton = skeleton(sub);
  const labelTokens = splitTokens(labelSkeleton);
  const subTokens = splitTokens(subSkeleton);
  return {
    host,
    domain,
    suffix,
    privateSuffix: free !== null || p.isPrivate === true,
    label,
    labelText,
    labelSkeleton,
    labelTokens,
    // Most names fold to themselves: split once.
    labelWritten: labelText === labelSkeleton ? labelTokens : splitTokens(labelText),
    subTokens,
    subWritten: sub === subSkeleton ? subTokens : splitTokens(sub),
    subLabelSizes: labelSizes(sub, subTokens.length),
    knownSuffix: p.isIcann === true || p.isPrivate === true,
    freeHost: free !== null,
  };
}

/** Tokens per dot-separated label of `sub`; without hyphens, one each. */
function labelSizes(sub: string, tokens: number): number[] {
  if (!sub) return [];
  return sub.includes('-') ? sub.split('.').map((l) => splitTokens(l).length) : new Array<number>(tokens).fill(1);
}

/** Registrable domain by the ICANN section only (for domains given as configuration). */
export function registrableDomain(host: string): string | null {
  const h = acceptableHost(host);
  return h ? (parse(h).domain ?? null) : null;
}
