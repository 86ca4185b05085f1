// HMAC-SHA-256 computed synchronously in plain JS, for the watcher in the
// content script. Two reasons not to use WebCrypto there: crypto.subtle is
// [SecureContext], and a content script on an http:// page (where many
// phishing pages are) has none; and an answer within the `input` event lets
// the watcher stop the event, and anything after it, before any page
// listener sees the completed password. The learner (in the worker) uses
// WebCrypto (hash.ts); unit tests check both give the same bits.
//
// The HMAC key pads are compressed once per salt, so one candidate costs two
// SHA-256 block compressions (a few µs), for windows up to 55 bytes.
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

const w = new Uint32Array(64);
const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** One SHA-256 compression of the 64-byte block at `block[offset]` into `h`. */
function compress(h: Uint32Array, block: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    w[i] = ((block[j]! << 24) | (block[j + 1]! << 16) | (block[j + 2]! << 8) | block[j + 3]!) >>> 0;
  }
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15]!;
    const b = w[i - 2]!;
    const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
    const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
  }
  let [a, b, c, d, e, f, g, hh] = h as unknown as number[] as [number, number, number, number, number, number, number, number];
  for (let i = 0; i < 64; i++) {
    const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) >>> 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
    hh = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
  }
  h[0] = (h[0]! + a) >>> 0; h[1] = (h[1]! + b) >>> 0; h[2] = (h[2]! + c) >>> 0; h[3] = (h[3]! + d) >>> 0;
  h[4] = (h[4]! + e) >>> 0; h[5] = (h[5]! + f) >>> 0; h[6] = (h[6]! + g) >>> 0; h[7] = (h[7]! + hh) >>> 0;
}

/** SHA-256 of `data`, continuing from `state` after `prefixBytes` already compressed (a multiple of 64). */
function finish(state: Uint32Array, prefixBytes: number, data: Uint8Array): Uint32Array {
  const h = new Uint32Array(state);
  const total = prefixBytes + data.length;
  const padded = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const bits = total * 8;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(padded.length - 4, bits >>> 0);
  for (let off = 0; off < padded.length; off += 64) compress(h, padded, off);
  return h;
}

export interface SyncHmacKey {
  inner: Uint32Array;
  outer: Uint32Array;
}

function padState(key: Uint8Array, pad: number): Uint32Array {
  const block = new Uint8Array(64).fill(pad);
  for (let i = 0; i < key.length; i++) block[i] = key[i]! ^ pad;
  const h = Uint32Array.from(INITIAL);
  compress(h, block, 0);
  return h;
}

/** `salt`: base64 as hash.ts makes it (32 bytes: never longer than a block, so used as is). */
export function syncHmacKey(salt: string): SyncHmacKey {
  const key = Uint8Array.from(atob(salt), (c) => c.charCodeAt(0));
  if (key.length > 64) throw new Error('salt longer than one SHA-256 block');
  return { inner: padState(key, 0x36), outer: padState(key, 0x5c) };
}

const encoder = new TextEncoder();

/** The first `bits` bits (a multiple of 4, at most 32) of HMAC-SHA-256(salt, text), as hex: equal to hash.ts truncatedHmac. */
export function syncTruncatedHmac(key: SyncHmacKey, text: string, bits: number): string {
  const inner = finish(key.inner, 64, encoder.encode(text));
  const innerBytes = new Uint8Array(32);
  const view = new DataView(innerBytes.buffer);
  for (let i = 0; i < 8; i++) view.setUint32(i * 4, inner[i]!);
  const first = finish(key.outer, 64, innerBytes)[0]!;
  return first.toString(16).padStart(8, '0').slice(0, bits / 4);
}
