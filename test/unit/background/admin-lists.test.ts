import { beforeAll, describe, expect, it } from 'vitest';
import { adminLists } from '../../../src/background/admin-lists.ts';
import { EngineSet } from '../../../src/core/engine/engine-set.ts';
import { defaultSettings, type ManagedSettings } from '../../../src/core/policy/settings.ts';
import { nextState, rebuildLists, type BundleState } from '../../../src/core/bundle/index.ts';
import type { RebuiltLists, StoredBundle } from '../../../src/platform/bundle-store.ts';
import { deltaBundle, fullBundle, fullBundleV1, generateSigner, type Signer } from '../../fixtures/admin/e2e-bundles.ts';
import { Blocklist } from '../../../src/core/engine/blocklist.ts';
import { signBundle } from '../../../src/core/bundle/sign.ts';
import { parseList } from '../../../src/core/list/parse-list.ts';

let signer: Signer;
// A format-1 state (as stored by earlier versions) and a delta on it: adds added.test, removes old.test.
let v1: BundleState;
let v2: BundleState;

const settings = (over: Partial<ManagedSettings> = {}): ManagedSettings => ({ ...defaultSettings(), trustedKeys: [signer.publicKey.text], ...over });
const stored = (state: BundleState): StoredBundle => ({ state, sha256: 'x' });
/** The list id that blocks `host`, or null. */
const verdict = async (set: EngineSet, host: string) => (await set.lookup(`http://${host}/`)).match?.list ?? null;
const engineOf = (a: Awaited<ReturnType<typeof adminLists>>) => new EngineSet(a.blocklists, a.allow);
/** The previous version's stored rebuild (a v1 binary of the lists with removals applied). */
const rebuildBundle = async (state: BundleState): Promise<RebuiltLists> => ({ seq: state.seq, compiled: Blocklist.compile(await rebuildLists(state)) });

async function accept(current: BundleState | null, bytes: Uint8Array): Promise<BundleState> {
  const r = await nextState(current, bytes, { trustedKeys: [signer.publicKey.text], now: Date.now() });
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
}

beforeAll(async () => {
  signer = await generateSigner();
  v1 = await accept(null, await fullBundleV1(signer, 1, ['old.test', 'kept.test']));
  v2 = await accept(v1, await deltaBundle(signer, 1, 2, ['old.test', 'kept.test'], ['kept.test', 'added.test']));
});

