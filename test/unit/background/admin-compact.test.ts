// The admin bundle as the compact engine, and the upgrade from the previous
// version's stored form (state of v1 binaries, perhaps a v1 'rebuilt').
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { adminLists } from '../../../src/background/admin-lists.ts';
import { compactParts, openRecord, storeCompact, type CompactInForce } from '../../../src/background/admin-compact.ts';
import { nextState, rebuildLists, summaryOf, type BundleState, type BundleSummary } from '../../../src/core/bundle/index.ts';
import { Blocklist } from '../../../src/core/engine/blocklist.ts';
import { buildCompact } from '../../../src/core/engine/compact/compact-blocklist.ts';
import { wireListEntries } from '../../../src/core/engine/compact/wire.ts';
import { EngineSet } from '../../../src/core/engine/engine-set.ts';
import { memorySource, type AsyncByteSource } from '../../../src/core/engine/compact/async-records.ts';
import { defaultSettings, type ManagedSettings } from '../../../src/core/policy/settings.ts';
import type { CompactRecord, RebuiltLists, StoredBundle } from '../../../src/platform/bundle-store.ts';
import { deltaBundle, fullBundle, generateSigner, type Signer } from '../../fixtures/admin/e2e-bundles.ts';

let signer: Signer;
let v1: BundleState;
let v2: BundleState; // delta on v1: adds added.test, removes old.test

const settings = (over: Partial<ManagedSettings> = {}): ManagedSettings => ({ ...defaultSettings(), trustedKeys: [signer.publicKey.text], ...over });
const stored = (state: BundleState): StoredBundle => ({ state, sha256: 'x' });
const engineOf = (a: Awaited<ReturnType<typeof adminLists>>) => new EngineSet(a.blocklists, a.allow);
const listOf = async (a: Awaited<ReturnType<typeof adminLists>>, url: string) => (await engineOf(a).lookup(url)).match;


async function accept(current: BundleState | null, bytes: Uint8Array): Promise<BundleState> {
  const r = await nextState(current, bytes, { trustedKeys: [signer.publicKey.text], now: Date.now() });
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
}

/** What storeCompact would store, as readCompact would give it back (the Blob as an in-memory source). */
async function storedRecord(state: BundleState): Promise<{ summary: BundleSummary; hot: Uint8Array; cold: Uint8Array }> {
  let record: { summary: BundleSummary; hot: Uint8Array; cold: Uint8Array } | undefined;
  expect(await storeCompact(state, async (summary, hot, cold) => ((record = { summary, hot, cold }), true))).toBe(true);
  return record!;
}

async function compactOf(state: BundleState): Promise<CompactInForce> {
  const r = await storedRecord(state);
  return openRecord({ summary: r.summary, hot: r.hot, cold: memorySource(r.cold) });
}

const oldRebuilt = async (state: BundleState): Promise<RebuiltLists> => ({ seq: state.seq, compiled: Blocklist.compile(await rebuildLists(state)) });

beforeAll(async () => {
  signer = await generateSigner();
  v1 = await accept(null, await fullBundle(signer, 1, ['old.test', 'kept.test', '10.1.2.3', 'path.test/login/']));
  v2 = await accept(v1, await deltaBundle(signer, 1, 2, ['old.test', 'kept.test'], ['kept.test', 'added.test']));
});

