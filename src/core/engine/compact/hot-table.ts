// The resident half of the compact engine: a bucketed table of 32-bit keys
// answering "maybe listed" for a lookup fingerprint (fingerprint.ts). Byte
// layout, container form "CH" version 1 (framing: container.ts):
//
// | offset        | size         | field                                               |
// |---------------|--------------|-----------------------------------------------------|
// | 16 (field 0)  | 4            | N, entry count                                      |
// | 20 (field 1)  | 4            | q, bucket bits: tableShape(N), checked on load       |
// | 24 (field 2)  | 4            | checksum of the cold records section it pairs with  |
// | 28 (field 3)  | 4            | reserved, 0                                         |
// | 40            | 4(2^q + 1)   | bucket starts: entries of bucket b are [s[b], s[b+1]) |
// | 40+4(2^q+1)   | 4N           | keys, non-decreasing within each bucket             |
//
// For a fingerprint (hi, lo): bucket = hi >>> (32 - q) and
// key = (hi & 0xffff) << 16 | lo >>> 16. The high half of the key depends on the
// host only, so a host's entries are one run of its bucket and a lookup pays
// one bucket read per host suffix (about 2^-3 of N per bucket: 4-8 keys), then
// compares 16-bit path tags within the run. Entry i here is record i of the
// cold section (records.ts), where a candidate is confirmed.
//
// Size stored: 4 bytes a key plus 4 * 2^q / N = 0.5-1 byte a bucket start.
// Resident: that plus the index derived at load (HotTable.index), 12 bytes a
// bucket: 6-8 bytes an entry (6 at 1M: 4 + 0.5 + 1.5).
//
// False hits ("maybe" for an unlisted expression): an unrelated entry matches a
// lookup expression when its bucket, host half and path tag all agree:
// probability N / 2^(min(32, q + 16) + 16) per expression, 3.6e-9 at 1M
// entries (q = 17), so <= 1.1e-7 for a URL's <= 30 expressions; an entry of the
// same host with another path shares its tag with probability 2^-16. Every
// candidate is confirmed against the exact entry text before a warning, so a
// false hit costs one record read, never a false warning.
import { CONTAINER_HEADER, magicOf, pad8, readContainer, writeContainer } from './container.ts';

export const HOT_MAGIC = magicOf('CH');
export const HOT_VERSION = 1;
const MAX_BUCKET_BITS = 24;
const WHAT = 'compact table';

function fail(reason: string): never {
  throw new Error(`${WHAT}: ${reason}`);
}

/** Bucket bits for n entries: a pure function of n, so a reader can check the stored value. */
export function tableShape(n: number): number {
  return Math.min(MAX_BUCKET_BITS, Math.max(1, Math.ceil(Math.log2(n + 1)) - 3));
}

export const keyOf = (hi: number, lo: number): number => (((hi & 0xffff) << 16) | (lo >>> 16)) >>> 0;
export const bucketOf = (hi: number, q: number): number => hi >>> (32 - q);

/** The two filter bits (of 64) of a host half. */
const bitA = (host: number): number => host & 63;
const bitB = (host: number): number => (host >>> 6) & 63;

export class HotTable {
  readonly size: number;
  /**
   * Derived at load, never stored: per bucket b, index[3b] is its first entry
   * and index[3b+1], index[3b+2] a 64-bit filter with two bits set for each of
   * its host halves; index[3 * 2^q] = N. A host suffix that is not listed
   * (the common case) then costs one read of this ~1.5-byte-an-entry array:
   * about 5% of them (8 keys a bucket) pass the filter and go on to the keys.
   */
  readonly index: Uint32Array;

  /**
   * `starts` and `keys` as stored. Checks what a lookup relies on in the same
   * pass that builds the index (loading is one checksum pass plus this one):
   * bucket starts from 0 to N and never decreasing, and keys ordered within a
   * bucket, since a run search stops at the first larger key and disorder
   * could hide an entry.
   */
  constructor(
    readonly q: number,
    starts: Uint32Array,
    readonly keys: Uint32Array,
  ) {
    this.size = keys.length;
    const buckets = 1 << q;
    if (starts[0] !== 0 || starts[buckets] !== keys.length) fail('bucket starts out of range');
    const index = new Uint32Array(3 * buckets + 1);
    for (let b = 0; b < buckets; b++) {
      const at = 3 * b;
      const start = starts[b]!;
      const stop = starts[b + 1]!;
      if (stop < start) fail('bucket starts decreasing');
      index[at] = start;
      for (let i = start; i < stop; i++) {
        if (i > start && keys[i]! < keys[i - 1]!) fail('keys out of order');
        const host = keys[i]! >>> 16;
        index[at + 1 + (bitA(host) >>> 5)]! |= 1 << (bitA(host) & 31);
        index[at + 1 + (bitB(host) >>> 5)]! |= 1 << (bitB(host) & 31);
      }
    }
    index[3 * buckets] = keys.length;
    this.index = index;
  }

  /** Whether the filter of `bucket` (index offset 3 * bucket) may hold host half `host`. */
  static mayHold(index: Uint32Array, at: number, host: number): boolean {
    const a = bitA(host);
    const b = bitB(host);
    return ((index[at + 1 + (a >>> 5)]! >>> (a & 31)) & (index[at + 1 + (b >>> 5)]! >>> (b & 31)) & 1) !== 0;
  }

  /** From the fingerprints of entries already ordered by (bucketOf, keyOf). */
  static build(hi: Uint32Array, lo: Uint32Array): HotTable {
    const n = hi.length;
    const q = tableShape(n);
    const starts = new Uint32Array((1 << q) + 1);
    const keys = new Uint32Array(n);
    let bucket = 0;
    for (let i = 0; i < n; i++) {
      keys[i] = keyOf(hi[i]!, lo[i]!);
      for (const b = bucketOf(hi[i]!, q); bucket <= b; bucket++) starts[bucket] = i;
    }
    starts.fill(n, bucket);
    return new HotTable(q, starts, keys);
  }

  serialize(coldSum: number): Uint8Array {
    const starts = new Uint32Array((1 << this.q) + 1);
    for (let b = 0; b < starts.length; b++) starts[b] = this.index[3 * b]!;
    return writeContainer(HOT_MAGIC, HOT_VERSION, [this.size, this.q, coldSum, 0], [starts, this.keys]);
  }

  /** Checksum and shape here, the rest in the constructor. The keys stay a view over `bytes`. */
  static read(bytes: Uint8Array): { table: HotTable; coldSum: number } {
    const { fields, body } = readContainer(bytes, HOT_MAGIC, HOT_VERSION, WHAT);
    const [n, q, coldSum, reserved] = fields;
    if (reserved !== 0 || q !== tableShape(n)) fail('bad header');
    const bucketCount = (1 << q) + 1;
    if (CONTAINER_HEADER + pad8(4 * bucketCount) + pad8(4 * n) !== bytes.length) fail('section sizes do not add up');
    const starts = new Uint32Array(body.buffer, body.byteOffset, bucketCount);
    const keys = new Uint32Array(body.buffer, body.byteOffset + pad8(4 * bucketCount), n);
    return { table: new HotTable(q, starts, keys), coldSum };
  }
}
