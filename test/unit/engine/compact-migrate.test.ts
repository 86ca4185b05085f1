import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Blocklist } from '../../../src/core/engine/blocklist.ts';
import { CompactBlocklist } from '../../../src/core/engine/compact/compact-blocklist.ts';
import { compactFromBinary } from '../../../src/core/engine/compact/migrate.ts';
import { listsArb, readingArb } from './arbitraries.ts';

describe('migration from a version-1 binary', () => {
  it('gives the same verdicts, provenance and list metadata as the binary', () => {
    fc.assert(
      fc.property(listsArb, fc.array(readingArb, { minLength: 1, maxLength: 5 }), (lists, readings) => {
        const binary = Blocklist.compile(lists);
        const old = Blocklist.load(binary);
        const migrated = CompactBlocklist.verify(compactFromBinary(binary));
        expect(migrated.size).toBe(old.size);
        expect(migrated.lists).toEqual(old.lists);
        for (const r of readings) expect(migrated.matchReadings([r])).toEqual(old.matchReadings([r]));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a corrupt binary instead of migrating it', () => {
    const binary = Blocklist.compile(fc.sample(listsArb, { numRuns: 1, seed: 1 })[0]!);
    binary[binary.length - 9]! ^= 1;
    expect(() => compactFromBinary(binary)).toThrow(/^blocklist binary: /);
  });
});
