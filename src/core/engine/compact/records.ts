// The cold half of the compact engine: entry text and provenance, read only
// when the hot table (hot-table.ts) reports a candidate. The worker keeps it
// outside its heap, in IndexedDB, read through async-records.ts; here it is
// reached through a synchronous ByteSource. Either way nothing of it needs to
// be resident but its 40-byte header and the list metadata. Byte layout, container form "CR" version 1 (framing: container.ts):
//
// | offset       | size     | field                                                   |
// |--------------|----------|---------------------------------------------------------|
// | 16 (field 0) | 4        | N, record count (= the hot table's entry count)         |
// | 20 (field 1) | 4        | L, list count                                           |
// | 24 (field 2) | 4        | M, byte length of the list metadata JSON                |
// | 28 (field 3) | 4        | S, byte length of the text                              |
// | 40           | 12(N+1)  | record heads, u32 triples (start, line, list index):    |
// |              |          |   record i's text is text[start(i), start(i+1)), its    |
// |              |          |   source line `line`, its list `list` (< L); the last   |
// |              |          |   triple is (S, 0, 0)                                   |
// | pad8         | M        | ListMeta[] as UTF-8 JSON                                |
// | pad8         | S        | text: the entries' expressions as UTF-8, in entry order |
//
// Reading record i costs two reads: heads i and i+1 (24 bytes), then its text.
// The checksum covers the whole section, so verifyRecords (run once, when the
// section is received or stored) rejects every flipped byte; a lookup's read
// still checks every bound it relies on, and the text is compared exactly, so
// even a section altered after that check cannot make an unlisted URL warn.
import type { ListMeta, Match } from '../../model.ts';
import { listMetaFromBytes } from '../list-meta.ts';
import { CONTAINER_HEADER, layContainer, magicOf, pad8, readContainer, reseal } from './container.ts';
import { finish, type Steps } from '../../steps.ts';

export const COLD_MAGIC = magicOf('CR');
export const COLD_VERSION = 1;
const WHAT = 'compact records';
const HEAD = 12;

/** Random access to a byte string held elsewhere (a file, an IndexedDB blob, a buffer). */
export interface ByteSource {
  readonly length: number;
  read(offset: number, length: number): Uint8Array;
}

export const bufferSource = (bytes: Uint8Array): ByteSource => ({
  length: bytes.length,
  read: (offset, length) => bytes.subarray(offset, offset + length),
});

/** Records as columns: no object per entry (a million of them cost more in GC than in work). */
export interface RecordColumns {
  /**
   * UTF-8 text of all records, in record order. Or a writer putting those
   * bytes at out[at...] of the section being built (no 16 MB table apart,
   * then copied), false when it cannot (writeRecords then gives null).
   */
  text: Uint8Array | ((out: Uint8Array, at: number) => boolean);
  /** Byte length of the text. */
  length: number;
  /**
   * Record k is entry i = order[k] (order: the identity when absent): its
   * text starts at starts[i] and ends where record k + 1's starts (or at
   * `length`), its source line lines[i], its list lists[i] (0 when null).
   */
  starts: Uint32Array;
  lines: Uint32Array;
  lists: Uint32Array | null;
  order?: Uint32Array;
}

const utf8 = new TextEncoder();
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });
const fail = (reason: string): never => {
  throw new Error(`${WHAT}: ${reason}`);
};

/** The section; null only when a text writer gave up. */
export function writeRecords(meta: readonly ListMeta[], r: RecordColumns): Uint8Array | null {
  const { order, lists, lines, starts, length } = r;
  const n = order === undefined ? lines.length : order.length;
  const metaBytes = utf8.encode(JSON.stringify(meta));
  const { bytes, at } = layContainer(COLD_MAGIC, COLD_VERSION, [n, meta.length, metaBytes.length, length], [HEAD * (n + 1), metaBytes.length, length]);
  // The heads are written in place: at 1M records a 12 MB array built apart was then copied whole.
  const heads = new Uint32Array(bytes.buffer, bytes.byteOffset + at[0]!, 3 * (n + 1));
  for (let k = 0; k < n; k++) {
    const i = order === undefined ? k : order[k]!;
    heads[3 * k] = starts[i]!;
    heads[3 * k + 1] = lines[i]!;
    heads[3 * k + 2] = lists === null ? 0 : lists[i]!;
  }
  heads[3 * n] = length;
  bytes.set(metaBytes, at[1]!);
  if (typeof r.text !== 'function') bytes.set(r.text, at[2]!);
  else if (!r.text(bytes, at[2]!)) return null;
  return reseal(bytes);
}

