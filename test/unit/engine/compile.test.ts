import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Blocklist } from '../../../src/core/engine/blocklist.ts';
import { encodeStrings, sortByFingerprint, type CompileEntry } from '../../../src/core/engine/compile.ts';
import { meta } from './arbitraries.ts';

const compileOne = (entries: CompileEntry[]) => Blocklist.compile([{ meta: meta('l'), entries }]);

describe('compile', () => {
  it('sorts by (hi, lo) and is stable', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), fc.nat(3))), (pairs) => {
        const order = [...sortByFingerprint(Uint32Array.from(pairs, (p) => p[0] * 0x40000000), Uint32Array.from(pairs, (p) => p[1]))];
        const expected = pairs.map((_, i) => i).sort((a, b) => pairs[a]![0] - pairs[b]![0] || pairs[a]![1] - pairs[b]![1] || a - b);
        expect(order).toEqual(expected);
      }),
    );
  });

  it('lays out the string table in the given order, ASCII or not', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', '/', '.', 'é', '€', '😀') }), { minLength: 1, maxLength: 20 }).chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs.map((_, i) => i), { minLength: xs.length }))), ([xs, order]) => {
        const { strings, offsets } = encodeStrings(xs, Uint32Array.from(order));
        const utf8 = new TextDecoder();
        expect(order.map((_, k) => utf8.decode(strings.subarray(offsets[k], offsets[k + 1])))).toEqual(order.map((i) => xs[i]));
        expect(offsets[order.length]).toBe(strings.length);
      }),
    );
  });

  it('refuses entries it cannot store', () => {
    expect(() => compileOne([{ expression: 'no-path', kind: 'domain', line: 1 }])).toThrow(/host\/path/);
    expect(() => compileOne([{ expression: 'a.com/', kind: 'weird' as CompileEntry['kind'], line: 1 }])).toThrow(/l:1: unknown entry kind/);
    expect(() => compileOne([{ expression: 'a.com/', kind: 'domain', line: -1 }])).toThrow(/bad line/);
    expect(() => compileOne([{ expression: 'a.com/x\ny', kind: 'exact', line: 1 }])).toThrow(/line break/);
  });

  it('stores non-ASCII expressions as UTF-8 and reads them back', () => {
    const bl = Blocklist.load(compileOne([{ expression: 'a.com/é', kind: 'exact', line: 2 }, { expression: 'b.com/', kind: 'domain', line: 3 }]));
    expect(bl.matchReadings([{ host: 'a.com', path: '/é', query: null }])).toEqual({ entry: 'a.com/é', list: 'l', line: 2 });
    expect(bl.matchReadings([{ host: 'x.b.com', path: '/', query: null }])?.line).toBe(3);
  });
});