describe('the admin bundle as the compact engine', () => {
  it('is what the worker looks up once stored: the same verdicts, provenance and version as the v1 form, no state read', async () => {
    const before = await adminLists(settings(), [], stored(v1), null);
    const after = await adminLists(settings(), [], null, null, undefined, await compactOf(v1));
    for (const url of ['http://old.test/', 'https://a.kept.test/x', 'http://10.1.2.3/', 'http://x.10.1.2.3/', 'http://path.test/login/a', 'http://path.test/', 'http://other.test/']) {
      expect(await listOf(after, url), url).toEqual(await listOf(before, url));
    }
    expect(after.version).toBe(before.version); // switching forms reinstalls no DNR rules
    expect(after.lists).toEqual(before.lists);
    expect(after.bundle).toEqual(summaryOf(v1));
    expect(after.rebuild).toBeNull();
    expect(before.rebuild).not.toBeNull();
  });

  it('is built by the updater from the lists verification decoded, byte for byte as from the stored state', async () => {
    const r = await nextState(null, await fullBundle(signer, 7, ['a.test', 'b.test/login/', '10.9.8.7']), { trustedKeys: [signer.publicKey.text], now: Date.now() });
    if (!r.ok) throw new Error(r.error.message);
    expect(wireListEntries(r.decoded!, 0).map((e) => e.expression)).toEqual(['a.test/', 'b.test/login/', '10.9.8.7/']);
    const fromDecoded = await compactParts(r.state, r.decoded);
    const fromState = await compactParts(r.state);
    const fromLists = buildCompact(await rebuildLists(r.state)); // the path with entry objects, as after a delta
    for (const parts of [fromState, fromLists]) {
      expect(fromDecoded.hot).toEqual(parts.hot);
      expect(fromDecoded.cold).toEqual(parts.cold);
    }
    // A delta carries no full lists: its state is decoded from what is stored.
    const delta = await nextState(r.state, await deltaBundle(signer, 7, 8, ['a.test'], ['c.test']), { trustedKeys: [signer.publicKey.text], now: Date.now() });
    expect(delta.ok && delta.decoded).toBe(undefined);
  });

  it('is built with the deltas applied (removals too), like the old rebuild', async () => {
    const a = await adminLists(settings(), [], null, null, undefined, await compactOf(v2));
    const old = await adminLists(settings(), [], stored(v2), await oldRebuilt(v2));
    expect(await listOf(a, 'http://old.test/')).toBeNull();
    expect(await listOf(a, 'http://added.test/')).toMatchObject({ list: 'corp' });
    expect(a.version).toBe('admin@2+rebuilt');
    expect(a.version).toBe(old.version);
  });

  it('keeps the compact bundle under the trust and expiry rules of the state', async () => {
    const other = await generateSigner();
    const untrusted = await adminLists(settings({ trustedKeys: [other.publicKey.text] }), [], null, null, undefined, await compactOf(v1));
    expect(untrusted.blocklists).toEqual([]);
    expect(untrusted.problems.join(' ')).toMatch(/no longer trusts/);
    const compact = await compactOf(v1);
    const expired = await adminLists(settings(), [], null, null, undefined, { ...compact, summary: { ...compact.summary, expires: '2020-01-01T00:00:00.000Z' } });
    expect(await listOf(expired, 'http://old.test/')).toMatchObject({ list: 'corp' });
    expect(expired.problems.join(' ')).toMatch(/expired/);
  });

  it('gives the v1 verdicts on random bundles', async () => {
    const label = fc.constantFrom('a', 'b', 'c', 'd');
    const host = fc.array(label, { minLength: 1, maxLength: 3 }).map((l) => `${l.join('.')}.test`);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(host, { minLength: 1, maxLength: 12 }), fc.array(host, { minLength: 1, maxLength: 6 }), async (hosts, probes) => {
        const state = await accept(null, await fullBundle(signer, 1, hosts));
        const before = await adminLists(settings(), [], stored(state), null);
        const after = await adminLists(settings(), [], null, null, undefined, await compactOf(state));
        for (const p of probes) expect(await listOf(after, `http://${p}/`), p).toEqual(await listOf(before, `http://${p}/`));
      }),
      { numRuns: 25 },
    );
  });
});

describe('upgrading from the stored form of the previous version', () => {
  it('keeps the old state (and its rebuild) in force until the compact form is stored', async () => {
    const old = await adminLists(settings(), [], stored(v2), await oldRebuilt(v2));
    expect(old.blocklists.every((t) => t instanceof Blocklist)).toBe(true);
    expect(await listOf(old, 'http://added.test/')).toMatchObject({ list: 'corp' });
    expect(old.rebuild).not.toBeNull(); // builds and stores the compact form, then the worker reloads
  });

  it('reports nothing stored when another state came into force meanwhile (the store checks the seq)', async () => {
    expect(await storeCompact(v1, async () => false)).toBe(false);
  });

  it('builds parts that pass the full check a receiver makes (checksums, every record, every key)', async () => {
    const parts = await compactParts(v2);
    const { CompactBlocklist } = await import('../../../src/core/engine/compact/compact-blocklist.ts');
    expect(CompactBlocklist.verify(parts).size).toBe(4); // kept, 10.1.2.3, path.test/login/, added: old.test removed
  });

  it('refuses a damaged stored form, so the worker falls back to the state', async () => {
    const r = await storedRecord(v1);
    const flip = (b: Uint8Array, at: number) => {
      const out = b.slice();
      out[at]! ^= 0x10;
      return out;
    };
    const cases: CompactRecord[] = [
      { summary: r.summary, hot: flip(r.hot, 60), cold: memorySource(r.cold) },
      { summary: r.summary, hot: r.hot.subarray(0, r.hot.length - 8), cold: memorySource(r.cold) },
      { summary: r.summary, hot: r.hot, cold: memorySource(r.cold.subarray(0, r.cold.length - 8)) },
      { summary: r.summary, hot: r.hot, cold: memorySource(flip(r.cold, 32)) }, // its checksum word: no longer the hot table's
      { summary: r.summary, hot: r.hot, cold: memorySource((await storedRecord(v2)).cold) },
    ];
    for (const c of cases) await expect(openRecord(c)).rejects.toThrow(/compact/);
  });
});

describe('openCompact', () => {
  it('drops a stored form that cannot be opened and answers null (the state stays in force)', async () => {
    vi.resetModules();
    const r = await storedRecord(v1);
    const dropCompact = vi.fn(async () => true);
    const record = { summary: r.summary, hot: r.hot.subarray(0, 40), cold: memorySource(r.cold) };
    vi.doMock('../../../src/platform/bundle-store.ts', () => ({
      readCompact: async () => record,
      dropCompact,
      writeCompact: async () => false,
    }));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { openCompact } = await import('../../../src/background/admin-compact.ts');
    expect(await openCompact(() => undefined)).toBeNull();
    expect(dropCompact).toHaveBeenCalledExactlyOnceWith(record);
    errors.mockRestore();
    vi.doUnmock('../../../src/platform/bundle-store.ts');
  });
});

