// Which of a list's entries repeat an earlier one, found once at the end of
// the parse: each key's 32-bit hash (taken as the entry comes), a stable
// radix sort of the indexes by hash, then a comparison of the keys within
// each run of equal hashes. At a million entries a hash table probed entry by
// entry spent most of its time waiting on a random memory read per key (16 MB
// of slots); the sort's passes read and write in order. The hash is seeded
// per table, so a list cannot be written to pile its entries into one run.

const step = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);

/** Stable LSD radix sort of the indexes of `keys` by value, 11 bits a pass (2048 counters stay in cache). */
function sortByHash(keys: Uint32Array): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(2049);
  for (let shift = 0; shift < 32; shift += 11) {
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[((keys[order[k]!]! >>> shift) & 0x7ff) + 1]!++;
    for (let d = 1; d < counts.length; d++) counts[d]! += counts[d - 1]!;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      next[counts[(keys[i]! >>> shift) & 0x7ff]!++] = i;
    }
    [order, next] = [next, order];
  }
  return order;
}

/** The hashes of keys 0, 1, ... as they are added; repeats() then says which keys came before. */
export class KeyHashes {
  private hashes = new Uint32Array(1024);
  private count = 0;
  private readonly seed = (0x811c9dc5 ^ Math.floor(Math.random() * 0x100000000)) >>> 0;

  /** `hash` is for tests, to force collisions. */
  constructor(private readonly hash: ((key: string) => number) | null = null) {}

  private push(h: number): void {
    if (this.count === this.hashes.length) {
      const more = new Uint32Array(2 * this.count);
      more.set(this.hashes);
      this.hashes = more;
    }
    this.hashes[this.count++] = h >>> 0;
  }

  add(key: string): void {
    if (this.hash !== null) return this.push(this.hash(key));
    let h = this.seed;
    for (let i = 0; i < key.length; i++) h = step(h, key.charCodeAt(i));
    this.push(h);
  }

  /** As add(text.slice(start, end) + '/'), read in place (a bare host's `host/` entry, from the list text). */
  addWithSlash(text: string, start: number, end: number): void {
    if (this.hash !== null) return this.push(this.hash(text.slice(start, end) + '/'));
    let h = this.seed;
    for (let i = start; i < end; i++) h = step(h, text.charCodeAt(i));
    this.push(step(h, 0x2f));
  }

  /** Marks (1) every key equal to an earlier one; null when none repeats. `keyAt(i)`: key i. */
  repeats(keyAt: (i: number) => string): Uint8Array | null {
    const count = this.count;
    const hashes = this.hashes.subarray(0, count);
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
}
