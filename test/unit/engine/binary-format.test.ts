import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Blocklist } from '../../../src/core/engine/blocklist.ts';
import { HEADER_BYTES, isBlocklistBinary, readBinary, seal } from '../../../src/core/engine/binary-format.ts';
import { listsArb, meta, readingArb } from './arbitraries.ts';

const small = Blocklist.compile([
  { meta: { ...meta('case'), court: 'E.D. Va.', date: '2019-12-18' }, entries: [
    { expression: 'evil.com/', kind: 'domain', line: 3 },
    { expression: 'phish.net/login/', kind: 'prefix', line: 4 },
    { expression: '10.0.0.1/', kind: 'ip', line: 5 },
  ] },
]);

describe('compiled binary', () => {
  it('round-trips: same verdicts after load, same bytes on recompiling', () => {
    fc.assert(
      fc.property(listsArb, fc.array(readingArb, { maxLength: 5 }), (lists, readings) => {
        const bytes = Blocklist.compile(lists);
        expect(isBlocklistBinary(bytes)).toBe(true);
        expect(bytes.length % 8).toBe(0);
        expect(Blocklist.compile(structuredClone(lists))).toEqual(bytes);
        const loaded = Blocklist.load(bytes);
        const fresh = Blocklist.fromLists(lists);
        for (const r of readings) expect(loaded.matchReadings([r])).toEqual(fresh.matchReadings([r]));
        expect(loaded.lists.map((l) => l.id)).toEqual(lists.map((l) => l.meta.id));
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same bytes whatever the metadata key order', () => {
    const a = Blocklist.compile([{ meta: { id: 'x', title: 't', origin: 'court', count: 0, court: 'c' }, entries: [] }]);
    const b = Blocklist.compile([{ meta: { court: 'c', count: 5, origin: 'court', title: 't', id: 'x' }, entries: [] }]);
    expect(a).toEqual(b);
  });

  it('keeps list metadata', () => {
    expect(Blocklist.load(small).lists).toEqual([{ ...meta('case'), court: 'E.D. Va.', date: '2019-12-18', count: 3 }]);
  });

  it('loads from an unaligned view', () => {
    const shifted = new Uint8Array(small.length + 3);
    shifted.set(small, 3);
    const bl = Blocklist.load(shifted.subarray(3));
    expect(bl.matchReadings([{ host: 'a.evil.com', path: '/', query: null }])?.line).toBe(3);
  });

  it('rejects every single flipped bit and every truncation of a small binary', () => {
    for (let pos = 0; pos < small.length; pos++) {
      for (let bit = 0; bit < 8; bit++) {
        const bad = small.slice();
        bad[pos]! ^= 1 << bit;
        expect(() => Blocklist.load(bad), `byte ${pos} bit ${bit}`).toThrow(/^blocklist binary: /);
      }
    }
    for (let len = 0; len < small.length; len++) {
      expect(() => Blocklist.load(small.subarray(0, len)), `length ${len}`).toThrow(/^blocklist binary: /);
    }
  });

  it('rejects any flipped byte or truncation of random binaries (property)', () => {
    fc.assert(
      fc.property(listsArb, fc.nat(), fc.integer({ min: 1, max: 255 }), fc.nat(), (lists, pos, mask, cut) => {
        const bytes = Blocklist.compile(lists);
        const bad = bytes.slice();
        bad[pos % bytes.length]! ^= mask;
        expect(() => Blocklist.load(bad)).toThrow(/^blocklist binary: /);
        expect(() => Blocklist.load(bytes.subarray(0, cut % bytes.length))).toThrow(/^blocklist binary: /);
        const longer = new Uint8Array(bytes.length + 8);
        longer.set(bytes);
        expect(() => Blocklist.load(longer)).toThrow(/length mismatch/);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a forged file with a valid checksum but broken structure', () => {
    const forge = (edit: (s: ReturnType<typeof readBinary>) => void): Uint8Array => {
      const bytes = small.slice();
      edit(readBinary(bytes));
      return seal(bytes);
    };
    expect(() => Blocklist.load(forge(() => {}))).not.toThrow();
    // Entry 1 gets entry 0's host half and a smaller low half: same bucket, wrong order.
    expect(() => Blocklist.load(forge((s) => s.fingerprints.set([s.fingerprints[0]!, 0], 2)))).toThrow('blocklist binary: entries not sorted');
    expect(() => Blocklist.load(forge((s) => s.filter.fill(0)))).toThrow('blocklist binary: index does not match the entries');
    expect(() => Blocklist.load(forge((s) => s.buckets.fill(0)))).toThrow('blocklist binary: index does not match the entries');
    expect(() => Blocklist.load(forge((s) => s.buckets.fill(3, 0, -1)))).toThrow(/index does not match/);
    expect(() => Blocklist.load(forge((s) => s.stringOffsets.set([s.stringOffsets[2]! + 1], 1)))).toThrow(/offsets not increasing/);
    expect(() => Blocklist.load(forge((s) => s.stringOffsets.set([9999], 3)))).toThrow(/offsets out of range/);
    expect(() => Blocklist.load(forge((s) => s.tags.set([7], 0)))).toThrow(/missing list/);
    expect(() => Blocklist.load(forge((s) => s.meta.fill(0x20)))).toThrow(/metadata is not JSON/);
  });

  it('verifies a fingerprint hit against the stored text (a collision cannot warn)', () => {
    const bytes = Blocklist.compile([{ meta: meta('m'), entries: [{ expression: 'evil.com/', kind: 'domain', line: 1 }] }]);
    const at = (bl: Blocklist, host: string) => bl.matchReadings([{ host, path: '/', query: null }]);
    expect(at(Blocklist.load(bytes), 'evil.com')).not.toBeNull();
    const forged = bytes.slice();
    const s = readBinary(forged);
    s.strings.set(new TextEncoder().encode('evil.org/'));
    const bl = Blocklist.load(seal(forged));
    expect(at(bl, 'evil.com')).toBeNull(); // fingerprint matches, text does not
    expect(at(bl, 'evil.org')).toBeNull(); // text matches, fingerprint does not
  });

  it('names the problem', () => {
    expect(() => Blocklist.load(new TextEncoder().encode('evil.com\n'.repeat(10)))).toThrow('blocklist binary: bad magic (not a compiled blocklist)');
    expect(() => Blocklist.load(small.subarray(0, HEADER_BYTES - 1))).toThrow(/truncated/);
    const badSum = small.slice();
    badSum[small.length - 1]! ^= 0xff;
    expect(() => Blocklist.load(badSum)).toThrow('blocklist binary: checksum mismatch');
    const future = small.slice();
    future[8] = 2;
    expect(() => Blocklist.load(future)).toThrow(/unsupported format version 2/);
  });
});
