// Format 2 (lists as the gzipped compact wire form): round trips on random
// lists, every damage rejected, a signed but malformed section (a broken
// signer) refused as corrupt, format 1 still read, and the sizes of issue 12.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bundleEntries, verifyBundle } from '../../../src/core/bundle/verify.ts';
import { encodeUnsigned, SIGNATURE_BYTES } from '../../../src/core/bundle/format.ts';
import { serializeHeader } from '../../../src/core/bundle/header.ts';
import { buf, SIGN_ALGO } from '../../../src/core/bundle/keys.ts';
import { gzip } from '../../../src/core/bundle/gzip.ts';
import { encodeWire } from '../../../src/core/engine/compact/wire.ts';
import { diffLists } from '../../../src/core/bundle/delta.ts';
import type { BundleHeader } from '../../../src/core/bundle/types.ts';
import { deltaBundle, deltaBundleV1, fullBundle, fullBundleV1, header, list, meta, NOW, signers } from './helpers.ts';

const opts = async (currentSeq: number | null = null) => ({ trustedKeys: [(await signers())[0].publicKey.text], currentSeq, now: NOW });

/** Signs arbitrary sections as a (broken) signer would: the signature is valid, the content is not. */
async function forged(h: BundleHeader, sections: Uint8Array[], version = 2): Promise<Uint8Array> {
  const [signer] = await signers();
  const unsigned = encodeUnsigned(h.kind, signer.publicKey.id, new TextEncoder().encode(serializeHeader(h)), sections, version);
  const signature = new Uint8Array(await crypto.subtle.sign(SIGN_ALGO, signer.privateKey, buf(unsigned)));
  const out = new Uint8Array(unsigned.length + SIGNATURE_BYTES);
  out.set(unsigned);
  out.set(signature, unsigned.length);
  return out;
}

const codeOf = async (bytes: Uint8Array, currentSeq: number | null = null): Promise<string> => {
  const r = await verifyBundle(bytes, await opts(currentSeq));
  return r.ok ? 'ok' : r.error.code;
};

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const expression = fc.tuple(label, fc.constantFrom('com', 'org', 'co.uk', 'example'), fc.constantFrom('', 'login.html', 'a/b/')).map(([l, t, p]) => `${l}.${t}/${p}`);

describe('bundle format 2', () => {
  it('gives the thread back while it decodes a big list, when asked to (the worker)', async () => {
    const hosts = Array.from({ length: 70_000 }, (_, i) => `h${i}.example/`);
    const big = { meta: meta('big', hosts.length), entries: hosts.map((expression, i) => ({ expression, kind: 'domain' as const, line: i + 1 })) };
    let pauses = 0;
    const r = await verifyBundle(await fullBundle(1, [big]), { ...(await opts()), pause: async () => void pauses++ });
    expect(r.ok && r.bundle.columns?.meta[0]?.count).toBe(70_000);
    expect(r.ok && (await bundleEntries(r.bundle, 0)).length).toBe(70_000);
    expect(pauses).toBe(4); // before each of the four stages of reading the columns (verifying makes no entry objects)
  });

  it('round-trips random lists (entries, kinds and lines as signed)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uniqueArray(expression, { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 3 }), async (sets) => {
        const lists = sets.map((s, i) => list(`l${i}`, ...s));
        const r = await verifyBundle(await fullBundle(1, lists), await opts());
        if (!r.ok) throw new Error(r.error.message);
        expect(await Promise.all(lists.map((_, i) => bundleEntries(r.bundle, i)))).toEqual(lists.map((l) => l.entries));
      }),
      { numRuns: 40 },
    );
  });

  it('rejects every flipped byte of a full bundle, a delta, and a format-1 bundle', async () => {
    const delta = { adds: [{ list: 'a', expression: 'new.com/', kind: 'domain' as const, line: 9 }], removes: [{ list: 'a', expression: 'evil.com/' }] };
    const cases: Array<[Uint8Array, number | null]> = [
      [await fullBundle(3, [list('a', 'evil.com/', 'bad.org/login.html'), list('b', '10.0.0.1/')]), null],
      [await deltaBundle(4, 3, [meta('a', 2)], delta), 3],
      [await fullBundleV1(3, [list('a', 'evil.com/')]), null],
      [await deltaBundleV1(4, 3, [meta('a', 1)], delta), 3],
    ];
    for (const [good, current] of cases) {
      expect(await codeOf(good, current)).toBe('ok');
      for (let at = 0; at < good.length; at++) {
        const bad = good.slice();
        bad[at] = bad[at]! ^ 0x01;
        expect(await codeOf(bad, current), `byte ${at}`).not.toBe('ok');
      }
      for (let n = 0; n < good.length; n += 7) expect(await codeOf(good.subarray(0, n), current)).not.toBe('ok');
    }
  });

  it('refuses, as corrupt, a signed list section that is not gzip, not a wire form, or not the lists of the header', async () => {
    const h = { ...header('full', 1, [meta('a', 1)]), kind: 'full' as const };
    const wire = (id: string, expressions: string[]) =>
      gzip(encodeWire({ lists: [{ meta: meta(id, expressions.length), entries: list(id, ...expressions).entries }], removed: [] }));
    const sections = [
      [new Uint8Array([1, 2, 3])],
      [await gzip(new TextEncoder().encode('1\tdomain\tevil.com/\n'))],
      [await wire('b', ['evil.com/'])],
      [await wire('a', ['evil.com/', 'more.com/'])],
      [await wire('a', ['evil.com/']), await wire('a', ['evil.com/'])],
      [await gzip(encodeWire({ lists: [{ meta: meta('a', 1), entries: list('a', 'evil.com/').entries }], removed: ['x.com/'] }))],
    ];
    for (const s of sections) expect(await codeOf(await forged(h, s))).toBe('corrupt');
    expect(await codeOf(await forged(h, [await wire('a', ['evil.com/'])]))).toBe('ok');
    // A format-1 frame with a format-2 section count is refused too.
    expect(await codeOf(await forged(h, [await wire('a', ['evil.com/'])], 1))).toBe('corrupt');
  });

  it('is at most 8 bytes an entry, and a 1k-add + 1k-remove delta at most 20 KiB (1M: npx tsx scripts/admin/bench-bundle.ts)', async () => {
    let s = 7;
    const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0), s);
    const hosts = (n: number) => Array.from({ length: n }, (_, i) => `d${next().toString(36)}${i.toString(36)}.example/`);
    // Built directly: spreading 100k arguments into list() overflows the stack.
    const asList = (expressions: string[]) => ({ meta: meta('a', expressions.length), entries: expressions.map((e, i) => ({ expression: e, kind: 'domain' as const, line: i + 1 })) });
    const base = asList(hosts(100_000));
    const full = await fullBundle(1, [base]);
    expect(full.length / 100_000).toBeLessThanOrEqual(8);
    const after = asList([...base.entries.slice(1000).map((e) => e.expression), ...hosts(1000)]);
    const d = await deltaBundle(2, 1, [after.meta], diffLists([base], [after]));
    const v = await verifyBundle(d, await opts(1));
    expect(v.ok && [v.bundle.delta!.adds.length, v.bundle.delta!.removes.length]).toEqual([1000, 1000]);
    expect(d.length).toBeLessThanOrEqual(20 * 1024);
  });
});
