import { describe, expect, it } from 'vitest';
import { verifyBundle, type VerifyOptions } from '../../../src/core/bundle/verify.ts';
import { signBundle } from '../../../src/core/bundle/sign.ts';
import type { BundleErrorCode } from '../../../src/core/bundle/errors.ts';
import { deltaBundle, fullBundle, header, list, meta, NOW, signers } from './helpers.ts';

async function options(over: Partial<VerifyOptions> = {}): Promise<VerifyOptions> {
  return { trustedKeys: [(await signers())[0].publicKey.text], currentSeq: 4, now: NOW, ...over };
}

async function codeOf(bytes: Uint8Array, over: Partial<VerifyOptions> = {}): Promise<BundleErrorCode | 'ok'> {
  const res = await verifyBundle(bytes, await options(over));
  if (!res.ok) expect(res.error.message.length).toBeGreaterThan(10);
  return res.ok ? 'ok' : res.error.code;
}

const small = () => fullBundle(5, [list('a', 'evil.com/', 'bad.org/')]);

describe('bundle rejections', () => {
  it('accepts the untouched bundle (control)', async () => {
    expect(await codeOf(await small())).toBe('ok');
  });

  it('rejects a change to any single byte', async () => {
    const good = await small();
    const accepted: number[] = [];
    for (let i = 0; i < good.length; i++) {
      const bad = good.slice();
      bad[i] = bad[i]! ^ 0x01;
      if ((await codeOf(bad)) === 'ok') accepted.push(i);
    }
    expect(accepted).toEqual([]);
  });

  it('rejects every truncation, as truncated once the length field is readable', async () => {
    const good = await small();
    for (let n = 0; n < good.length; n++) {
      const code = await codeOf(good.subarray(0, n));
      expect(code).toBe('truncated');
    }
  });

  it('rejects trailing bytes', async () => {
    const good = await small();
    const longer = new Uint8Array(good.length + 1);
    longer.set(good);
    expect(await codeOf(longer)).toBe('corrupt');
  });

  it('rejects a bundle over the size limit, and one whose length field claims so', async () => {
    const good = await small();
    expect(await codeOf(good, { maxBytes: good.length - 1 })).toBe('too-large');
    const claims = good.slice();
    new DataView(claims.buffer).setUint32(8, 0x7fffffff);
    expect(await codeOf(claims)).toBe('too-large');
  });

  it('rejects a file that is not a bundle and an unknown format version', async () => {
    expect(await codeOf(new TextEncoder().encode('<html>not found</html>'))).toBe('corrupt');
    for (const version of [0, 3]) {
      const other = (await small()).slice();
      other[5] = version;
      expect(await codeOf(other)).toBe('unsupported-version');
    }
  });

  it('rejects an older and an equal sequence number (no replay, no downgrade)', async () => {
    const good = await small();
    expect(await codeOf(good, { currentSeq: 6 })).toBe('replayed');
    expect(await codeOf(good, { currentSeq: 5 })).toBe('replayed');
    expect(await codeOf(good, { currentSeq: 4 })).toBe('ok');
    expect(await codeOf(good, { currentSeq: null })).toBe('ok');
  });

  it('rejects an expired bundle and one dated in the future', async () => {
    const good = await small();
    expect(await codeOf(good, { now: Date.parse('2026-07-01T00:00:00Z') })).toBe('expired');
    expect(await codeOf(good, { now: new Date('2026-05-30T00:00:00Z') })).toBe('not-yet-valid');
    expect(await codeOf(good, { now: Date.parse('2026-05-30T23:55:00Z') })).toBe('ok');
  });

  it('rejects a bundle signed by an untrusted key, or when no key is trusted', async () => {
    const [, stranger] = await signers();
    const foreign = await fullBundle(5, [list('a', 'evil.com/')], stranger);
    expect(await codeOf(foreign)).toBe('untrusted-key');
    expect(await codeOf(await small(), { trustedKeys: [] })).toBe('untrusted-key');
    expect(await codeOf(await small(), { trustedKeys: ['p256:garbage', stranger.publicKey.text] })).toBe('untrusted-key');
  });

  it('rejects a stranger signature carrying the trusted key id', async () => {
    const [trusted, stranger] = await signers();
    const forged = await signBundle({ header: { ...header('full', 5, []), kind: 'full' }, lists: [] }, { ...stranger, publicKey: trusted.publicKey });
    expect(await codeOf(forged)).toBe('bad-signature');
  });

  it('rejects a delta whose base is not the bundle in force', async () => {
    const delta = await deltaBundle(6, 5, [meta('a', 1)], { adds: [], removes: [{ list: 'a', expression: 'evil.com/' }] });
    expect(await codeOf(delta, { currentSeq: 5 })).toBe('ok');
    expect(await codeOf(delta, { currentSeq: 4 })).toBe('wrong-base');
    expect(await codeOf(delta, { currentSeq: null })).toBe('wrong-base');
    expect(await codeOf(delta, { currentSeq: 6 })).toBe('replayed');
    expect(await codeOf(delta, { currentSeq: 'any' })).toBe('ok');
  });

  it('rejects a delta touching a list it does not declare', async () => {
    const delta = await deltaBundle(6, 5, [meta('a', 1)], { adds: [{ list: 'zzz', expression: 'x.com/', kind: 'domain', line: 1 }], removes: [] });
    expect(await codeOf(delta, { currentSeq: 5 })).toBe('corrupt');
  });
});
