import { describe, expect, it } from 'vitest';
import { applyDelta, diffLists, emptyOverlay, isRemoved, materialize, overlayAdds, type EntryList } from '../../../src/core/bundle/delta.ts';
import { bundleEntries, verifyBundle } from '../../../src/core/bundle/verify.ts';
import type { VerifiedBundle } from '../../../src/core/bundle/types.ts';
import { deltaBundle, fullBundle, list, NOW, signers } from './helpers.ts';

async function verified(bytes: Uint8Array, currentSeq: number | null): Promise<VerifiedBundle> {
  const res = await verifyBundle(bytes, { trustedKeys: [(await signers())[0].publicKey.text], currentSeq, now: NOW });
  if (!res.ok) throw new Error(res.error.message);
  return res.bundle;
}

/** Comparable form: per list id, its meta and sorted `kind expression` (lines are provenance, see diffLists). */
const normal = (lists: EntryList[]) =>
  Object.fromEntries(lists.map((l) => [l.meta.id, { meta: l.meta, entries: l.entries.map((e) => `${e.kind} ${e.expression}`).sort() }]));

async function entriesOf(bytes: Uint8Array): Promise<EntryList[]> {
  const b = await verified(bytes, null);
  return Promise.all(b.header.lists.map(async (meta, i) => ({ meta, entries: await bundleEntries(b, i) })));
}

/** Signs diff(prev, next) as a delta on top of `baseSeq`. */
async function signedDiff(prev: EntryList[], next: EntryList[], seq: number, baseSeq: number): Promise<VerifiedBundle> {
  const bytes = await deltaBundle(seq, baseSeq, next.map((l) => l.meta), diffLists(prev, next));
  return verified(bytes, baseSeq);
}

const v1 = [list('a', 'evil.com/', 'bad.org/', 'gone.net/'), list('b', '10.0.0.1/'), list('dropped', 'x.com/')];
const v2 = [list('a', 'evil.com/', 'gone.net/', 'new.com/login'), list('b', '10.0.0.1/', '10.0.0.2/'), list('c', 'fresh.org/')];
const v3 = [list('a', 'bad.org/', 'new.com/login'), list('c', 'fresh.org/', 'fresh2.org/')];

describe('deltas', () => {
  it('diff records only what changed', () => {
    const d = diffLists(v1, v2);
    expect(d.removes).toEqual([{ list: 'a', expression: 'bad.org/' }]);
    expect(d.adds.map((a) => `${a.list}:${a.expression}:${a.line}`)).toEqual(['a:new.com/login:3', 'b:10.0.0.2/:2', 'c:fresh.org/:1']);
  });

  it('keeps the line of a new entry and ignores entries that only moved', () => {
    const moved = [list('a', 'top.com/', 'evil.com/', 'bad.org/', 'gone.net/')];
    expect(diffLists(v1.slice(0, 1), moved)).toEqual({ adds: [{ list: 'a', expression: 'top.com/', kind: 'domain', line: 1 }], removes: [] });
  });

  it('applying a delta to the base equals the new full bundle', async () => {
    const base = await entriesOf(await fullBundle(1, v1));
    const overlay = applyDelta(emptyOverlay(1, v1.map((l) => l.meta)), await signedDiff(v1, v2, 2, 1));
    expect(overlay.seq).toBe(2);
    expect(normal(materialize(base, overlay))).toEqual(normal(await entriesOf(await fullBundle(2, v2))));
  });

  it('a chain of deltas equals the last full bundle', async () => {
    const o1 = applyDelta(emptyOverlay(1, v1.map((l) => l.meta)), await signedDiff(v1, v2, 2, 1));
    const o2 = applyDelta(o1, await signedDiff(v2, v3, 3, 2));
    expect(normal(materialize(v1, o2))).toEqual(normal(v3));
    // bad.org/ was removed then added back: live again, not removed
    expect(isRemoved(o2, 'a', 'bad.org/')).toBe(false);
    expect(isRemoved(o2, 'a', 'evil.com/')).toBe(true);
    expect(isRemoved(o2, 'b', '10.0.0.1/')).toBe(true); // list b dropped
    expect(overlayAdds(o2).map((l) => l.meta.id)).toEqual(['a', 'c']);
  });

  it('leaves the overlay it was given untouched and refuses a delta for another base', async () => {
    const o0 = emptyOverlay(1, v1.map((l) => l.meta));
    const d = await signedDiff(v1, v2, 2, 1);
    applyDelta(o0, d);
    expect(o0.added.size + o0.removed.size).toBe(0);
    expect(() => applyDelta(emptyOverlay(7, []), d)).toThrow(/applied to 7/);
  });
});