export interface Layout {
  n: number;
  listCount: number;
  metaAt: number;
  metaBytes: number;
  textAt: number;
  textBytes: number;
  sum: number;
}

export const u32 = (b: Uint8Array, at: number): number => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** The section's layout from its 40-byte header and total length; throws on anything inconsistent. */
export function layoutOf(header: Uint8Array, length: number): Layout {
  if (header.length < CONTAINER_HEADER || !COLD_MAGIC.every((b, i) => header[i] === b)) fail('bad magic');
  if (u32(header, 8) !== COLD_VERSION) fail(`unsupported version ${u32(header, 8)}`);
  if (u32(header, 12) !== length) fail('length mismatch: truncated?');
  const [n, listCount, metaBytes, textBytes] = [16, 20, 24, 28].map((at) => u32(header, at)) as [number, number, number, number];
  const metaAt = CONTAINER_HEADER + pad8(HEAD * (n + 1));
  const textAt = metaAt + pad8(metaBytes);
  if (textAt + pad8(textBytes) !== length || u32(header, 36) !== 0) fail('section sizes do not add up');
  return { n, listCount, metaAt, metaBytes, textAt, textBytes, sum: u32(header, 32) };
}

function checkHead(layout: Layout, i: number, start: number, end: number, listIndex: number): void {
  if (!(start < end && end <= layout.textBytes)) fail(`record ${i} out of range`);
  if (listIndex >= layout.listCount) fail(`record ${i} names a missing list`);
}

// Reading record i, in three steps so a synchronous and an asynchronous
// source (async-records.ts) share every check: where its heads are, where its
// text is (from the heads), and the record (from heads and text).

/** [offset, length] of record i's two heads (its own and the next, which ends its text). */
export function headsSpan(layout: Layout, i: number): [number, number] {
  if (!(i >= 0 && i < layout.n)) fail(`no record ${i}`);
  return [CONTAINER_HEADER + HEAD * i, 2 * HEAD];
}

/** [offset, length] of record i's text, its heads checked against the layout. */
export function textSpan(layout: Layout, i: number, heads: Uint8Array): [number, number] {
  const start = u32(heads, 0);
  const end = u32(heads, HEAD);
  checkHead(layout, i, start, end, u32(heads, 8));
  return [layout.textAt + start, end - start];
}

export function recordOf(lists: readonly ListMeta[], i: number, heads: Uint8Array, text: Uint8Array): Match {
  let entry = '';
  try {
    entry = fatalUtf8.decode(text);
  } catch {
    fail(`record ${i} is not UTF-8`);
  }
  if (entry.indexOf('/') <= 0) fail(`record ${i} is not an expression`);
  return { entry, list: lists[u32(heads, 8)]!.id, line: u32(heads, 4) };
}

/** The cold section behind a ByteSource: header and metadata read once, records on demand. */
export class ColdRecords {
  readonly size: number;
  readonly lists: ListMeta[];
  /** The section's stored checksum, which the hot table names. */
  readonly sum: number;
  readonly layout: Readonly<Layout>;

  constructor(private readonly source: ByteSource) {
    this.layout = layoutOf(source.read(0, CONTAINER_HEADER), source.length);
    const { n, listCount, metaAt, metaBytes } = this.layout;
    this.size = n;
    this.sum = this.layout.sum;
    this.lists = listMetaFromBytes(source.read(metaAt, metaBytes), listCount, fail);
  }

