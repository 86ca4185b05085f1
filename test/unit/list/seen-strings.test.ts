// The entry de-duplication table against a plain Set, and parseList's
// de-duplication against first occurrences found line by line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseList } from '../../../src/core/list/parse-list.ts';
import { SeenStrings } from '../../../src/core/list/seen-strings.ts';

const RUNS = Number(process.env.FC_RUNS ?? 1000);

describe('SeenStrings', () => {
  it('says "new" exactly when a Set would, through growth, from any expected size', () => {
    // A small alphabet makes repeats and shared hash slots common.
    const key = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', '.', '/', 'é'), maxLength: 4 }), fc.string());
    fc.assert(
      fc.property(fc.array(key, { maxLength: 3000 }), fc.nat(5000), (keys, expected) => {
        const seen = new SeenStrings(expected);
        // The caller keeping the keys, as ListCollector does.
        const kept: string[] = [];
        const indexed = new SeenStrings(expected, (i) => kept[i]!);
        const set = new Set<string>();
        for (const k of keys) {
          const isNew = !set.has(k);
          set.add(k);
          expect(seen.add(k)).toBe(isNew);
          expect(indexed.add(k)).toBe(isNew);
          if (isNew) kept.push(k);
        }
        expect(seen.size).toBe(set.size);
        expect(indexed.size).toBe(set.size);
      }),
      { numRuns: RUNS / 10 },
    );
  });
  it('grows past its initial table', () => {
    const seen = new SeenStrings(0);
    for (let i = 0; i < 5000; i++) expect(seen.add(`h${i}.example`)).toBe(true);
    for (let i = 0; i < 5000; i++) expect(seen.add(`h${i}.example`)).toBe(false);
    expect(seen.size).toBe(5000);
  });
});

describe('parseList de-duplication', () => {
  const host = fc.constantFrom('a.com', 'b.a.com', 'c.net', '1.2.3.4', 'A.COM', 'a.com.');
  const line = fc.oneof(host, host.map((h) => `${h}/`), host.map((h) => `http://${h}/`), host.map((h) => `${h}/x`), host.map((h) => `0.0.0.0 ${h} c.net`));
  it('keeps each expression once, on the first line that lists it', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const firstLine = new Map<string, number>();
        lines.forEach((text, i) => {
          for (const e of parseList(text, { file: 'one.txt' }).entries) if (!firstLine.has(e.expression)) firstLine.set(e.expression, i + 1);
        });
        const got = parseList(lines.join('\n'), { file: 'all.txt' }).entries.map((e) => [e.expression, e.line]);
        expect(got).toEqual([...firstLine]);
      }),
      { numRuns: RUNS },
    );
  });
});
