// The salted, truncated hash of a password (or of any typed candidate):
// HMAC-SHA-256 keyed with a per-install random salt, cut to HASH_BITS.
//
// Why truncate: storage.local is readable by anything that reads the profile.
// A full hash of a password there is an offline-crackable copy of it; a
// 32-bit one is not, because every stored value has an enormous number of
// same-length preimages. Over the 95 printable ASCII characters a password of
// length L has 95^L / 2^32 preimages of its length: 1.5 million at L = 8 (the
// default minimum), 1.4e10 at L = 10, 1.3e14 at L = 12. Someone holding the
// profile (salt included) can still test a short dictionary against it, which
// is why the salt never reaches page scripts and the minimum length exists; a
// longer hash would only make that test more certain.
//
// The price is false alerts. One comparison is a false match with probability
// 2^-32 = 2.3e-10. Per keystroke the watcher compares one candidate per stored
// length against the values of that length, i.e. at most k comparisons for k
// stored values: P(false alert per keystroke) <= k * 2^-32 (5 values: 1.2e-9).
// Over a typed stream of n characters: 1 - (1 - k * 2^-32)^n ~ n * k * 2^-32,
// for 5 values 1.2e-3 per million characters typed: at 50,000 characters a
// day, one false alert in about 47 years. Measured on random typing
// with shorter hashes (where the rate is observable) by the unit tests and
// `npm run bench:password-alert`.
export const HASH_BITS = 32;

export type HmacKey = CryptoKey;

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

/** A fresh per-install salt (256 bits), base64. */
export function newSalt(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes));
}

export function importSalt(salt: string): Promise<HmacKey> {
  const raw = Uint8Array.from(atob(salt), (c) => c.charCodeAt(0));
  return subtle().importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

const encoder = new TextEncoder();

/** The first `bits` bits (a multiple of 4) of HMAC(salt, text), as hex. */
export async function truncatedHmac(key: HmacKey, text: string, bits: number = HASH_BITS): Promise<string> {
  const mac = new Uint8Array(await subtle().sign('HMAC', key, encoder.encode(text)));
  let hex = '';
  for (let i = 0; i < Math.ceil(bits / 8); i++) hex += (mac[i] as number).toString(16).padStart(2, '0');
  return hex.slice(0, bits / 4);
}
