import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Blocklist } from '../../../src/core/engine/blocklist.ts';
import type { CompileList } from '../../../src/core/engine/compile.ts';
import type { HostSource } from '../../../src/core/dnr/rules.ts';
import { buildCompact, buildCompactSteps, CompactBlocklist } from '../../../src/core/engine/compact/compact-blocklist.ts';
import { reseal } from '../../../src/core/engine/compact/container.ts';
import { bufferSource, verifyRecords } from '../../../src/core/engine/compact/records.ts';
import { bucketOf, keyOf, tableShape } from '../../../src/core/engine/compact/hot-table.ts';
import { fingerprint } from '../../../src/core/engine/fingerprint.ts';
import { kindOf, listsArb, meta, readingArb, referenceMatch } from './arbitraries.ts';

function list(id: string, expressions: string[]): CompileList {
  return { meta: meta(id), entries: expressions.map((expression, i) => ({ expression, kind: kindOf(expression), line: i + 2 })) };
}

const urlArb = fc
  .tuple(fc.constantFrom('http://', 'https://'), readingArb, fc.constantFrom('', '#frag'))
  .map(([scheme, r, hash]) => `${scheme}${r.host}${r.path}${r.query === null ? '' : `?${r.query}`}${hash}`);

describe('CompactBlocklist', () => {
  it('is built in phases with pauses between them, to the same bytes as in one go', () => {
    const lists: CompileList[] = [{ meta: meta('a'), entries: ['x.test/', 'y.test/login/', 'x.test/'].map((expression, i) => ({ expression, kind: kindOf(expression), line: i + 1 })) }];
    const steps = buildCompactSteps(lists);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(r.value).toEqual(buildCompact(lists));
  });

  it('gives the verdicts of the naive reference and of Blocklist on random lists and readings', () => {
    fc.assert(
      fc.property(listsArb, fc.array(readingArb, { minLength: 1, maxLength: 3 }), (lists, readings) => {
        const compact = CompactBlocklist.fromLists(lists);
        expect(compact.matchReadings(readings)).toEqual(referenceMatch(lists, readings));
        expect(compact.matchReadings(readings)).toEqual(Blocklist.fromLists(lists).matchReadings(readings));
      }),
      { numRuns: 400 },
    );
  });

  it('matchUrl equals Blocklist.matchUrl on random URLs', () => {
    fc.assert(
      fc.property(listsArb, fc.array(urlArb, { minLength: 1, maxLength: 4 }), (lists, urls) => {
        const compact = CompactBlocklist.fromLists(lists);
        const reference = Blocklist.fromLists(lists);
        for (const url of urls) expect(compact.matchUrl(url)).toEqual(reference.matchUrl(url));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips through its two stored parts (and the full check accepts them)', () => {
    fc.assert(
      fc.property(listsArb, fc.array(readingArb, { maxLength: 5 }), (lists, readings) => {
        const parts = buildCompact(lists);
        expect(buildCompact(structuredClone(lists))).toEqual(parts);
        const verified = CompactBlocklist.verify({ hot: parts.hot.slice(), cold: parts.cold.slice() });
        expect(verified.lists.map((l) => l.id)).toEqual(lists.map((l) => l.meta.id));
        expect(verified.size).toBe(Blocklist.fromLists(lists).size);
        for (const r of readings) expect(verified.matchReadings([r])).toEqual(referenceMatch(lists, [r]));
      }),
      { numRuns: 150 },
    );
  });

  it('orders records by (bucket, key), ties in list then line order, first listing kept, even in crowded buckets', () => {
    /** The order as specified, by a plain stable sort. */
    function expected(lists: readonly CompileList[]): Array<[string, string, number]> {
      const all = lists.flatMap((l) => l.entries.map((e) => ({ e, list: l.meta.id })));
      const firsts = all.filter((x, i) => all.findIndex((y) => y.e.expression === x.e.expression) === i);
      const q = tableShape(firsts.length);
      const at = (x: (typeof firsts)[number]): [number, number] => {
        const [hi, lo] = fingerprint(x.e.expression);
        return [bucketOf(hi, q), keyOf(hi, lo)];
      };
      return firsts
        .map((x) => ({ x, k: at(x) }))
        .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1])
        .map(({ x }) => [x.e.expression, x.list, x.e.line]);
    }
    const got = (lists: readonly CompileList[]): Array<[string, string, number]> => {
      const { records, expressions } = verifyRecords(buildCompact(lists).cold);
      return expressions.map((e, i) => [e, records.record(i).list, records.record(i).line]);
    };
    fc.assert(
      fc.property(listsArb, fc.integer({ min: 1, max: 40 }), (lists, copies) => {
        // Copies of a list share buckets and keys: crowded buckets (> 32 entries) take the other sort.
        const many = Array.from({ length: copies }, (_, c) => lists.map((l) => ({ ...l, meta: meta(`${l.meta.id}-${c}`) }))).flat();
        expect(got(many)).toEqual(expected(many));
      }),
      { numRuns: 60 },
    );
    // 210 entries, 132 distinct: the same bucket bits before and after the repeats go, so the crowded sort is the final one.
    const crowded = [list('u', Array.from({ length: 130 }, (_, i) => `u${i}.com/`)), ...Array.from({ length: 40 }, (_, c) => list(`l${c}`, ['evil.com/', 'evil.com/x/']))];
    expect(tableShape(132)).toBe(tableShape(210));
    expect(got(crowded)).toEqual(expected(crowded));
    // Not ASCII (no canonical expression is, but the text is UTF-8): the text is encoded apart, same order.
    const unicode = [list('u', ['bücher.example/', 'evil.com/', 'a.com/ü/', 'evil.com/']), list('v', ['a.com/ü/', 'x.com/'])];
    expect(got(unicode)).toEqual(expected(unicode));
    expect(CompactBlocklist.fromLists(unicode).matchReadings([{ host: 'a.com', path: '/ü/', query: null }])).toEqual({ entry: 'a.com/ü/', list: 'u', line: 4 });
  });

  it('keeps an IP entry to its own host and the first listing of a repeated expression', () => {
    const c = CompactBlocklist.fromLists([list('a', ['10.0.0.1/', 'evil.com/']), list('b', ['evil.com/', 'evil.com/x/'])]);
    expect(c.matchUrl('http://10.0.0.1/p').match).toEqual({ entry: '10.0.0.1/', list: 'a', line: 2 });
    expect(c.matchUrl('http://x.10.0.0.1/').match).toBeNull();
    expect(c.matchUrl('http://evil.com/').match).toEqual({ entry: 'evil.com/', list: 'a', line: 3 });
    expect(c.matchUrl('http://w.evil.com/x/y').match).toEqual({ entry: 'evil.com/x/', list: 'b', line: 3 });
    expect(c.size).toBe(3);
  });

  it('reads no record for an unlisted URL, and one per candidate', () => {
    const parts = buildCompact([list('a', ['evil.com/', 'phish.net/login/'])]);
    const reads: number[] = [];
    const source = bufferSource(parts.cold);
    const counted = { length: source.length, read: (at: number, n: number) => (reads.push(at), source.read(at, n)) };
    const c = CompactBlocklist.load(parts.hot, counted);
    const opened = reads.length;
    expect(c.matchUrl('https://good.example/login/').verdict).toBe('ok');
    expect(reads.length).toBe(opened);
    expect(c.matchUrl('https://a.evil.com/').verdict).toBe('warn');
    expect(reads.length).toBe(opened + 2); // its offsets, then the record
  });

  it('never warns on a candidate whose record is another entry, and the full check refuses such a pair', () => {
    const evil = buildCompact([list('a', ['evil.com/'])]);
    const good = buildCompact([list('a', ['good.com/'])]);
    // A forged pair: evil's table naming good's records (checksum fixed up).
    const hot = evil.hot.slice();
    new DataView(hot.buffer).setUint32(24, new DataView(good.cold.buffer).getUint32(32, true), true);
    reseal(hot);
    const forged = CompactBlocklist.load(hot, bufferSource(good.cold));
    expect(forged.matchUrl('http://evil.com/').verdict).toBe('ok');
    expect(forged.matchUrl('http://good.com/').verdict).toBe('ok');
    expect(() => CompactBlocklist.verify({ hot, cold: good.cold })).toThrow(/not where its fingerprint puts it/);
  });

  it('the full check refuses a crafted table with a valid checksum that would hide entries', () => {
    const parts = buildCompact([list('a', ['evil.com/', 'phish.net/', 'bad.org/', 'worse.io/', 'x.y/'])]);
    const words = new Uint32Array(parts.hot.buffer, 40, 3 * 2 + 1); // q = 1 for 5 entries
    const noFilter = parts.hot.slice();
    const w = new Uint32Array(noFilter.buffer, 40, 7);
    for (let b = 0; b < 2; b++) w[3 * b + 1] = w[3 * b + 2] = 0;
    reseal(noFilter);
    expect(CompactBlocklist.load(noFilter, bufferSource(parts.cold)).matchUrl('http://evil.com/').verdict).toBe('ok');
    expect(() => CompactBlocklist.verify({ hot: noFilter, cold: parts.cold })).toThrow(/filter misses a key/);
    const bucket = words[3]! > 1 ? 0 : 1; // a bucket with two keys or more
    const swapped = parts.hot.slice();
    const keys = new Uint32Array(swapped.buffer, 40 + 32, 5);
    const first = new Uint32Array(swapped.buffer, 40, 7)[3 * bucket]!;
    [keys[first], keys[first + 1]] = [keys[first + 1]!, keys[first]!];
    reseal(swapped);
    expect(() => CompactBlocklist.verify({ hot: swapped, cold: parts.cold })).toThrow(/keys out of order|not where its fingerprint/);
  });

  it('gives DNR the hosts and path entries Blocklist gives, in slices', () => {
    fc.assert(
      fc.property(listsArb, fc.integer({ min: 1, max: 7 }), (lists, slice) => {
        const compact: HostSource = CompactBlocklist.fromLists(lists);
        const reference = Blocklist.fromLists(lists);
        const sliced = (f: (from: number, to: number) => string[]) => Array.from({ length: Math.ceil(compact.size / slice) }, (_, k) => f(k * slice, (k + 1) * slice)).flat();
        const whole = reference.dnrEntries();
        expect(sliced((a, b) => compact.dnrEntries(a, b).hosts).sort()).toEqual(whole.hosts.sort());
        expect(sliced((a, b) => compact.dnrEntries(a, b).paths).sort()).toEqual(whole.paths.sort());
        expect(compact.dnrEntries(0, compact.size).hosts.sort()).toEqual(whole.hosts.sort());
      }),
      { numRuns: 200 },
    );
  });

  it('rejects records of another table', () => {
    const a = buildCompact([list('a', ['evil.com/'])]);
    const b = buildCompact([list('a', ['evil.net/'])]);
    expect(() => CompactBlocklist.load(a.hot, bufferSource(b.cold))).toThrow(/do not belong/);
  });

  it('refuses an entry whose kind does not fit its text', () => {
    expect(() => buildCompact([{ meta: meta('a'), entries: [{ expression: 'evil.com/x', kind: 'prefix', line: 1 }] }])).toThrow(/kind prefix/);
  });
});

describe('CompactBlocklist corruption', () => {
  const parts = buildCompact([list('case', ['evil.com/', 'phish.net/login/', '10.0.0.1/', 'a.b.c/x.html?q=1'])]);

  it('rejects every flipped bit and every truncation of the hot table', () => {
    const cold = bufferSource(parts.cold);
    for (let pos = 0; pos < parts.hot.length; pos++) {
      for (let bit = 0; bit < 8; bit++) {
        const bad = parts.hot.slice();
        bad[pos]! ^= 1 << bit;
        expect(() => CompactBlocklist.load(bad, cold), `byte ${pos} bit ${bit}`).toThrow(/^compact table: /);
      }
    }
    for (let len = 0; len < parts.hot.length; len++) expect(() => CompactBlocklist.load(parts.hot.subarray(0, len), cold)).toThrow(/^compact table: /);
  });

  it('rejects every flipped bit and every truncation of the records (full check)', () => {
    for (let pos = 0; pos < parts.cold.length; pos++) {
      for (let bit = 0; bit < 8; bit++) {
        const bad = parts.cold.slice();
        bad[pos]! ^= 1 << bit;
        expect(() => CompactBlocklist.verify({ hot: parts.hot, cold: bad }), `byte ${pos} bit ${bit}`).toThrow(/^compact (records|table): /);
      }
    }
    for (let len = 0; len < parts.cold.length; len++) {
      expect(() => CompactBlocklist.verify({ hot: parts.hot, cold: parts.cold.subarray(0, len) })).toThrow(/^compact (records|table): /);
    }
  });

  it('a record section changed after its check: every flipped byte is an error or no warning for an unlisted URL', () => {
    fc.assert(
      fc.property(fc.nat(parts.cold.length - 1), fc.integer({ min: 1, max: 255 }), urlArb, (pos, mask, url) => {
        const bad = parts.cold.slice();
        bad[pos]! ^= mask;
        let verdict;
        try {
          verdict = CompactBlocklist.load(parts.hot, bufferSource(bad)).matchUrl(url);
        } catch (e) {
          expect(String(e)).toMatch(/compact (records|table): /);
          return;
        }
        const honest = CompactBlocklist.verify(parts).matchUrl(url);
        if (honest.verdict !== 'warn') expect(verdict.verdict).not.toBe('warn');
      }),
      { numRuns: 500 },
    );
  });

  it('rejects random multi-byte corruption of random tables', () => {
    fc.assert(
      fc.property(listsArb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }), fc.boolean(), (lists, flips, inHot) => {
        const p = buildCompact(lists);
        const target = (inHot ? p.hot : p.cold).slice();
        for (const [pos, mask] of flips) target[pos % target.length]! ^= mask;
        const bad = inHot ? { hot: target, cold: p.cold } : { hot: p.hot, cold: target };
        const changed = flips.some(([pos]) => target[pos % target.length] !== (inHot ? p.hot : p.cold)[pos % target.length]);
        if (changed) expect(() => CompactBlocklist.verify(bad)).toThrow(/^compact (records|table): /);
      }),
      { numRuns: 200 },
    );
  });
});
