import { describe, expect, it } from 'vitest';
import { exportPrivateKeyPem, importPrivateKeyPem, importPublicKey, publicKeyBytes } from '../../../src/core/bundle/keys.ts';
import { readCapped } from '../../../src/core/bundle/read-capped.ts';
import { fullBundle, list, signers } from './helpers.ts';

function stream(bytes: Uint8Array, chunk = 7): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(bytes.slice(at, (at += chunk)));
    },
  });
}

describe('keys', () => {
  it('round-trips the private key through PEM and keeps the same public key', async () => {
    const [signer] = await signers();
    const pem = await exportPrivateKeyPem(signer);
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END PRIVATE KEY-----\n$/);
    const again = await importPrivateKeyPem(pem);
    expect(again.publicKey.text).toBe(signer.publicKey.text);
    expect(again.publicKey.id).toEqual(signer.publicKey.id);
  });

  it('writes public keys as p256:BASE64 of the 91-byte SPKI', async () => {
    const [signer] = await signers();
    expect(signer.publicKey.text).toMatch(/^p256:[A-Za-z0-9+/]{122}==$/);
    expect(publicKeyBytes(signer.publicKey.text)?.length).toBe(91);
  });

  it.each(['', 'p256:', 'p256:abc', 'ed25519:AAAA', `p256:${'A'.repeat(124)}`])('rejects the public key %j', async (text) => {
    expect(await importPublicKey(text)).toBeNull();
  });

  it('refuses a PEM that is not a P-256 PKCS#8 key', async () => {
    await expect(importPrivateKeyPem('hello')).rejects.toThrow(/PKCS#8/);
    await expect(importPrivateKeyPem('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n')).rejects.toThrow(/P-256/);
  });
});

describe('readCapped', () => {
  it('reads a stream under the limit whole', async () => {
    const bytes = await fullBundle(1, [list('a', 'evil.com/')]);
    const res = await readCapped(stream(bytes), bytes.length);
    expect(res.ok && res.bytes).toEqual(bytes);
  });

  it('stops at the limit, on Content-Length, and on the declared bundle length', async () => {
    const bytes = await fullBundle(1, [list('a', 'evil.com/')]);
    expect(await readCapped(stream(bytes), null, bytes.length - 1)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(await readCapped(null, 1e9)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    const claims = bytes.slice();
    new DataView(claims.buffer).setUint32(8, 2_000_000);
    expect(await readCapped(stream(claims), null, 1_000_000)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('reports a stream that fails midway as truncated', async () => {
    const failing = new ReadableStream<Uint8Array>({ pull: (c) => c.error(new Error('connection reset')) });
    expect(await readCapped(failing, null)).toMatchObject({ ok: false, error: { code: 'truncated' } });
  });
});