describe('adminLists', () => {
  it('is empty without bundle or policy entries', async () => {
    const a = await adminLists(settings(), [], null, null);
    expect(a).toMatchObject({ blocklists: [], allow: null, excluded: [], version: '', rebuild: null, bundle: null });
  });

  it('blocks the policy blockedEntries under the list id "policy"', async () => {
    const a = await adminLists(settings({ blockedEntries: ['evil.test/', 'evil2.test/login.html'] }), [], null, null);
    const set = engineOf(a);
    expect(await verdict(set, 'www.evil.test')).toBe('policy');
    expect((await set.lookup('http://evil2.test/login.html')).verdict).toBe('warn');
    expect((await set.lookup('http://evil2.test/')).verdict).toBe('ok');
    expect(a.lists).toEqual([expect.objectContaining({ id: 'policy', origin: 'admin', count: 2, source: 'policy' })]);
  });

  it('allowedEntries override every list; only whole hosts go to DNR exclusions', async () => {
    const a = await adminLists(settings({ blockedEntries: ['evil.test/'], allowedEntries: ['evil.test/', 'other.test/safe/'] }), [], null, null);
    expect((await engineOf(a).lookup('http://evil.test/x')).verdict).toBe('ok');
    expect(a.excluded).toEqual(['evil.test']);
  });

  it('blocks the names learned to lead to a listed address under their own list, and changes its version with them', async () => {
    const a = await adminLists(settings(), [], null, null, undefined, null, ['named.test/']);
    expect(await verdict(engineOf(a), 'named.test')).toBe('addresses');
    expect(a.lists).toEqual([expect.objectContaining({ id: 'addresses', origin: 'address', count: 1, source: 'user' })]);
    const b = await adminLists(settings(), [], null, null, undefined, null, ['named.test/', 'other.test/']);
    expect(b.version).not.toBe(a.version);
    expect((await adminLists(settings(), [], null, null)).version).toBe('');
  });

  it('changes its version whenever the policy entries change', async () => {
    const v = async (over: Partial<ManagedSettings>) => (await adminLists(settings(over), [], null, null)).version;
    const base = await v({ blockedEntries: ['a.test/'] });
    expect(await v({ blockedEntries: ['b.test/'] })).not.toBe(base);
    expect(await v({ blockedEntries: ['a.test/'], allowedEntries: ['c.test/'] })).not.toBe(base);
    expect(await v({ blockedEntries: ['a.test/'] })).toBe(base);
  });

  it('puts a format-2 state in force from its wire lists, delta removals applied at once', async () => {
    const w1 = await accept(null, await fullBundle(signer, 1, ['old.test', 'kept.test']));
    const w2 = await accept(w1, await deltaBundle(signer, 1, 2, ['old.test', 'kept.test'], ['kept.test', 'added.test']));
    const a = await adminLists(settings(), [], stored(w2), null);
    const set = engineOf(a);
    expect([await verdict(set, 'old.test'), await verdict(set, 'kept.test'), await verdict(set, 'added.test')]).toEqual([null, 'corp', 'corp']);
    // The same version the compact form of this state gives (summary.removals), so switching forms reinstalls no rules.
    expect(a.version).toBe('admin@2+rebuilt');
    expect(a.rebuild).not.toBeNull();
  });

  it('puts a full bundle in force with its provenance', async () => {
    const a = await adminLists(settings(), [], stored(v1), null);
    expect(await verdict(engineOf(a), 'old.test')).toBe('corp');
    expect(a.version).toBe('admin@1');
    expect(a.lists).toEqual([expect.objectContaining({ id: 'corp', count: 2, source: 'admin-bundle' })]);
    expect(a.rebuild).not.toBeNull(); // builds the compact form (admin-compact.test.ts)
  });

  it("carries a lenient import's summary from the signed header to the lists in force (the status shows it)", async () => {
    const list = parseList('! Title: Feed\n||evil.test^\n||x.test^$3p\n##.ad\nco.uk\n', { file: 'feed.txt', origin: 'admin' });
    const created = new Date().toISOString();
    const expires = new Date(Date.now() + 86_400_000).toISOString();
    const bytes = await signBundle(
      {
        header: { kind: 'full', seq: 1, baseSeq: null, created, expires, publisher: 'IT', name: 'feed', lists: [list.meta] },
        lists: [{ entries: list.entries }],
      },
      signer,
    );
    const a = await adminLists(settings(), [], stored(await accept(null, bytes)), null);
    expect(a.lists).toEqual([expect.objectContaining({ id: 'feed', count: 1, source: 'admin-bundle', skipped: list.meta.skipped })]);
    expect(list.meta.skipped?.reasons.map((r) => r.code)).toEqual(['cosmetic', 'public-suffix', 'restricted']);
  });

  it('drops the bundle, with a problem, once its key is no longer trusted', async () => {
    const other = await generateSigner();
    const a = await adminLists(settings({ trustedKeys: [other.publicKey.text] }), [], stored(v1), null);
    expect(a.blocklists).toEqual([]);
    expect(a.problems.join(' ')).toMatch(/no longer trusts/);
  });

  it('applies delta adds at once and keeps removed entries blocking until the rebuild', async () => {
    const a = await adminLists(settings(), [], stored(v2), null);
    const set = engineOf(a);
    expect(await verdict(set, 'added.test')).toBe('corp');
    expect(await verdict(set, 'old.test')).toBe('corp'); // fail-safe until rebuilt
    expect(a.rebuild).not.toBeNull();
    expect(a.lists).toEqual([expect.objectContaining({ id: 'corp', count: 2 })]);
  });

  it('uses the rebuild of the bundle in force, and ignores a stale one', async () => {
    const rebuilt = await rebuildBundle(v2);
    const a = await adminLists(settings(), [], stored(v2), rebuilt);
    const set = engineOf(a);
    expect(await verdict(set, 'old.test')).toBeNull();
    expect(await verdict(set, 'added.test')).toBe('corp');
    expect(await verdict(set, 'kept.test')).toBe('corp');
    expect(a.version).toBe('admin@2+rebuilt');
    const stale = await adminLists(settings(), [], stored(v2), { ...rebuilt, seq: 1 });
    expect(await verdict(engineOf(stale), 'old.test')).toBe('corp');
  });

  it('reports an expired bundle but keeps it in force', async () => {
    const old = { ...v1, expires: '2020-01-01T00:00:00.000Z' };
    const a = await adminLists(settings(), [], stored(old), null);
    expect(await verdict(engineOf(a), 'old.test')).toBe('corp');
    expect(a.problems.join(' ')).toMatch(/expired/);
  });
});

describe('adminLists: the user\'s own entries', () => {
  it('lists them apart from the organisation\'s, with origin "user"', async () => {
    const a = await adminLists(settings({ blockedEntries: ['corp.test/', 'mine.test/'] }), ['mine.test/'], null, null);
    const set = engineOf(a);
    expect(await verdict(set, 'corp.test')).toBe('policy');
    expect(await verdict(set, 'mine.test')).toBe('user');
    expect(a.lists.map((l) => [l.id, l.origin, l.source])).toEqual([
      ['policy', 'admin', 'policy'],
      ['user', 'user', 'user'],
    ]);
  });
});
