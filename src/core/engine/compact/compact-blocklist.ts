// A compiled blocklist in two parts: the resident hot table (hot-table.ts),
// ~4.5-5 bytes an entry, which says "maybe listed", and the cold records
// (records.ts), read only for a candidate to confirm it against the exact
// entry text and report its provenance. Same verdicts as Blocklist: the same
// lookup expressions, in the same order (most specific host, then path, first),
// the same rule that an IP entry matches only that very host, and the same
// de-duplication (an expression listed twice keeps its first listing).
import type { ListMeta, Match, Verdict } from '../../model.ts';
import { sortByFingerprint, type CompileList } from '../compile.ts';
import { sharedLookup, type LookupFingerprints, type LookupInput } from '../expressions.ts';
import { fingerprintInto } from '../fingerprint.ts';
import { verdictFor, type Matcher } from '../verdict.ts';
import { isIpEntry, kindOfExpression } from './kind.ts';
import { bufferSource, ColdRecords, verifyRecords, writeRecords, type ByteSource, type RecordInput } from './records.ts';
import { bucketOf, HotTable, keyOf, tableShape } from './hot-table.ts';

export interface CompactParts {
  /** Resident: the hot table. */
  hot: Uint8Array;
  /** Not resident: entry text and provenance. */
  cold: Uint8Array;
}

interface Flat {
  hi: Uint32Array;
  lo: Uint32Array;
  records: RecordInput[];
}

function flatten(lists: readonly CompileList[]): Flat {
  const total = lists.reduce((n, l) => n + l.entries.length, 0);
  const flat: Flat = { hi: new Uint32Array(total), lo: new Uint32Array(total), records: new Array<RecordInput>(total) };
  let i = 0;
  lists.forEach((list, listIndex) => {
    for (const e of list.entries) {
      // The cold records keep no kind: it is read back from the text, so the two must agree.
      if (kindOfExpression(e.expression) !== e.kind) throw new Error(`${list.meta.id}:${e.line}: kind ${e.kind} does not fit ${e.expression}`);
      if (!Number.isInteger(e.line) || e.line < 0 || e.line > 0xffffffff) throw new Error(`${list.meta.id}: bad line ${e.line}`);
      fingerprintInto(e.expression, flat.hi, flat.lo, i);
      flat.records[i++] = { list: listIndex, line: e.line, expression: e.expression };
    }
  });
  return flat;
}

/** Entry order of the table for q bucket bits: by (bucket, key), stable, so ties keep list then line order. */
function tableOrder(hi: Uint32Array, lo: Uint32Array, order: Uint32Array, q: number): Uint32Array {
  const major = new Uint32Array(order.length);
  const minor = new Uint32Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    major[k] = bucketOf(hi[i]!, q);
    minor[k] = keyOf(hi[i]!, lo[i]!);
  }
  const sorted = sortByFingerprint(major, minor);
  for (let k = 0; k < sorted.length; k++) sorted[k] = order[sorted[k]!]!;
  return sorted;
}

/** Drops repeats of an expression (they share bucket and key), keeping the first. */
function dedupe(order: Uint32Array, flat: Flat, q: number): Uint32Array {
  const kept = new Uint32Array(order.length);
  const same = (a: number, b: number): boolean =>
    bucketOf(flat.hi[a]!, q) === bucketOf(flat.hi[b]!, q) && keyOf(flat.hi[a]!, flat.lo[a]!) === keyOf(flat.hi[b]!, flat.lo[b]!);
  let n = 0;
  let runStart = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (n === 0 || !same(kept[n - 1]!, i)) runStart = n;
    let repeat = false;
    for (let r = runStart; r < n && !repeat; r++) repeat = flat.records[kept[r]!]!.expression === flat.records[i]!.expression;
    if (!repeat) kept[n++] = i;
  }
  return kept.subarray(0, n);
}

const identity = (n: number): Uint32Array => Uint32Array.from({ length: n }, (_, i) => i);

export function buildCompact(lists: readonly CompileList[]): CompactParts {
  const flat = flatten(lists);
  const guess = tableShape(flat.hi.length);
  let order = dedupe(tableOrder(flat.hi, flat.lo, identity(flat.hi.length), guess), flat, guess);
  const q = tableShape(order.length);
  if (q !== guess) order = tableOrder(flat.hi, flat.lo, order, q); // many repeats: fewer buckets
  const hi = new Uint32Array(order.length);
  const lo = new Uint32Array(order.length);
  const records = new Array<RecordInput>(order.length);
  order.forEach((i, k) => {
    hi[k] = flat.hi[i]!;
    lo[k] = flat.lo[i]!;
    records[k] = flat.records[i]!;
  });
  const cold = writeRecords(lists.map((l) => ({ ...l.meta, count: l.entries.length })), records);
  const coldSum = new DataView(cold.buffer, cold.byteOffset).getUint32(32, true);
  return { hot: HotTable.build(hi, lo).serialize(coldSum), cold };
}

