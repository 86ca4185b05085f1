import { describe, expect, it } from 'vitest';
import { bundleEntries, verifyBundle } from '../../../src/core/bundle/verify.ts';
import { signBundle } from '../../../src/core/bundle/sign.ts';
import { SIGNATURE_BYTES } from '../../../src/core/bundle/format.ts';
import type { DeltaPayload } from '../../../src/core/bundle/types.ts';
import { deltaBundle, deltaBundleV1, fullBundle, fullBundleV1, header, list, meta, NOW, signers } from './helpers.ts';

const opts = async (currentSeq: number | null = null) => ({ trustedKeys: [(await signers())[0].publicKey.text], currentSeq, now: NOW });

describe('bundle round trip', () => {
  it('returns the signed header and entries of a full bundle (format 2: one wire section)', async () => {
    const lists = [list('a', 'evil.com/', 'bad.org/login.html'), list('b', '10.0.0.1/')];
    const res = await verifyBundle(await fullBundle(5, lists), await opts(4));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const { bundle } = res;
    expect(bundle.header.seq).toBe(5);
    expect(bundle.header.lists).toEqual(lists.map((l) => l.meta));
    expect(bundle.version).toBe(2);
    expect(bundle.compiled).toEqual([]);
    expect(bundle.wire).toBeInstanceOf(Uint8Array);
    expect(await bundleEntries(bundle, 0)).toEqual(lists[0]!.entries);
    expect(await bundleEntries(bundle, 1)).toEqual(lists[1]!.entries);
    expect(bundle.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('still reads a format-1 full bundle and delta (stored by earlier versions, or from an older publisher)', async () => {
    const lists = [list('a', 'evil.com/', 'bad.org/login.html'), list('b', '10.0.0.1/')];
    const res = await verifyBundle(await fullBundleV1(5, lists), await opts(4));
    if (!res.ok) throw new Error(res.error.message);
    expect(res.bundle.version).toBe(1);
    expect(res.bundle.wire).toBeNull();
    expect(new TextDecoder().decode(res.bundle.compiled[1])).toBe('compiled:b');
    expect(await bundleEntries(res.bundle, 0)).toEqual(lists[0]!.entries);
    const delta: DeltaPayload = { adds: [{ list: 'a', expression: 'new.com/', kind: 'domain', line: 9 }], removes: [] };
    const d = await verifyBundle(await deltaBundleV1(6, 5, [meta('a', 3)], delta), await opts(5));
    expect(d.ok && d.bundle.delta).toEqual(delta);
  });

  it('refuses a format-2 list section that does not match the header', async () => {
    const [signer] = await signers();
    const h = { ...header('full', 1, [meta('a', 3)]), kind: 'full' as const };
    await expect(signBundle({ header: h, lists: [{ entries: list('a', 'evil.com/').entries }] }, signer)).rejects.toThrow(/counts 3/);
  });

  it('returns the records of a delta', async () => {
    const delta: DeltaPayload = { adds: [{ list: 'a', expression: 'new.com/', kind: 'domain', line: 9 }], removes: [{ list: 'a', expression: 'evil.com/' }] };
    const res = await verifyBundle(await deltaBundle(6, 5, [meta('a', 2)], delta), await opts(5));
    expect(res.ok && res.bundle.delta).toEqual(delta);
  });

  it('encodes the same parts to the same signed bytes (only the signature varies)', async () => {
    const lists = [list('a', 'evil.com/')];
    const [x, y] = [await fullBundle(1, lists), await fullBundle(1, lists)];
    expect(x.subarray(0, -SIGNATURE_BYTES)).toEqual(y.subarray(0, -SIGNATURE_BYTES));
  });

  it('refuses to sign an inconsistent header', async () => {
    const [signer] = await signers();
    const bad = { ...header('full', 1, [], { expires: '2020-01-01T00:00:00Z' }), kind: 'full' as const };
    await expect(signBundle({ header: bad, lists: [] }, signer)).rejects.toThrow(/expires before/);
    const noBase = { ...header('delta', 3, [], { baseSeq: 3 }), kind: 'delta' as const };
    await expect(signBundle({ header: noBase, delta: { adds: [], removes: [] } }, signer)).rejects.toThrow(/base sequence/);
  });

  it('refuses entries that would break the record encoding', async () => {
    await expect(fullBundle(1, [list('a', 'evil.com/\tx')])).rejects.toThrow(/tabs/);
  });
});
