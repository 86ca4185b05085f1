// 64-bit fingerprints of Safe Browsing expressions (`host/path?query`).
//
// An expression is split at its first `/` into host and path. The host gets two
// 32-bit hash lanes (A, B), the path one (B). The fingerprint is
//   hi = fmix(hostA)              (host only: entries of one host sort together)
//   lo = fmix(hostB ^ pathB * K)  (host and path)
// The host is hashed RIGHT TO LEFT so that every host suffix is a prefix of the
// walk, and the path left to right so that every path prefix is a prefix of the
// walk: a URL's <= 30 lookup fingerprints cost one pass over the host, one over
// the path and a few mixes, with no strings built (see expressions.ts). Being
// host-major, a lookup touches memory once per host suffix, not once per
// host x path combination (blocklist.ts).
//
// False positives: a lookup meets an unrelated entry of ANOTHER host with
// probability ~2^-64 (both halves must agree), so about L * E / 2^64 per URL
// with E entries and L lookups (1M entries, 30 lookups: ~1.6e-12); an entry of
// the SAME host with another path collides with probability 2^-32 per pair.
// Either way a fingerprint hit is only a candidate: Blocklist verifies it
// against the stored expression text before reporting a match, so a false
// "warn" cannot happen, only a wasted comparison.

export const HOST_SEED_A = 0x811c9dc5;
export const HOST_SEED_B = 0x3c6ef372;
export const PATH_SEED_B = 0x1b873593;

/** Lane A: FNV-1a over UTF-16 code units. */
export function stepA(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** Lane B: a different odd multiplier plus a rotation, so it is not a function of lane A. */
export function stepB(h: number, c: number): number {
  const m = Math.imul(h ^ c, 0x5bd1e995);
  return (m << 13) | (m >>> 19);
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hostHi(hostA: number): number {
  return fmix32(hostA);
}

export function combineLo(hostB: number, pathB: number): number {
  return fmix32(hostB ^ Math.imul(pathB, 0x1b873593) ^ 0x6a09e667);
}

/** Writes the fingerprint of `expression` to hi[at], lo[at] (no allocation: compiling a million entries). */
export function fingerprintInto(expression: string, hi: Uint32Array, lo: Uint32Array, at: number): void {
  const slash = expression.indexOf('/');
  if (slash <= 0) throw new Error(`not a Safe Browsing expression (needs host/path): ${expression}`);
  let ha = HOST_SEED_A;
  let hb = HOST_SEED_B;
  for (let i = slash - 1; i >= 0; i--) {
    const c = expression.charCodeAt(i);
    ha = stepA(ha, c);
    hb = stepB(hb, c);
  }
  let pb = PATH_SEED_B;
  for (let i = slash; i < expression.length; i++) pb = stepB(pb, expression.charCodeAt(i));
  hi[at] = hostHi(ha);
  lo[at] = combineLo(hb, pb);
}

/** The fingerprint of one expression, as [hi, lo] unsigned 32-bit halves. */
export function fingerprint(expression: string): [number, number] {
  const hi = new Uint32Array(1);
  const lo = new Uint32Array(1);
  fingerprintInto(expression, hi, lo, 0);
  return [hi[0]!, lo[0]!];
}
