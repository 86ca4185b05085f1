// Which of a list's entries repeat an earlier one, found once at the end of
// the parse: each key's 32-bit hash, a stable radix sort of the indexes by
// hash, then a comparison of the keys within each run of equal hashes. At a
// million entries a hash table probed entry by entry spent most of its time
// waiting on a random memory read per key (16 MB of slots); the sort's passes
// read and write in order. The hash is seeded per call, so a list cannot be
// written to pile its entries into one run.

function fnv1a(key: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Stable LSD radix sort of `order` by `keys[order[k]]`, 8 bits a pass (256 counters stay in cache). */
function sortByHash(keys: Uint32Array): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(257);
  for (let shift = 0; shift < 32; shift += 8) {
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[((keys[order[k]!]! >>> shift) & 0xff) + 1]!++;
    for (let d = 1; d < 257; d++) counts[d]! += counts[d - 1]!;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      next[counts[(keys[i]! >>> shift) & 0xff]!++] = i;
    }
    [order, next] = [next, order];
  }
  return order;
}

/**
 * Marks (1) every index i < count whose key equals the key of an earlier
 * index; null when no key repeats. `keyAt(i)` gives key i; `hash` is for
 * tests, to force collisions.
 */
export function repeats(count: number, keyAt: (i: number) => string, hash?: (key: string) => number): Uint8Array | null {
  const seed = (0x811c9dc5 ^ Math.floor(Math.random() * 0x100000000)) >>> 0;
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) hashes[i] = hash === undefined ? fnv1a(keyAt(i), seed) : hash(keyAt(i));
  const order = sortByHash(hashes);
  let marks: Uint8Array | null = null;
  for (let run = 0; run < count; ) {
    const h = hashes[order[run]!]!;
    let end = run + 1;
    while (end < count && hashes[order[end]!] === h) end++;
    // Indexes ascend within a run (the sort is stable): each is a repeat if an earlier kept one has its key.
    for (let a = run + 1; a < end; a++) {
      const key = keyAt(order[a]!);
      for (let b = run; b < a; b++) {
        if (marks?.[order[b]!] !== 1 && keyAt(order[b]!) === key) {
          (marks ??= new Uint8Array(count))[order[a]!] = 1;
          break;
        }
      }
    }
    run = end;
  }
  return marks;
}
