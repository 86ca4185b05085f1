// Lookup structures over the sorted fingerprints, built by the compiler and
// stored in the binary (so loading builds nothing):
//   - a blocked Bloom filter over the hosts' fingerprint halves (2 bits in one
//     32-bit word, ~8 bits per entry: ~5% false positives), so most host
//     suffixes of an unlisted URL cost one access to a ~1 MB array (at 1M
//     entries) instead of two cache misses into the 8 MB fingerprint table;
//   - a bucket index from the top bits of `hi` to the first entry, so a host
//     that passes the filter is found with one read and a scan of ~2 entries
//     instead of a 20-step binary search.
// The filter word comes from the top bits of `hi` (fingerprints are sorted, so
// building and validating walk it in order), its two bits from the low ones.

const MAX_BITS = 24;

const log2Ceil = (n: number): number => Math.ceil(Math.log2(n + 1));

/** Index geometry for n entries: a pure function of n, so the reader can check the stored sizes. */
export function indexShape(n: number): { filterBits: number; bucketBits: number } {
  return {
    filterBits: Math.min(MAX_BITS - 2, Math.max(1, log2Ceil(n) - 2)),
    bucketBits: Math.min(MAX_BITS, Math.max(1, log2Ceil(n) - 1)),
  };
}

const filterMask = (hi: number): number => (1 << (hi & 31)) | (1 << ((hi >>> 5) & 31));

/** Builds both structures for `n` sorted (hi, lo) pairs. */
export function buildIndex(fp: Uint32Array, n: number): { filter: Uint32Array; buckets: Uint32Array } {
  const { filterBits, bucketBits } = indexShape(n);
  const filter = new Uint32Array(1 << filterBits);
  const buckets = new Uint32Array((1 << bucketBits) + 1);
  let bucket = 0;
  for (let i = 0; i < n; i++) {
    const hi = fp[2 * i]!;
    filter[hi >>> (32 - filterBits)]! |= filterMask(hi);
    for (const b = hi >>> (32 - bucketBits); bucket <= b; bucket++) buckets[bucket] = i;
  }
  buckets.fill(n, bucket);
  return { filter, buckets };
}

export class HostIndex {
  private readonly filterShift: number;
  private readonly shift: number;

  constructor(
    private readonly fp: Uint32Array,
    private readonly filter: Uint32Array,
    private readonly buckets: Uint32Array,
  ) {
    this.filterShift = 32 - Math.log2(filter.length);
    this.shift = 32 - Math.log2(buckets.length - 1);
  }

  /**
   * Whether the stored index is exactly what buildIndex makes of `fp` (every
   * bucket start right, every host's filter bits set). The loader checks it,
   * so even a crafted file cannot hide an entry from lookups.
   */
  matches(n: number): boolean {
    const { fp, filter, buckets, filterShift, shift } = this;
    let bucket = 0;
    for (let i = 0; i < n; i++) {
      const hi = fp[2 * i]!;
      const mask = filterMask(hi);
      if ((filter[hi >>> filterShift]! & mask) !== mask) return false;
      for (const b = hi >>> shift; bucket <= b; bucket++) if (buckets[bucket] !== i) return false;
    }
    for (; bucket < buckets.length; bucket++) if (buckets[bucket] !== n) return false;
    return true;
  }

  /** The run [start, stop) of entries whose high half is `hi`; empty (start === stop) when none. */
  run(hi: number): { start: number; stop: number } {
    const word = this.filter[hi >>> this.filterShift]!;
    if ((((word >>> (hi & 31)) & (word >>> ((hi >>> 5) & 31))) & 1) === 0) return EMPTY;
    const { fp, buckets } = this;
    const bucket = hi >>> this.shift;
    let start = buckets[bucket]!;
    const end = buckets[bucket + 1]!;
    while (start < end && fp[2 * start]! < hi) start++;
    let stop = start;
    while (stop < end && fp[2 * stop] === hi) stop++;
    return stop === start ? EMPTY : { start, stop };
  }
}

const EMPTY = Object.freeze({ start: 0, stop: 0 });
