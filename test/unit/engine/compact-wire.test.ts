import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompileList } from '../../../src/core/engine/compile.ts';
import { buildCompact, buildCompactFromWireSteps, CompactBlocklist } from '../../../src/core/engine/compact/compact-blocklist.ts';
import { finish } from '../../../src/core/steps.ts';
import { applyDelta, diffLists } from '../../../src/core/engine/compact/delta.ts';
import { decodeWire, decodeWireSteps, encodeWire, readWireColumns } from '../../../src/core/engine/compact/wire.ts';
import { kindOf, listsArb, meta, readingArb, referenceMatch } from './arbitraries.ts';

const withCounts = (lists: CompileList[]): CompileList[] => lists.map((l) => ({ meta: { ...l.meta, count: l.entries.length }, entries: l.entries }));

describe('compact wire form', () => {
  it('round-trips lists (order, lines, kinds and metadata) and removals', () => {
    const removedArb = fc.array(fc.constantFrom('evil.com/', 'a.b/x/', '[::1]/', '10.0.0.1/'), { maxLength: 3 });
    fc.assert(
      fc.property(listsArb, removedArb, (lists, removed) => {
        const bytes = encodeWire({ lists, removed });
        expect(bytes.length % 8).toBe(0);
        expect(decodeWire(bytes)).toEqual({ lists: withCounts(lists), removed });
      }),
      { numRuns: 300 },
    );
  });

  it('builds the same compact parts, byte for byte, straight from its columns as from the decoded lists', () => {
    fc.assert(
      fc.property(listsArb, (lists) => {
        const bytes = encodeWire({ lists, removed: [] });
        const fromColumns = finish(buildCompactFromWireSteps(readWireColumns(bytes)));
        const fromLists = buildCompact(decodeWire(bytes).lists);
        expect(fromColumns.hot).toEqual(fromLists.hot);
        expect(fromColumns.cold).toEqual(fromLists.cold);
      }),
      { numRuns: 200 },
    );
  });

  it('decodes in slices that end with the same lists as one go (the worker answers between slices)', () => {
    const entries = Array.from({ length: 140_000 }, (_, i) => ({ expression: `h${i}.example/`, kind: 'domain' as const, line: i + 1 }));
    const bytes = encodeWire({ lists: [{ meta: meta('big'), entries }], removed: [] });
    const steps = decodeWireSteps(bytes);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    expect(pauses).toBe(5); // between the four stages of reading the columns, then one a 65,536 entries
    expect(r.value).toEqual(decodeWire(bytes));
    expect(r.value.lists[0]!.entries[139_999]).toEqual(entries[139_999]);
  });

  it('keeps lines in any order and metadata fields', () => {
    const lists: CompileList[] = [
      { meta: { ...meta('x'), court: 'E.D. Va.', docket: '1:19-cv-1582' }, entries: [
        { expression: 'b.evil.com/', kind: 'domain', line: 9 },
        { expression: 'evil.com/login/', kind: 'prefix', line: 2 },
        { expression: 'localhost/a.html', kind: 'exact', line: 0 },
        { expression: 'xn--d.com/?q=1', kind: 'exact', line: 0xffffffff },
      ] },
      { meta: meta('empty'), entries: [] },
    ];
    expect(decodeWire(encodeWire({ lists, removed: [] })).lists).toEqual(withCounts(lists));
  });

  it('refuses what it could not give back', () => {
    const bad = (expression: string) => encodeWire({ lists: [{ meta: meta('x'), entries: [{ expression, kind: kindOf(expression), line: 1 }] }], removed: [] });
    expect(() => bad('/x')).toThrow(/not an expression/);
    expect(() => bad('.evil.com/')).toThrow(/not an expression/);
    expect(() => bad('evil.com/\n')).toThrow(/not an expression/);
  });

  const sample = encodeWire({
    lists: [{ meta: meta('case'), entries: ['evil.com/', 'phish.net/login/', '10.0.0.1/'].map((expression, i) => ({ expression, kind: kindOf(expression), line: i + 1 })) }],
    removed: ['old.evil.com/'],
  });

  it('rejects every flipped bit and every truncation', () => {
    for (let pos = 0; pos < sample.length; pos++) {
      for (let bit = 0; bit < 8; bit++) {
        const bad = sample.slice();
        bad[pos]! ^= 1 << bit;
        expect(() => decodeWire(bad), `byte ${pos} bit ${bit}`).toThrow(/^compact wire: /);
      }
    }
    for (let len = 0; len < sample.length; len++) expect(() => decodeWire(sample.subarray(0, len))).toThrow(/^compact wire: /);
  });

  it('rejects random corruption of random lists', () => {
    fc.assert(
      fc.property(listsArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (lists, pos, mask) => {
        const bad = encodeWire({ lists, removed: [] });
        bad[pos % bad.length]! ^= mask;
        expect(() => decodeWire(bad)).toThrow(/^compact wire: /);
      }),
      { numRuns: 300 },
    );
  });
});

describe('compact deltas', () => {
  it('old lists + the delta give the verdicts of the new lists', () => {
    fc.assert(
      fc.property(listsArb, listsArb, fc.array(readingArb, { minLength: 1, maxLength: 4 }), (before, after, readings) => {
        const delta = decodeWire(encodeWire(diffLists(before, after)));
        const applied = CompactBlocklist.fromLists(applyDelta(before, delta));
        for (const r of readings) {
          // Which entry matches must agree; its line is the new one for added entries, the old one for kept ones.
          expect(applied.matchReadings([r])?.entry).toEqual(referenceMatch(after, [r])?.entry);
        }
      }),
      { numRuns: 300 },
    );
  });
});
