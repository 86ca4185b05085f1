import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Blocklist } from '../../../src/core/engine/blocklist.ts';
import { BlocklistSet } from '../../../src/core/engine/blocklist-set.ts';
import type { CompileList } from '../../../src/core/engine/compile.ts';
import { EngineSet, type Tier } from '../../../src/core/engine/engine-set.ts';
import { buildCompact } from '../../../src/core/engine/compact/compact-blocklist.ts';
import type { AsyncByteSource } from '../../../src/core/engine/compact/async-records.ts';
import { TwoPhaseBlocklist } from '../../../src/core/engine/compact/two-phase.ts';
import { kindOf, listsArb, meta, readingArb } from './arbitraries.ts';

/** An in-memory async source that counts its reads (the worker's is an IndexedDB Blob). */
function memorySource(bytes: Uint8Array): AsyncByteSource & { reads: number } {
  const source = {
    reads: 0,
    length: bytes.length,
    read: async (offset: number, length: number) => {
      source.reads++;
      await Promise.resolve();
      return bytes.slice(offset, offset + length);
    },
  };
  return source;
}

async function twoPhase(lists: readonly CompileList[]): Promise<{ tier: TwoPhaseBlocklist; source: ReturnType<typeof memorySource> }> {
  const parts = buildCompact(lists);
  const source = memorySource(parts.cold);
  return { tier: await TwoPhaseBlocklist.open(parts.hot, source), source };
}

function list(id: string, expressions: string[]): CompileList {
  return { meta: meta(id), entries: expressions.map((expression, i) => ({ expression, kind: kindOf(expression), line: i + 1 })) };
}

const urlArb = fc
  .tuple(fc.constantFrom('http://', 'https://'), readingArb, fc.constantFrom('', '#frag', '\\@b.c/'))
  .map(([scheme, r, tail]) => `${scheme}${r.host}${r.path}${r.query === null ? '' : `?${r.query}`}${tail}`);

describe('EngineSet', () => {
  it('gives the verdicts of a BlocklistSet of the same lists, whichever tiers are two-phase', async () => {
    await fc.assert(
      fc.asyncProperty(listsArb, fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), fc.option(listsArb, { nil: null }), fc.array(urlArb, { minLength: 1, maxLength: 5 }), async (lists, compactTiers, allowLists, urls) => {
        // One tier per list, so the priority order between tiers is exercised.
        const tiers: Tier[] = await Promise.all(lists.map(async (l, i) => (compactTiers[i] ? (await twoPhase([l])).tier : Blocklist.fromLists([l]))));
        const allow = allowLists ? Blocklist.fromLists(allowLists) : null;
        const reference = new BlocklistSet(lists.map((l) => Blocklist.fromLists([l])), allow);
        const engine = new EngineSet(tiers, allow);
        for (const url of urls) {
          const expected = reference.lookup(url);
          expect(await engine.lookup(url), url).toEqual(expected);
          const now = engine.lookupNow(url);
          if (now) expect(now, url).toEqual(expected);
        }
        // Concurrent lookups: each confirms its own candidates, whatever the others loaded meanwhile.
        expect(await Promise.all(urls.map((u) => engine.lookup(u)))).toEqual(urls.map((u) => reference.lookup(u)));
      }),
      { numRuns: 300 },
    );
  });

  it('answers an unlisted URL without reading a record, and reads only for a candidate', async () => {
    const { tier, source } = await twoPhase([list('big', ['evil.com/', 'bad.org/login/', '10.0.0.1/'])]);
    const engine = new EngineSet([Blocklist.fromLists([list('court', ['court.net/'])]), tier]);
    const opened = source.reads;
    expect(engine.lookupNow('https://example.com/a')).toMatchObject({ verdict: 'ok', match: null });
    expect(engine.lookupNow('https://court.net/')).toMatchObject({ verdict: 'warn', match: { list: 'court' } });
    expect(source.reads).toBe(opened);
    expect(engine.lookupNow('https://www.evil.com/')).toBeNull();
    expect(await engine.lookup('https://www.evil.com/')).toMatchObject({ verdict: 'warn', match: { entry: 'evil.com/', list: 'big', line: 1 } });
    expect(source.reads).toBe(opened + 2); // the record's heads, then its text
  });

  it('confirms against the exact text: a candidate whose record differs is no match', async () => {
    const { tier } = await twoPhase([list('big', ['evil.com/', '10.0.0.1/'])]);
    for (const index of [0, 1]) expect(await tier.confirm({ index, expression: 'not-the-entry.com/', onSuffix: false })).toBeNull();
    const ip = (await Promise.all([0, 1].map((i) => tier.confirm({ index: i, expression: '10.0.0.1/', onSuffix: true })))).filter(Boolean);
    expect(ip).toEqual([]); // an IP entry matches only that very host
    const exact = (await Promise.all([0, 1].map((i) => tier.confirm({ index: i, expression: '10.0.0.1/', onSuffix: false })))).filter(Boolean);
    expect(exact).toEqual([{ entry: '10.0.0.1/', list: 'big', line: 2 }]);
  });

  it('gives the DNR side the same hosts and path entries as a Blocklist', async () => {
    const l = list('big', ['evil.com/', 'bad.org/login/', '10.0.0.1/', 'x.org/page.html']);
    const { tier } = await twoPhase([l]);
    const [source] = await new EngineSet([tier]).hostSources();
    const blocklist = Blocklist.fromLists([l]);
    const [got, want] = [source!.dnrEntries(0, source!.size), blocklist.dnrEntries()];
    expect(got.hosts.sort()).toEqual(want.hosts.sort());
    expect(got.paths.sort()).toEqual(want.paths.sort());
  });

  it('refuses a cold section that is not the hot table\'s, and rejects a lookup whose record is out of reach', async () => {
    const a = buildCompact([list('a', ['evil.com/'])]);
    const b = buildCompact([list('b', ['good.com/'])]);
    await expect(TwoPhaseBlocklist.open(a.hot, memorySource(b.cold))).rejects.toThrow(/do not belong/);
    const truncated = memorySource(a.cold.subarray(0, a.cold.length - 8));
    await expect(TwoPhaseBlocklist.open(a.hot, truncated)).rejects.toThrow(/compact records/);
  });
});
