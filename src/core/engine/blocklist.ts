// One compiled blocklist, queried in place: typed-array views over the binary
// plus a HostIndex built at load. Every fingerprint hit is verified against the
// stored expression text before it is reported.
import type { ListMeta, Match, Verdict } from '../model.ts';
import { KINDS, LIST_INDEX_BITS, readBinary } from './binary-format.ts';
import type { EntryKind } from '../url/entry.ts';
import { compileLists, type CompileList } from './compile.ts';
import type { LookupFingerprints, LookupInput } from './expressions.ts';
import { HostIndex } from './host-index.ts';
import { firstMatch, verdictFor } from './verdict.ts';
import { listMetaFromBytes } from './list-meta.ts';
import type { DnrEntries } from '../dnr/rules.ts';

const LIST_MASK = (1 << LIST_INDEX_BITS) - 1;
const IP_KIND = KINDS.indexOf('ip');
const DOMAIN_KIND = KINDS.indexOf('domain');
const PATH_KINDS = new Set([KINDS.indexOf('prefix'), KINDS.indexOf('exact')]);
const decoder = new TextDecoder();

function fail(reason: string): never {
  throw new Error(`blocklist binary: ${reason}`);
}

export class Blocklist {
  readonly lists: ListMeta[];
  readonly size: number;
  private readonly fp: Uint32Array;
  private readonly offsets: Uint32Array;
  private readonly lines: Uint32Array;
  private readonly tags: Uint16Array;
  private readonly strings: Uint8Array;
  private readonly index: HostIndex;

  static compile(lists: readonly CompileList[]): Uint8Array {
    return compileLists(lists);
  }

  /** Throws `blocklist binary: ...` on any corrupt, truncated or foreign input. */
  static load(bytes: Uint8Array): Blocklist {
    return new Blocklist(bytes);
  }

  static fromLists(lists: readonly CompileList[]): Blocklist {
    return Blocklist.load(compileLists(lists));
  }

  private constructor(bytes: Uint8Array) {
    const s = readBinary(bytes);
    this.lists = listMetaFromBytes(s.meta, s.listCount, fail);
    this.size = s.tags.length;
    this.fp = s.fingerprints;
    this.offsets = s.stringOffsets;
    this.lines = s.lines;
    this.tags = s.tags;
    this.strings = s.strings;
    this.index = new HostIndex(this.fp, s.filter, s.buckets);
    this.validate(s.listCount);
    if (!this.index.matches(this.size)) fail('index does not match the entries');
  }

  /**
   * Order, offsets and tags (the index checks itself). Corruption is the
   * checksum's job; this makes even a crafted file with a valid checksum
   * unable to crash a lookup or hide an entry from it.
   */
  private validate(listCount: number): void {
    const { fp, offsets, tags, size } = this;
    if (offsets[0] !== 0 || offsets[size] !== this.strings.length) fail('string table offsets out of range');
    let prevHi = 0;
    let prevLo = 0;
    for (let i = 0; i < size; i++) {
      const hi = fp[2 * i]!;
      const lo = fp[2 * i + 1]!;
      if (hi < prevHi || (hi === prevHi && lo < prevLo)) fail('entries not sorted');
      if (offsets[i + 1]! < offsets[i]!) fail('string table offsets not increasing');
      if ((tags[i]! & LIST_MASK) >= listCount) fail('entry refers to a missing list');
      prevHi = hi;
      prevLo = lo;
    }
  }

  /**
   * The index of the most specific entry matching the loaded reading, or -1.
   * Entries are host-major, so each host suffix costs one filter check (and,
   * if listed, one bucket visit); its path variants are then searched within
   * that host's run.
   */
  probe(l: LookupFingerprints): number {
    const fp = this.fp;
    for (let h = l.hostCount - 1; h >= 0; h--) {
      const { start, stop } = this.index.run(l.hi(h));
      if (start === stop) continue;
      for (let p = l.pathCount - 1; p >= 0; p--) {
        const lo = l.lo(h, p);
        for (let i = this.firstLo(start, stop, lo); i < stop && fp[2 * i + 1] === lo; i++) {
          if (this.verify(i, l, h, p)) return i;
        }
      }
    }
    return -1;
  }

  /** First index in [start, stop) whose low half is >= lo (the run is sorted by it). */
  private firstLo(start: number, stop: number, lo: number): number {
    const fp = this.fp;
    while (start < stop) {
      const mid = (start + stop) >>> 1;
      if (fp[2 * mid + 1]! < lo) start = mid + 1;
      else stop = mid;
    }
    return start;
  }

  /**
   * A fingerprint hit counts only if the stored text is exactly the looked-up
   * expression (and an IP entry only on that very host). Hits are rare (listed
   * URLs, or a ~2^-64 collision), so building two short strings here is fine.
   */
  private verify(i: number, l: LookupFingerprints, h: number, p: number): boolean {
    if (this.tags[i]! >>> LIST_INDEX_BITS === IP_KIND && l.hostStart[h] !== 0) return false;
    return this.text(i) === l.expression(h, p);
  }

  private text(i: number): string {
    return decoder.decode(this.strings.subarray(this.offsets[i], this.offsets[i + 1]));
  }

  entryMatch(i: number): Match {
    const list = this.lists[this.tags[i]! & LIST_MASK]!;
    return { entry: this.text(i), list: list.id, line: this.lines[i]! };
  }

  matchLoaded(l: LookupFingerprints): Match | null {
    const i = this.probe(l);
    return i >= 0 ? this.entryMatch(i) : null;
  }

  /** The first reading (in order) that reaches an entry, most specific expression first. */
  matchReadings(readings: readonly LookupInput[]): Match | null {
    return firstMatch(this, readings);
  }

  matchUrl(url: string): Verdict {
    return verdictFor(url, this);
  }

  /**
   * The host of every domain and IP entry (the entries DNR redirect rules
   * cover whole) among entries [from, to), in fingerprint order (unique, as
   * entries are), and the path entries (prefix and exact pages). One decode
   * of that part of the string table, then slices: decoding 1M entries one by
   * one took ~0.4 s in node and several times that in a browser worker.
   */
  dnrEntries(from = 0, to = this.size): DnrEntries {
    const end = Math.min(to, this.size);
    const hosts: string[] = [];
    const paths: string[] = [];
    if (from >= end) return { hosts, paths };
    const base = this.offsets[from]!;
    const bytes = this.strings.subarray(base, this.offsets[end]);
    const all = decoder.decode(bytes);
    const ascii = all.length === bytes.length; // canonical entries are; else byte and char offsets differ
    for (let i = from; i < end; i++) {
      const kind = this.tags[i]! >>> LIST_INDEX_BITS;
      if (kind === DOMAIN_KIND || kind === IP_KIND) {
        const start = this.offsets[i]! - base;
        hosts.push(ascii ? all.slice(start, all.indexOf('/', start)) : this.text(i).split('/', 1)[0]!);
      } else if (PATH_KINDS.has(kind)) paths.push(this.text(i)); // rare: one by one
    }
    return { hosts, paths };
  }
}
