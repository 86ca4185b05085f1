// Host canonicalisation per the Safe Browsing document, on an unescaped byte string.
import { asciiLower, decodeUtf8, escapeBytes, isAscii } from './bytes.ts';
import { normalizeIpv6, parseIpv4 } from './ip.ts';

/** Label characters and non-ASCII only: URL syntax (`@:/?#[]\\%`, spaces) stays out of the parse. */
const IDN_CANDIDATE = /^(?:[A-Za-z0-9._-]|[^\x00-\x7f])+$/;

/**
 * IDN -> punycode through the platform's WHATWG URL parser (UTS #46, the same
 * mapping the browser applies: fullwidth letters, ideographic dots, soft
 * hyphens). Only for hosts without ASCII URL syntax, so characters of an
 * unescaped host can never be reinterpreted as userinfo, port or path; the
 * non-ASCII look-alikes of those (`＠`, `／`) map to forbidden host code
 * points and make the parse fail.
 */
function toPunycode(bytes: string): string | null {
  const text = decodeUtf8(bytes);
  if (text === null || !IDN_CANDIDATE.test(text)) return null;
  try {
    const host = new URL(`http://${text}/`).hostname;
    return host.startsWith('[') ? null : host;
  } catch {
    return null;
  }
}

function trimAndCollapseDots(host: string): string {
  if (host.indexOf('..') < 0 && host[0] !== '.' && host[host.length - 1] !== '.') return host;
  return host
    .split('.')
    .filter((label) => label.length > 0)
    .join('.');
}

/**
 * Canonical host: IDN to punycode, dots trimmed and collapsed, lower-case,
 * IPv4 in any legal spelling to a dotted quad, IPv6 normalised (IPv4-mapped
 * to the dotted quad), then the document's escaping. Null when nothing is
 * left, or for stray brackets outside an IPv6 literal.
 */
export function canonicalHost(bytes: string): string | null {
  if (bytes[0] === '[') return normalizeIpv6(bytes);
  // Dots go before IDNA too: whether IDNA accepts a host must not depend on
  // stray dots the canonical form drops, or canonicalisation would not be idempotent.
  let host = trimAndCollapseDots(bytes);
  if (!isAscii(host)) host = trimAndCollapseDots(toPunycode(host) ?? host);
  host = asciiLower(host);
  // Brackets belong to IPv6 literals only; keeping them would blur the two kinds of host.
  if (host.length === 0 || host.includes('[') || host.includes(']')) return null;
  return parseIpv4(host) ?? escapeBytes(host);
}