export class CompactBlocklist implements Matcher {
  readonly size: number;

  private constructor(
    private readonly table: HotTable,
    private readonly cold: ColdRecords,
  ) {
    this.size = table.size;
  }

  /** Checks the hot table whole and that `cold` is the section it was built with (header only: see verify). */
  static load(hot: Uint8Array, cold: ByteSource): CompactBlocklist {
    const { table, coldSum } = HotTable.read(hot);
    const records = new ColdRecords(cold);
    if (records.sum !== coldSum || records.size !== table.size) throw new Error('compact table: records do not belong to this table');
    return new CompactBlocklist(table, records);
  }

  /**
   * The full check, for parts as received or before they are stored: both
   * checksums, every record readable, and every record's fingerprint equal to
   * its key in the table (so not even a crafted pair can hide an entry).
   */
  static verify(parts: CompactParts): CompactBlocklist {
    verifyRecords(parts.cold);
    const list = CompactBlocklist.load(parts.hot, bufferSource(parts.cold));
    list.checkKeys();
    return list;
  }

  static fromLists(lists: readonly CompileList[]): CompactBlocklist {
    const parts = buildCompact(lists);
    return CompactBlocklist.load(parts.hot, bufferSource(parts.cold));
  }

  private checkKeys(): void {
    const { q, starts, keys } = this.table;
    const hi = new Uint32Array(1);
    const lo = new Uint32Array(1);
    for (let b = 0; b + 1 < starts.length; b++) {
      for (let i = starts[b]!; i < starts[b + 1]!; i++) {
        fingerprintInto(this.cold.record(i).entry, hi, lo, 0);
        if (bucketOf(hi[0]!, q) !== b || keyOf(hi[0]!, lo[0]!) !== keys[i]) throw new Error(`compact table: entry ${i} is not where its fingerprint puts it`);
      }
    }
  }

  get lists(): ListMeta[] {
    return this.cold.lists;
  }

  /** The record index of the most specific entry matching the loaded reading, or -1. */
  probe(l: LookupFingerprints): number {
    return this.find(l)?.index ?? -1;
  }

  matchLoaded(l: LookupFingerprints): Match | null {
    return this.find(l)?.match ?? null;
  }

  /**
   * Per host suffix: one bucket read and a scan of its few keys for the host
   * half; only a listed host (or a false hit, see hot-table.ts) goes on to
   * compare path tags, and only a tag match reads a record.
   */
  private find(l: LookupFingerprints): { index: number; match: Match } | null {
    const { starts, keys } = this.table;
    const shift = 32 - this.table.q;
    for (let h = l.hostCount - 1; h >= 0; h--) {
      const hi = l.hi(h);
      const host = hi & 0xffff;
      const bucket = hi >>> shift;
      let start = starts[bucket]!;
      const end = starts[bucket + 1]!;
      while (start < end && keys[start]! >>> 16 < host) start++;
      let stop = start;
      while (stop < end && keys[stop]! >>> 16 === host) stop++;
      for (let p = l.pathCount - 1; p >= 0 && start < stop; p--) {
        const tag = l.lo(h, p) >>> 16;
        for (let i = start; i < stop; i++) {
          if ((keys[i]! & 0xffff) !== tag) continue;
          const match = this.confirm(i, l, h, p);
          if (match) return { index: i, match };
        }
      }
    }
    return null;
  }

  /** A candidate counts only if its record is exactly the looked-up expression (an IP entry only on that very host). */
  private confirm(i: number, l: LookupFingerprints, h: number, p: number): Match | null {
    const { entry, list, line } = this.cold.record(i);
    if (entry !== l.expression(h, p) || (l.hostStart[h] !== 0 && isIpEntry(entry))) return null;
    return { entry, list, line };
  }

  matchReadings(readings: readonly LookupInput[]): Match | null {
    for (const r of readings) {
      const match = this.matchLoaded(sharedLookup.load(r));
      if (match) return match;
    }
    return null;
  }

  matchUrl(url: string): Verdict {
    return verdictFor(url, this);
  }
}