  /** Record i; throws on anything out of bounds, so a bad section is an Error, never a wrong match. */
  record(i: number): Match {
    const heads = this.source.read(...headsSpan(this.layout, i));
    const span = textSpan(this.layout, i, heads);
    return recordOf(this.lists, i, heads, this.source.read(...span));
  }

  /**
   * The expressions of records [from, to), with two reads in all (heads, then
   * their text) and one decode: DNR rules need every entry's host, and record
   * by record that would be two reads each.
   */
  expressions(from: number, to: number): string[] {
    const { n, textAt } = this.layout;
    const end = Math.min(to, n);
    if (!(from >= 0) || from >= end) return [];
    const heads = this.source.read(CONTAINER_HEADER + HEAD * from, HEAD * (end - from + 1));
    const base = u32(heads, 0);
    const stop = u32(heads, HEAD * (end - from));
    if (!(base <= stop && stop <= this.layout.textBytes)) fail(`records ${from}..${end} out of range`);
    const bytes = this.source.read(textAt + base, stop - base);
    let text = '';
    try {
      text = fatalUtf8.decode(bytes);
    } catch {
      fail(`records ${from}..${end} are not UTF-8`);
    }
    if (text.length !== bytes.length) return Array.from({ length: end - from }, (_, k) => this.record(from + k).entry);
    const out = new Array<string>(end - from);
    for (let k = 0; k < end - from; k++) {
      const a = u32(heads, HEAD * k) - base;
      const b = u32(heads, HEAD * (k + 1)) - base;
      if (!(a < b && b <= text.length)) fail(`record ${from + k} out of range`);
      out[k] = text.slice(a, b);
    }
    return out;
  }

  checkHead(i: number, start: number, end: number, listIndex: number): void {
    checkHead(this.layout, i, start, end, listIndex);
  }
}

/**
 * The full check, for a section as received or before it is stored: checksum,
 * heads (starting at 0, increasing, ending at S, lists in range) and every
 * record's text a UTF-8 expression. Returns the section opened and its
 * expressions (decoded in one pass: a million record reads took seconds).
 */
export const verifyRecords = (bytes: Uint8Array): { records: ColdRecords; expressions: string[] } => finish(verifyRecordsSteps(bytes));

/** Records checked between two pauses of verifyRecordsSteps. */
const VERIFY_SLICE = 262_144;

/** verifyRecords in slices (core/steps.ts). */
export function* verifyRecordsSteps(bytes: Uint8Array): Steps<{ records: ColdRecords; expressions: string[] }> {
  const { body } = readContainer(bytes, COLD_MAGIC, COLD_VERSION, WHAT);
  const aligned = new Uint8Array(body.buffer, body.byteOffset - CONTAINER_HEADER, bytes.length);
  const records = new ColdRecords(bufferSource(aligned));
  const n = records.size;
  const heads = new Uint32Array(body.buffer, body.byteOffset, 3 * (n + 1));
  const { textAt, textBytes: s } = records.layout;
  if (heads[0] !== 0 || heads[3 * n] !== s || heads[3 * n + 1] !== 0 || heads[3 * n + 2] !== 0) fail('record heads out of range');
  for (let i = 0; i < n; i++) {
    records.checkHead(i, heads[3 * i]!, heads[3 * i + 3]!, heads[3 * i + 2]!);
    if (i % VERIFY_SLICE === VERIFY_SLICE - 1) yield;
  }
  yield;
  const textBytes = aligned.subarray(textAt, textAt + s);
  let text = '';
  try {
    text = fatalUtf8.decode(textBytes);
  } catch {
    fail('text is not UTF-8');
  }
  const ascii = text.length === textBytes.length;
  const expressions = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const entry = ascii ? text.slice(heads[3 * i]!, heads[3 * i + 3]!) : records.record(i).entry;
    if (entry.indexOf('/') <= 0) fail(`record ${i} is not an expression`);
    expressions[i] = entry;
    if (i % VERIFY_SLICE === VERIFY_SLICE - 1) yield;
  }
  return { records, expressions };
}
