// Keys: ECDSA P-256 with SHA-256, because both browsers verify it in WebCrypto
// (Chrome 37+, Firefox 34+), while Ed25519 verify needs Chrome 137+.
//
// Public key format (what the policy's trustedKeys carries):
//   "p256:" + standard base64 of the SubjectPublicKeyInfo DER (91 bytes -> 124 chars).
// Private key file: PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"), readable by openssl.
// Key id: the first 8 bytes of SHA-256(SPKI DER), stored in each bundle's prefix
// so the verifier picks the right trusted key without trying each one.

export const PUBLIC_KEY_PREFIX = 'p256:';
const ALGO = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const SIGN_ALGO = { name: 'ECDSA', hash: 'SHA-256' } as const;
export const KEY_ID_BYTES = 8;
const SPKI_BYTES = 91;
/** DER prefix of every uncompressed P-256 SPKI: SEQUENCE, id-ecPublicKey, prime256v1, BIT STRING, 0x04. */
const SPKI_P256_PREFIX = '3059301306072a8648ce3d020106082a8648ce3d03010703420004';

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

/** WebCrypto's types want ArrayBuffer-backed views; nothing here uses SharedArrayBuffer. */
export const buf = (u: Uint8Array): Uint8Array<ArrayBuffer> => u as Uint8Array<ArrayBuffer>;

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export async function keyIdOf(spki: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', buf(spki))).slice(0, KEY_ID_BYTES);
}

/** The SPKI bytes of a "p256:..." string, or null when it is not one (cheap syntax check for the policy). */
export function publicKeyBytes(text: string): Uint8Array | null {
  if (!text.startsWith(PUBLIC_KEY_PREFIX)) return null;
  const der = fromBase64(text.slice(PUBLIC_KEY_PREFIX.length).trim());
  return der && der.length === SPKI_BYTES && toHex(der.subarray(0, 27)) === SPKI_P256_PREFIX ? der : null;
}

export interface PublicKey {
  key: CryptoKey;
  id: Uint8Array;
  text: string;
}

/** Imports a "p256:..." public key; null when malformed or not a P-256 point. */
export async function importPublicKey(text: string): Promise<PublicKey | null> {
  const der = publicKeyBytes(text.trim());
  if (!der) return null;
  try {
    const key = await subtle().importKey('spki', buf(der), ALGO, true, ['verify']);
    return { key, id: await keyIdOf(der), text: PUBLIC_KEY_PREFIX + toBase64(der) };
  } catch {
    return null;
  }
}

/** The trusted key whose id (hex) is `keyId`, or null. Malformed entries are skipped. */
export async function findTrustedKey(trusted: readonly string[], keyId: string): Promise<PublicKey | null> {
  for (const text of trusted) {
    const key = await importPublicKey(text);
    if (key && toHex(key.id) === keyId) return key;
  }
  return null;
}

export interface Signer {
  privateKey: CryptoKey;
  publicKey: PublicKey;
}

async function publicFromPrivate(privateKey: CryptoKey): Promise<PublicKey> {
  const jwk = await subtle().exportKey('jwk', privateKey);
  const pub = await subtle().importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true }, ALGO, true, ['verify']);
  const der = new Uint8Array(await subtle().exportKey('spki', pub));
  return { key: pub, id: await keyIdOf(der), text: PUBLIC_KEY_PREFIX + toBase64(der) };
}

export async function generateSigner(): Promise<Signer> {
  const pair = await subtle().generateKey(ALGO, true, ['sign', 'verify']);
  return { privateKey: pair.privateKey, publicKey: await publicFromPrivate(pair.privateKey) };
}

const PEM_HEAD = '-----BEGIN PRIVATE KEY-----';
const PEM_TAIL = '-----END PRIVATE KEY-----';

export async function exportPrivateKeyPem(signer: Signer): Promise<string> {
  const der = toBase64(new Uint8Array(await subtle().exportKey('pkcs8', signer.privateKey)));
  const lines = der.match(/.{1,64}/g) ?? [];
  return `${PEM_HEAD}\n${lines.join('\n')}\n${PEM_TAIL}\n`;
}

/** Reads a PKCS#8 PEM P-256 private key; throws an Error with a readable message otherwise. */
export async function importPrivateKeyPem(pem: string): Promise<Signer> {
  const start = pem.indexOf(PEM_HEAD);
  const end = pem.indexOf(PEM_TAIL);
  const der = start >= 0 && end > start ? fromBase64(pem.slice(start + PEM_HEAD.length, end).replace(/\s+/g, '')) : null;
  if (!der) throw new Error('not a PKCS#8 PEM private key (expected "-----BEGIN PRIVATE KEY-----")');
  let privateKey: CryptoKey;
  try {
    privateKey = await subtle().importKey('pkcs8', buf(der), ALGO, true, ['sign']);
  } catch {
    throw new Error('not an ECDSA P-256 private key');
  }
  return { privateKey, publicKey: await publicFromPrivate(privateKey) };
}
