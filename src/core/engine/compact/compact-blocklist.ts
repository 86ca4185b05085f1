// A compiled blocklist in two parts: the resident hot table (hot-table.ts),
// ~5.5 bytes an entry, which says "maybe listed", and the cold records
// (records.ts), read only for a candidate to confirm it against the exact
// entry text and report its provenance. This class reads them synchronously
// (CLI, bench, the DNR rule build); the worker's lookups go through
// two-phase.ts, with the records in IndexedDB. Same verdicts as Blocklist: the same
// lookup expressions, in the same order (most specific host, then path, first),
// the same rule that an IP entry matches only that very host, and the same
// de-duplication (an expression listed twice keeps its first listing).
import type { ListMeta, Match, Verdict } from '../../model.ts';
import { asciiLayout, encodeStrings, writeAscii, type CompileList } from '../compile.ts';
import type { LookupFingerprints, LookupInput } from '../expressions.ts';
import { fingerprintInto } from '../fingerprint.ts';
import { firstMatch, verdictFor, type Matcher } from '../verdict.ts';
import { isIpEntry, kindOfExpression } from './kind.ts';
import { bufferSource, ColdRecords, verifyRecordsSteps, writeRecords, type ByteSource, type RecordColumns } from './records.ts';
import { bucketOf, HotTable, keyOf, tableShape } from './hot-table.ts';
import { dedupe, tableOrder } from './table-order.ts';
import { scanCandidates } from './scan.ts';
import { finish, type Steps } from '../../steps.ts';
import type { WireColumns } from './wire.ts';
import type { DnrEntries } from '../../dnr/rules.ts';

export interface CompactParts {
  /** Resident: the hot table. */
  hot: Uint8Array;
  /** Not resident: entry text and provenance. */
  cold: Uint8Array;
}

/** Entries as columns, in list order. */
interface Flat {
  hi: Uint32Array;
  lo: Uint32Array;
  expressions: string[];
  /** Null for one list (all 0): a 4 MB column less at 1M entries. */
  lists: Uint32Array | null;
  lines: Uint32Array;
}

function flatten(lists: readonly CompileList[]): Flat {
  const total = lists.reduce((n, l) => n + l.entries.length, 0);
  const flat: Flat = { hi: new Uint32Array(total), lo: new Uint32Array(total), expressions: new Array<string>(total), lists: lists.length > 1 ? new Uint32Array(total) : null, lines: new Uint32Array(total) };
  let i = 0;
  lists.forEach((list, listIndex) => {
    for (const e of list.entries) {
      // The cold records keep no kind: it is read back from the text, so the two must agree.
      if (kindOfExpression(e.expression) !== e.kind) throw new Error(`${list.meta.id}:${e.line}: kind ${e.kind} does not fit ${e.expression}`);
      if (!Number.isInteger(e.line) || e.line < 0 || e.line > 0xffffffff) throw new Error(`${list.meta.id}: bad line ${e.line}`);
      fingerprintInto(e.expression, flat.hi, flat.lo, i);
      flat.expressions[i] = e.expression;
      if (flat.lists !== null) flat.lists[i] = listIndex;
      flat.lines[i++] = e.line;
    }
  });
  return flat;
}

/** The record text encoded apart (not all ASCII), with each entry's start. */
function textColumns(expressions: string[], order: Uint32Array): Pick<RecordColumns, 'text' | 'length' | 'starts'> {
  const { strings, offsets } = encodeStrings(expressions, order);
  const starts = new Uint32Array(expressions.length);
  for (let k = 0; k < order.length; k++) starts[order[k]!] = offsets[k]!;
  return { text: strings, length: strings.length, starts };
}

/** `meta` defaults to each list's with `count` its entries (as compile.ts); migration passes the stored one. */
export const buildCompact = (lists: readonly CompileList[], meta?: readonly ListMeta[]): CompactParts => finish(buildCompactSteps(lists, meta));

/** buildCompact in its phases (core/steps.ts), each ~0.1 s at 1M entries: the worker answers between them. */
export function* buildCompactSteps(lists: readonly CompileList[], meta: readonly ListMeta[] = lists.map((l) => ({ ...l.meta, count: l.entries.length }))): Steps<CompactParts> {
  const flat = flatten(lists);
  yield;
  return yield* buildFlatSteps(flat, meta);
}

/** Entries joined and fingerprinted between two pauses of buildCompactFromWireSteps (~30 ms of a worker's time). */
const FLATTEN_SLICE = 131_072;
/** Buckets (~5 entries each) whose keys verifySteps checks between two pauses. */
const CHECK_SLICE = 32_768;

/**
 * The same parts straight from a decoded wire section's columns (the lists a
 * full bundle carries, no delta applied), byte for byte: no entry objects,
 * and no kind to check (the records read it back from the text).
 */
