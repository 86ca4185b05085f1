// The order of the compact table's entries (hot-table.ts): by (bucket, key),
// stable, so ties keep list then line order, each expression once (its first
// listing). The keys and bucket starts come out sorted with the order, so
// neither the de-duplication nor the hot table reads a fingerprint again in
// random order.
import { bucketOf, keyOf } from './hot-table.ts';

/** Entries in table order: `order[k]` the entry index, `keys[k]` its key; bucket b is [starts[b], starts[b + 1]). */
export interface TableOrder {
  order: Uint32Array;
  keys: Uint32Array;
  starts: Uint32Array;
}

/**
 * The entries `order` (all of them when null) for q bucket bits: a counting
 * sort by bucket, then each bucket (4 to 8 entries) by key, one scatter pass
 * where a 64-bit radix sort took four (~3x faster at 1M entries).
 */
export function tableOrder(hi: Uint32Array, lo: Uint32Array, order: Uint32Array | null, q: number): TableOrder {
  const n = order === null ? hi.length : order.length;
  const starts = new Uint32Array((1 << q) + 1);
  for (let k = 0; k < n; k++) starts[bucketOf(hi[order === null ? k : order[k]!]!, q) + 1]!++;
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
  const next = starts.slice(0, -1);
  const sorted = new Uint32Array(n);
  const keys = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const i = order === null ? k : order[k]!;
    const at = next[bucketOf(hi[i]!, q)]!++;
    sorted[at] = i;
    keys[at] = keyOf(hi[i]!, lo[i]!);
  }
  for (let b = 0; b + 1 < starts.length; b++) sortRun(sorted, keys, starts[b]!, starts[b + 1]!);
  return { order: sorted, keys, starts };
}

/** Stable sort of sorted[from, to) by keys[from, to) (kept in step). */
function sortRun(sorted: Uint32Array, keys: Uint32Array, from: number, to: number): void {
  if (to - from > 32) {
    // A bucket this full is rare (or crafted): no quadratic insertion sort. Ties by position: stable.
    const at = Array.from({ length: to - from }, (_, j) => from + j).sort((x, y) => keys[x]! - keys[y]! || x - y);
    const s = at.map((x) => sorted[x]!);
    const k = at.map((x) => keys[x]!);
    sorted.set(s, from);
    keys.set(k, from);
    return;
  }
  for (let a = from + 1; a < to; a++) {
    const key = keys[a]!;
    const i = sorted[a]!;
    let b = a - 1;
    for (; b >= from && keys[b]! > key; b--) {
      keys[b + 1] = keys[b]!;
      sorted[b + 1] = sorted[b]!;
    }
    keys[b + 1] = key;
    sorted[b + 1] = i;
  }
}

/**
 * Drops repeats of an expression, keeping the first: repeats share bucket
 * and key, so they are neighbours, and only entries of one such run are
 * compared as text. In place: `t` is spent (the kept entries never overtake
 * the ones still to read).
 */
export function dedupe(t: TableOrder, expressions: readonly string[]): TableOrder {
  const { order, keys, starts } = t;
  const kept = order;
  const keptKeys = keys;
  const keptStarts = starts;
  let n = 0;
  // starts[b + 1] is read before keptStarts[b + 1] overwrites it (the same array).
  for (let b = 0, from = starts[0]!; b + 1 < starts.length; b++) {
    const to = starts[b + 1]!;
    keptStarts[b] = n;
    let runStart = n;
    for (let k = from; k < to; k++) {
      const i = order[k]!;
      if (n === keptStarts[b] || keptKeys[n - 1] !== keys[k]) runStart = n;
      let repeat = false;
      for (let r = runStart; r < n && !repeat; r++) repeat = expressions[kept[r]!] === expressions[i];
      if (!repeat) {
        kept[n] = i;
        keptKeys[n++] = keys[k]!;
      }
    }
    from = to;
  }
  keptStarts[starts.length - 1] = n;
  return { order: kept.subarray(0, n), keys: keptKeys.subarray(0, n), starts: keptStarts };
}
