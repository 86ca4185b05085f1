// IP literal normalisation shared by the Safe Browsing and browser readings.

function parseIpv4Part(part: string): number {
  if (part.length === 0) return NaN;
  let radix = 10;
  let digits = part;
  if (part.length >= 2 && part[0] === '0' && (part[1] === 'x' || part[1] === 'X')) {
    radix = 16;
    digits = part.slice(2);
    // WHATWG reads a bare `0x` as zero; so do browsers, so must we.
    if (digits.length === 0) return 0;
  } else if (part.length >= 2 && part[0] === '0') {
    radix = 8;
    digits = part.slice(1);
  }
  const valid = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return NaN;
  return parseInt(digits, radix);
}

/**
 * Any legal IPv4 spelling (1 to 4 parts, each decimal, octal `0..` or hex
 * `0x..`, the last filling the remaining bytes, as inet_aton and the WHATWG
 * IPv4 parser read them) -> dotted quad; null when `host` is not one.
 */
export function parseIpv4(host: string): string | null {
  const c = host.charCodeAt(0);
  if (!(c >= 0x30 && c <= 0x39)) return null;
  const parts = host.split('.');
  if (parts.length > 4) return null;
  const values = parts.map(parseIpv4Part);
  if (values.some((v) => Number.isNaN(v))) return null;
  const last = values.pop()!;
  if (values.some((v) => v > 255)) return null;
  if (last >= 256 ** (4 - values.length)) return null;
  let n = last;
  values.forEach((v, i) => {
    n += v * 256 ** (3 - i);
  });
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** True for a dotted-quad string as produced by parseIpv4. */
export function isDottedQuad(host: string): boolean {
  return /^(?:\d{1,3}\.){3}\d{1,3}$/.test(host) && parseIpv4(host) === host;
}

/**
 * `[...]` IPv6 literal (brackets included) -> the WHATWG normal form
 * (lower-case, compressed), or the dotted quad for an IPv4-mapped address
 * (`::ffff:a.b.c.d`) so both spellings of one server compare equal.
 * Null when it is not a valid IPv6 address.
 */
export function normalizeIpv6(bracketed: string): string | null {
  if (!/^\[[0-9a-fA-F:.]+\]$/.test(bracketed)) return null;
  let host: string;
  try {
    host = new URL(`http://${bracketed}/`).hostname;
  } catch {
    return null;
  }
  const mapped = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(host);
  if (!mapped) return host;
  const hi = parseInt(mapped[1]!, 16);
  const lo = parseInt(mapped[2]!, 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}