export function* buildCompactFromWireSteps(w: WireColumns, meta: readonly ListMeta[] = w.meta): Steps<CompactParts> {
  const n = w.firsts.length;
  const flat: Flat = { hi: new Uint32Array(n), lo: new Uint32Array(n), expressions: new Array<string>(n), lists: w.meta.length > 1 ? new Uint32Array(n) : null, lines: w.lines };
  for (let li = 0, i = 0; li < w.meta.length; li++) {
    for (let end = i + w.meta[li]!.count; i < end; i++) {
      const expression = w.firsts[i]! + w.dictionary[w.restIndex[i]!]!;
      fingerprintInto(expression, flat.hi, flat.lo, i);
      flat.expressions[i] = expression;
      if (flat.lists !== null) flat.lists[i] = li;
      if (i % FLATTEN_SLICE === FLATTEN_SLICE - 1) yield;
    }
  }
  yield;
  return yield* buildFlatSteps(flat, meta);
}

function* buildFlatSteps(flat: Flat, meta: readonly ListMeta[]): Steps<CompactParts> {
  const guess = tableShape(flat.hi.length);
  let table = dedupe(tableOrder(flat.hi, flat.lo, null, guess), flat.expressions);
  yield;
  const q = tableShape(table.order.length);
  if (q !== guess) table = tableOrder(flat.hi, flat.lo, table.order, q); // many repeats: fewer buckets
  yield;
  const columns = { lists: flat.lists, lines: flat.lines, order: table.order };
  // The text straight into the section when it is ASCII (always, for canonical expressions); else encoded apart.
  const layout = asciiLayout(flat.expressions, table.order);
  const cold =
    writeRecords(meta, { ...columns, ...layout, text: (out, at) => writeAscii(flat.expressions, layout, out, at) }) ??
    writeRecords(meta, { ...columns, ...textColumns(flat.expressions, table.order) })!;
  yield;
  const coldSum = new DataView(cold.buffer, cold.byteOffset).getUint32(32, true);
  return { hot: HotTable.fromBuckets(q, table.starts, table.keys).serialize(coldSum), cold };
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
    return finish(CompactBlocklist.verifySteps(parts));
  }

  /** verify in stages (core/steps.ts) of ~0.1 s at 1M entries. */
  static *verifySteps(parts: CompactParts): Steps<CompactBlocklist> {
    const { expressions } = yield* verifyRecordsSteps(parts.cold);
    yield;
    const list = CompactBlocklist.load(parts.hot, bufferSource(parts.cold));
    list.table.check();
    yield* list.checkKeys(expressions);
    return list;
  }

  static fromLists(lists: readonly CompileList[]): CompactBlocklist {
    const parts = buildCompact(lists);
    return CompactBlocklist.load(parts.hot, bufferSource(parts.cold));
  }

  private *checkKeys(expressions: readonly string[]): Steps<void> {
    const { q, index, keys } = this.table;
    const hi = new Uint32Array(1);
    const lo = new Uint32Array(1);
    for (let b = 0; 3 * b < index.length - 1; b++) {
      if (b % CHECK_SLICE === CHECK_SLICE - 1) yield;
      for (let i = index[3 * b]!; i < index[3 * b + 3]!; i++) {
        fingerprintInto(expressions[i]!, hi, lo, 0);
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

  private find(l: LookupFingerprints): { index: number; match: Match } | null {
    let found: { index: number; match: Match } | null = null;
    scanCandidates(this.table, l, (i, h, p) => {
      const match = this.confirm(i, l, h, p);
      if (match) found = { index: i, match };
      return match !== null;
    });
    return found;
  }

  /** A candidate counts only if its record is exactly the looked-up expression (an IP entry only on that very host). */
  private confirm(i: number, l: LookupFingerprints, h: number, p: number): Match | null {
    const { entry, list, line } = this.cold.record(i);
    if (entry !== l.expression(h, p) || (l.hostStart[h] !== 0 && isIpEntry(entry))) return null;
    return { entry, list, line };
  }

  matchReadings(readings: readonly LookupInput[]): Match | null {
    return firstMatch(this, readings);
  }

  matchUrl(url: string): Verdict {
    return verdictFor(url, this);
  }

  /** As Blocklist.dnrEntries (a DNR HostSource), in table order: one read of the records. */
  dnrEntries(from = 0, to = this.size): DnrEntries {
    const hosts: string[] = [];
    const paths: string[] = [];
    for (const e of this.cold.expressions(from, to)) {
      const kind = kindOfExpression(e);
      if (kind === 'domain' || kind === 'ip') hosts.push(e.slice(0, e.indexOf('/')));
      else paths.push(e); // prefix or exact page
    }
    return { hosts, paths };
  }
}
