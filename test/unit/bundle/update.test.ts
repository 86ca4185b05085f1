import { describe, expect, it } from 'vitest';
import { nextState, rebuildLists, stillTrusted, type BundleState } from '../../../src/core/bundle/update.ts';
import { nextCheckMinutes } from '../../../src/core/bundle/schedule.ts';
import { isRemoved } from '../../../src/core/bundle/delta.ts';
import { deltaBundle, fullBundle, fullBundleV1, list, meta, NOW, signers } from './helpers.ts';

const opts = async () => ({ trustedKeys: [(await signers())[0].publicKey.text], now: NOW });

async function accept(current: BundleState | null, bytes: Uint8Array): Promise<BundleState> {
  const r = await nextState(current, bytes, await opts());
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
}

describe('nextState', () => {
  it('takes a full bundle, then a delta on top, then a newer full bundle', async () => {
    const s1 = await accept(null, await fullBundle(1, [list('a', 'evil.com/', 'bad.org/')]));
    expect(s1).toMatchObject({ seq: 1, fullLists: [meta('a', 2)], appliedAt: new Date(NOW).toISOString() });
    // Format 2: the state keeps the wire section only, no binaries or entry tables.
    expect(s1.wire).toBeInstanceOf(Uint8Array);
    expect([s1.compiled, s1.entryTables]).toEqual([[], []]);

    const s2 = await accept(s1, await deltaBundle(2, 1, [meta('a', 1)], { adds: [], removes: [{ list: 'a', expression: 'bad.org/' }] }));
    expect(s2.seq).toBe(2);
    expect(s2.wire).toBe(s1.wire);
    expect(isRemoved(s2.overlay, 'a', 'bad.org/')).toBe(true);
    expect(isRemoved(s1.overlay, 'a', 'bad.org/')).toBe(false);
    expect((await rebuildLists(s2)).map((l) => [l.meta, l.entries.map((e) => e.expression)])).toEqual([[meta('a', 1), ['evil.com/']]]);

    const s3 = await accept(s2, await fullBundle(3, [list('b', 'x.org/')]));
    expect(s3).toMatchObject({ seq: 3, fullLists: [meta('b', 1)] });
    expect(s3.overlay.removed.size).toBe(0);
  });

  it('keeps a format-1 state working: deltas on top, rebuilt lists, then a format-2 full bundle replaces it', async () => {
    const s1 = await accept(null, await fullBundleV1(1, [list('a', 'evil.com/', 'bad.org/')]));
    expect(s1.wire).toBeUndefined();
    expect(new TextDecoder().decode(s1.compiled[0])).toBe('compiled:a');
    const s2 = await accept(s1, await deltaBundle(2, 1, [meta('a', 2)], { adds: [{ list: 'a', expression: 'new.org/', kind: 'domain', line: 3 }], removes: [{ list: 'a', expression: 'bad.org/' }] }));
    expect((await rebuildLists(s2))[0]!.entries.map((e) => e.expression)).toEqual(['evil.com/', 'new.org/']);
    const s3 = await accept(s2, await fullBundle(3, [list('a', 'x.org/')]));
    expect(s3.compiled).toEqual([]);
    expect((await rebuildLists(s3))[0]!.entries.map((e) => e.expression)).toEqual(['x.org/']);
  });

  it('keeps the stored state small: the wire section, about 8 bytes an entry', async () => {
    const expressions = Array.from({ length: 20_000 }, (_, i) => `host${(i * 2654435761) % 1e9}.example/`);
    const s = await accept(null, await fullBundle(1, [list('a', ...expressions)]));
    expect(s.wire!.length / expressions.length).toBeLessThan(8);
  });

  it('tells whether the key behind the state is still trusted', async () => {
    const [trusted, other] = await signers();
    const s1 = await accept(null, await fullBundle(1, [list('a', 'evil.com/')]));
    expect(await stillTrusted(s1, [other.publicKey.text, trusted.publicKey.text])).toBe(true);
    expect(await stillTrusted(s1, [other.publicKey.text])).toBe(false);
  });

  it('refuses what verifyBundle refuses, naming why', async () => {
    const s1 = await accept(null, await fullBundle(5, [list('a', 'evil.com/')]));
    expect(await nextState(s1, await fullBundle(5, [list('a', 'evil.com/')]), await opts())).toMatchObject({ ok: false, error: { code: 'replayed' } });
    const orphan = await deltaBundle(7, 6, [meta('a', 1)], { adds: [], removes: [] });
    expect(await nextState(s1, orphan, await opts())).toMatchObject({ ok: false, error: { code: 'wrong-base' } });
    expect(await nextState(null, orphan, await opts())).toMatchObject({ ok: false, error: { code: 'wrong-base' } });
  });
});

describe('nextCheckMinutes', () => {
  const at = (failures: number, r: number) => nextCheckMinutes(['https://u.example/b'], { intervalMinutes: 60, failures, random: () => r });

  it('never schedules a fetch without an update URL', () => {
    expect(nextCheckMinutes([], { intervalMinutes: 60, failures: 0, random: Math.random })).toBeNull();
  });

  it('checks every interval, jittered by 10%', () => {
    expect(at(0, 0)).toBeCloseTo(54);
    expect(at(0, 0.5)).toBeCloseTo(60);
    expect(at(0, 0.999)).toBeCloseTo(65.99, 1);
  });

  it('backs off exponentially after failures, with jitter, capped at the interval', () => {
    expect([1, 2, 3, 4].map((f) => at(f, 0.999))).toEqual([1, 2, 4, 8].map((m) => expect.closeTo(m, 1)));
    expect(at(1, 0)).toBe(0.5);
    expect(at(10, 0.999)).toBeCloseTo(60, 0);
    expect(at(1000, 0)).toBe(30);
  });
});
