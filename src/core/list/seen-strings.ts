// The set of entry keys a list has produced so far, for keeping each entry's
// first line. An open-addressing table of FNV-1a hashes and key indexes in
// typed arrays, sized for the list up front: at a million entries V8's Set
// spent about twice as long (rehashing as it grows, and flattening every
// concatenated key to hash it). The hash is seeded per table, so a list
// cannot be written to pile its entries into one run of slots. The keys
// themselves may stay with the caller (keyAt): a second array of a million
// strings cost as much as the table, in growth copies and GC write barriers.

function fnv1a(key: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A power of two at least twice `n`, so the table stays at most half full. */
function capacityFor(n: number): number {
  let size = 1024;
  while (size < 2 * n) size *= 2;
  return size;
}

export class SeenStrings {
  private readonly keys: string[] = [];
  private count = 0;
  /** Index of a key (0, 1, ... in the order added) per slot, -1 when free. */
  private slots: Int32Array;
  private hashes: Uint32Array;
  private readonly seed = (0x811c9dc5 ^ Math.floor(Math.random() * 0x100000000)) >>> 0;

  /**
   * `expected`: how many keys will likely be added (more are fine: the table
   * grows). `keyAt(i)`: the i-th new key, when the caller keeps them; else
   * the table keeps its own copy.
   */
  constructor(
    expected = 0,
    private readonly keyAt: ((i: number) => string) | null = null,
  ) {
    this.slots = new Int32Array(capacityFor(expected)).fill(-1);
    this.hashes = new Uint32Array(this.slots.length);
  }

  get size(): number {
    return this.count;
  }

  /** Adds `key`; true when it was not there before (with keyAt, the caller then stores it as key number size - 1). */
  add(key: string): boolean {
    const h = fnv1a(key, this.seed);
    const mask = this.slots.length - 1;
    let s = h & mask;
    for (let k = this.slots[s]!; k >= 0; k = this.slots[s]!) {
      if (this.hashes[s] === h && (this.keyAt === null ? this.keys[k] : this.keyAt(k)) === key) return false;
      s = (s + 1) & mask;
    }
    this.slots[s] = this.count++;
    this.hashes[s] = h;
    if (this.keyAt === null) this.keys.push(key);
    if (2 * this.count > this.slots.length) this.grow();
    return true;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const hashes = new Uint32Array(slots.length);
    const mask = slots.length - 1;
    for (let s = 0; s < this.slots.length; s++) {
      const k = this.slots[s]!;
      if (k < 0) continue;
      const h = this.hashes[s]!;
      let t = h & mask;
      while (slots[t]! >= 0) t = (t + 1) & mask;
      slots[t] = k;
      hashes[t] = h;
    }
    this.slots = slots;
    this.hashes = hashes;
  }
}
