// The entry de-duplication against a plain Set, and parseList's
// de-duplication against first occurrences found line by line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseList } from '../../../src/core/list/parse-list.ts';
import { KeyHashes } from '../../../src/core/list/first-occurrences.ts';

/** The repeat marks of `keys`, each added whole or (when it ends in `/`) read in place from a text, as the parser does. */
function repeats(keys: readonly string[], hash?: (key: string) => number): Uint8Array | null {
  const h = new KeyHashes(hash ?? null);
  for (const k of keys) {
    if (k.endsWith('/') && k.length % 2 === 0) h.addWithSlash(`x${k}y`, 1, k.length);
    else h.add(k);
  }
  return h.repeats((i) => keys[i]!);
}

const RUNS = Number(process.env.FC_RUNS ?? 1000);

describe('repeats', () => {
  it('marks exactly the keys a Set has seen before', () => {
    // A small alphabet makes repeats common.
    const key = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', '.', '/', 'é'), maxLength: 4 }), fc.string());
    fc.assert(
      fc.property(fc.array(key, { maxLength: 3000 }), (keys) => {
        const set = new Set<string>();
        const expected = keys.map((k) => (set.has(k) ? 1 : (set.add(k), 0)));
        const marks = repeats(keys);
        expect(marks === null ? keys.map(() => 0) : [...marks]).toEqual(expected);
        expect(marks === null).toBe(set.size === keys.length);
        // Distinct keys sharing a hash (forced here): compared, not confused.
        const colliding = repeats(keys, (k) => k.length % 3);
        expect(colliding === null ? keys.map(() => 0) : [...colliding]).toEqual(expected);
      }),
      { numRuns: RUNS / 10 },
    );
  });
  it('handles long runs of one key and many distinct keys', () => {
    const keys = [...Array.from({ length: 5000 }, (_, i) => `h${i}.example`), ...Array.from({ length: 5000 }, () => 'same'), ...Array.from({ length: 5000 }, (_, i) => `h${i}.example`)];
    const marks = repeats(keys)!;
    expect(marks.reduce((n, m) => n + m, 0)).toBe(4999 + 5000);
    expect(marks[5000]).toBe(0);
    expect(marks[5001]).toBe(1);
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
