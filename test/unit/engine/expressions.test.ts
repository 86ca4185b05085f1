import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LookupFingerprints, hostSuffixes, lookupExpressions, pathVariants } from '../../../src/core/engine/expressions.ts';
import { fingerprint } from '../../../src/core/engine/fingerprint.ts';
import { readingArb } from './arbitraries.ts';

// The examples of the Safe Browsing v4 "URLs and hashing" document.
const vectors: Array<[string, string | null, string, string[]]> = [
  ['a.b.c', 'param=1', '/1/2.html', ['a.b.c/1/2.html?param=1', 'a.b.c/1/2.html', 'a.b.c/', 'a.b.c/1/', 'b.c/1/2.html?param=1', 'b.c/1/2.html', 'b.c/', 'b.c/1/']],
  ['a.b.c.d.e.f.g', null, '/1.html', ['a.b.c.d.e.f.g/1.html', 'a.b.c.d.e.f.g/', 'c.d.e.f.g/1.html', 'c.d.e.f.g/', 'd.e.f.g/1.html', 'd.e.f.g/', 'e.f.g/1.html', 'e.f.g/', 'f.g/1.html', 'f.g/']],
  ['1.2.3.4', null, '/1/', ['1.2.3.4/1/', '1.2.3.4/']],
];

describe('lookup expressions', () => {
  it.each(vectors)('%s %s %s', (host, query, path, expected) => {
    expect(lookupExpressions({ host, path, query }).sort()).toEqual([...expected].sort());
  });

  it('caps hosts at 5 and paths at 6, most specific first', () => {
    expect(hostSuffixes('a.b.c.d.e.f.g')).toEqual(['a.b.c.d.e.f.g', 'c.d.e.f.g', 'd.e.f.g', 'e.f.g', 'f.g']);
    expect(hostSuffixes('example.com')).toEqual(['example.com']);
    expect(hostSuffixes('[2001:db8::1]')).toEqual(['[2001:db8::1]']);
    expect(pathVariants('/1/2/3/4/5/6.html', 'q')).toEqual(['/1/2/3/4/5/6.html?q', '/1/2/3/4/5/6.html', '/1/2/3/', '/1/2/', '/1/', '/']);
    expect(pathVariants('/', null)).toEqual(['/']);
    expect(pathVariants('/', '')).toEqual(['/?', '/']);
  });

  it('incremental fingerprints equal the fingerprints of the built expressions, in the same order', () => {
    const scratch = new LookupFingerprints();
    fc.assert(
      fc.property(readingArb, (r) => {
        const l = scratch.load(r);
        const slots: string[] = [];
        const fps: Array<[number, number]> = [];
        for (let h = l.hostCount - 1; h >= 0; h--) {
          for (let p = l.pathCount - 1; p >= 0; p--) {
            slots.push(l.expression(h, p));
            fps.push([l.hi(h), l.lo(h, p)]);
          }
        }
        const expected = lookupExpressions(r);
        expect(slots).toEqual(expected);
        expect(fps).toEqual(expected.map(fingerprint));
      }),
      { numRuns: 500 },
    );
  });

  it('fingerprints are 64 bits that differ for near-identical expressions', () => {
    const fps = new Set(['a.com/', 'b.com/', 'a.com/x', 'a.co/m', 'com.a/', 'a.com/?'].map((e) => fingerprint(e).join(':')));
    expect(fps.size).toBe(6);
    expect(() => fingerprint('no-slash')).toThrow(/host\/path/);
  });
});
