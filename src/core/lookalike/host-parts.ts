// Splits a host into the parts the look-alike rules compare, in Unicode
// skeleton form. The Public Suffix List's private section is used, so each
// site on a shared host (x.azurewebsites.net, x.github.io) is its own
// registrable domain, as it is its own owner.
import { parse } from 'tldts';
import { decodeLabel, toUnicodeHost } from './punycode.ts';
import { skeleton } from './skeleton.ts';

export interface HostParts {
  /** Lowercase ASCII host, no trailing dot. */
  host: string;
  /** Registrable domain, ASCII (`evil.net`). */
  domain: string;
  /** Its first label as written, ASCII (`evil`, `xn--...`). */
  label: string;
  /** Skeleton of that label in Unicode. */
  labelSkeleton: string;
  /** Skeleton tokens of everything left of the public suffix, split on `.` and `-`. */
  tokens: string[];
}

export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/** Null for IP addresses, single-label hosts and hosts without a registrable domain. */
export function hostParts(rawHost: string): HostParts | null {
  const host = normaliseHost(rawHost);
  const p = parse(host, { allowPrivateDomains: true });
  if (p.isIp || !p.domain || !p.domainWithoutSuffix || !p.publicSuffix) return null;
  const label = p.domainWithoutSuffix;
  const left = host.slice(0, host.length - p.publicSuffix.length - 1);
  return {
    host,
    domain: p.domain,
    label,
    labelSkeleton: skeleton(decodeLabel(label)),
    tokens: skeleton(toUnicodeHost(left)).split(/[.-]+/).filter(Boolean),
  };
}

/** Registrable domain by the ICANN section only (for domains given as configuration). */
export function registrableDomain(host: string): string | null {
  return parse(normaliseHost(host)).domain ?? null;
}

/** True when `host` is `domain` or one of its subdomains. */
export function isSameOrSubdomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith('.' + domain);
}