/** The stored form opened with records that start failing at `failNow()`; `dropped` is what dropCompact answers. */
async function openFailing(error: string, dropped: boolean) {
  vi.resetModules();
  const r = await storedRecord(v1);
  let fail = false;
  const cold: AsyncByteSource = { length: r.cold.length, read: async (o, n) => (fail ? Promise.reject(new Error(error)) : r.cold.slice(o, o + n)) };
  const dropCompact = vi.fn(async () => dropped);
  vi.doMock('../../../src/platform/bundle-store.ts', () => ({ readCompact: async () => ({ summary: r.summary, hot: r.hot, cold }), dropCompact, writeCompact: async () => false }));
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const { openCompact } = await import('../../../src/background/admin-compact.ts');
  const reload = vi.fn();
  const engine = new EngineSet([(await openCompact(reload))!.engine]);
  const done = () => {
    errors.mockRestore();
    vi.doUnmock('../../../src/platform/bundle-store.ts');
  };
  return { engine, reload, dropCompact, failNow: () => (fail = true), done };
}

describe('openCompact, records unreadable later', () => {
  it('drops the stored form and reloads once, when a confirm cannot read its record', async () => {
    const { engine, reload, dropCompact, failNow, done } = await openFailing('NotReadableError', true);
    expect(await engine.lookup('http://old.test/')).toMatchObject({ verdict: 'warn' });
    failNow();
    await expect(engine.lookup('http://old.test/')).rejects.toThrow(/NotReadable/);
    await expect(engine.lookup('http://kept.test/')).rejects.toThrow(/NotReadable/);
    await vi.waitFor(() => expect(reload).toHaveBeenCalledOnce());
    expect(dropCompact).toHaveBeenCalledOnce();
    expect(engine.lookupNow('http://unlisted.test/')).toMatchObject({ verdict: 'ok' }); // misses need no read
    done();
  });
});

describe('openCompact, an earlier record failing', () => {
  it('does not reload when the store no longer holds that record (a successor is in)', async () => {
    const { engine, reload, dropCompact, failNow, done } = await openFailing('gone', false);
    failNow();
    await expect(engine.lookup('http://old.test/')).rejects.toThrow(/gone/);
    await vi.waitFor(() => expect(dropCompact).toHaveBeenCalledOnce());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reload).not.toHaveBeenCalled();
    done();
  });
});

describe('bundleInForce', () => {
  async function withStore(record: CompactRecord | null) {
    vi.resetModules();
    const store = {
      readCompact: async () => record,
      dropCompact: vi.fn(async () => true),
      writeCompact: async () => false,
      readBundle: vi.fn(async () => stored(v1)),
      readRebuilt: vi.fn(async () => null),
    };
    vi.doMock('../../../src/platform/bundle-store.ts', () => store);
    const { bundleInForce } = await import('../../../src/background/admin-compact.ts');
    return { store, bundleInForce };
  }

  it('reads neither the state nor an old rebuild when the compact form opens', async () => {
    const r = await storedRecord(v1);
    const { store, bundleInForce } = await withStore({ summary: r.summary, hot: r.hot, cold: memorySource(r.cold) });
    const b = await bundleInForce(() => undefined);
    expect(b.compact?.summary.seq).toBe(1);
    expect([b.stored, b.rebuilt]).toEqual([null, null]);
    expect(store.readBundle).not.toHaveBeenCalled();
    vi.doUnmock('../../../src/platform/bundle-store.ts');
  });

  it('falls back to the stored state when the compact form is damaged: never a moment without the bundle', async () => {
    const r = await storedRecord(v1);
    const { store, bundleInForce } = await withStore({ summary: r.summary, hot: r.hot, cold: memorySource(r.cold.subarray(0, 48)) });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const b = await bundleInForce(() => undefined);
    errors.mockRestore();
    expect(b.compact).toBeNull();
    expect(b.stored?.state.seq).toBe(1);
    expect(store.dropCompact).toHaveBeenCalledOnce();
    const a = await adminLists(settings(), [], b.stored, b.rebuilt, undefined, b.compact);
    expect(await listOf(a, 'http://old.test/')).toMatchObject({ list: 'corp' });
    vi.doUnmock('../../../src/platform/bundle-store.ts');
  });
});

describe('the background build', () => {
  it('runs at most once per bundle in a worker life, so a form that will not store or open cannot loop', async () => {
    const state = await accept(null, await fullBundle(signer, 7, ['seven.test']));
    const a = await adminLists(settings(), [], stored(state), null);
    await a.rebuild!().catch(() => undefined); // no IndexedDB here: the store fails
    const again = await adminLists(settings(), [], stored(state), null);
    expect(again.rebuild).toBeNull();
    expect(await listOf(again, 'http://seven.test/')).toMatchObject({ list: 'corp' }); // the binaries stay in force
  });
});
