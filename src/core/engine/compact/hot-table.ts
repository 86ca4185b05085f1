// The resident half of the compact engine: a bucketed table of 32-bit keys
// answering "maybe listed" for a lookup fingerprint (fingerprint.ts). Byte
// layout, container form "CH" version 1 (framing: container.ts):
//
// | offset        | size         | field                                               |
// |---------------|--------------|-----------------------------------------------------|
// | 16 (field 0)  | 4            | N, entry count                                      |
// | 20 (field 1)  | 4            | q, bucket bits: tableShape(N), checked on load      |
// | 24 (field 2)  | 4            | checksum of the cold records section it pairs with  |
// | 28 (field 3)  | 4            | reserved, 0                                         |
// | 40            | 4(3 * 2^q + 1) | bucket index, u32 triples per bucket b:          |
// |               |              |   start s[b] (its entries are [s[b], s[b+1])) and   |
// |               |              |   a 64-bit filter (low word, high word) with bits   |
// |               |              |   h & 63 and (h >>> 6) & 63 set for the host half h  |
// |               |              |   of each of its keys; then s[2^q] = N               |
// | pad8          | 4N           | keys, non-decreasing within each bucket             |
//
// For a fingerprint (hi, lo): bucket = hi >>> (32 - q) and
// key = (hi & 0xffff) << 16 | lo >>> 16. The high half of the key depends on the
// host only, so a host's entries are one run of its bucket and a lookup pays
// one read of the bucket index per host suffix: its filter turns away ~95% of
// unlisted hosts (4-8 keys a bucket, 2 bits each of 64); the others scan the
// bucket's keys for the host half, then compare 16-bit path tags in its run.
// Entry i here is record i of the cold section (records.ts), where a candidate
// is confirmed.
//
// Size, stored and resident (loading views the bytes): 4 bytes a key plus 12
// bytes a bucket (2^q is N/8 to N/4), so 5.5-7 bytes an entry (5.5 at 1M).
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

  constructor(
    readonly q: number,
    /** See the layout: per bucket b, index[3b] its first entry, index[3b+1..3b+2] its filter; index[3 * 2^q] = N. */
    readonly index: Uint32Array,
    readonly keys: Uint32Array,
  ) {
    this.size = keys.length;
  }

  /** Whether the filter of the bucket at index offset `at` may hold host half `host`. */
  static mayHold(index: Uint32Array, at: number, host: number): boolean {
    const a = bitA(host);
    const b = bitB(host);
    return ((index[at + 1 + (a >>> 5)]! >>> (a & 31)) & (index[at + 1 + (b >>> 5)]! >>> (b & 31)) & 1) !== 0;
  }

  /**
   * From the keys of entries already ordered by (bucketOf, keyOf), bucket b
   * being keys[starts[b], starts[b + 1]) (table-order.ts); q must be tableShape(N).
   */
  static fromBuckets(q: number, starts: Uint32Array, keys: Uint32Array): HotTable {
    const n = keys.length;
    const buckets = 1 << q;
    if (q !== tableShape(n) || starts.length !== buckets + 1 || starts[buckets] !== n) fail('bad bucket shape');
    const index = new Uint32Array(3 * buckets + 1);
    for (let b = 0; b < buckets; b++) {
      const at = 3 * b;
      index[at] = starts[b]!;
      for (let i = starts[b]!; i < starts[b + 1]!; i++) {
        const host = keys[i]! >>> 16;
        index[at + 1 + (bitA(host) >>> 5)]! |= 1 << (bitA(host) & 31);
        index[at + 1 + (bitB(host) >>> 5)]! |= 1 << (bitB(host) & 31);
      }
    }
    index[3 * buckets] = n;
    return new HotTable(q, index, keys);
  }

  serialize(coldSum: number): Uint8Array {
    return writeContainer(HOT_MAGIC, HOT_VERSION, [this.size, this.q, coldSum, 0], [this.index, this.keys]);
  }

  /**
   * Loading checks what memory safety and termination need: the checksum, the
   * shape, and bucket starts from 0 to N, never decreasing. The rest (keys in
   * order within a bucket, filter bits present, keys equal to the records'
   * fingerprints) only matters against a crafted file with a valid checksum,
   * and is checked by check() once, when the parts are stored. The table views
   * `bytes`, so loading copies nothing.
   */
  static read(bytes: Uint8Array): { table: HotTable; coldSum: number } {
    const { fields, body } = readContainer(bytes, HOT_MAGIC, HOT_VERSION, WHAT);
    const [n, q, coldSum, reserved] = fields;
    if (reserved !== 0 || q !== tableShape(n)) fail('bad header');
    const words = 3 * (1 << q) + 1;
    if (CONTAINER_HEADER + pad8(4 * words) + pad8(4 * n) !== bytes.length) fail('section sizes do not add up');
    const index = new Uint32Array(body.buffer, body.byteOffset, words);
    const keys = new Uint32Array(body.buffer, body.byteOffset + pad8(4 * words), n);
    if (index[0] !== 0 || index[words - 1] !== n) fail('bucket starts out of range');
    for (let at = 3; at < words; at += 3) if (index[at]! < index[at - 3]!) fail('bucket starts decreasing');
    return { table: new HotTable(q, index, keys), coldSum };
  }

  /** The checks read() leaves out: keys ordered within each bucket (a run search stops at the first larger key) and in its filter. */
  check(): void {
    const { index, keys } = this;
    for (let at = 0; at + 3 < index.length; at += 3) {
      for (let i = index[at]!; i < index[at + 3]!; i++) {
        if (i > index[at]! && keys[i]! < keys[i - 1]!) fail('keys out of order');
        if (!HotTable.mayHold(index, at, keys[i]! >>> 16)) fail('filter misses a key');
      }
    }
  }
}
