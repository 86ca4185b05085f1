// Compiled blocklist binary, format version 1. Little-endian; every section
// starts on an 8-byte boundary (zero padding) so typed arrays can view the one
// ArrayBuffer directly: loading allocates nothing per entry.
//
// | offset | size       | field                                                         |
// |--------|------------|---------------------------------------------------------------|
// | 0      | 8          | magic 89 54 47 42 4C 0D 0A 1A ("\x89TGBL\r\n\x1a")            |
// | 8      | 4          | format version (1)                                            |
// | 12     | 4          | total byte length of the file                                 |
// | 16     | 4          | N, entry count                                                |
// | 20     | 4          | L, list count                                                 |
// | 24     | 4          | M, byte length of the list metadata JSON                      |
// | 28     | 4          | S, byte length of the string table                            |
// | 32     | 4          | checksum (below)                                              |
// | 36     | 4          | reserved, 0                                                   |
// | 40     | 8N         | fingerprints: (hi, lo) u32 pairs, sorted by hi then lo        |
// |        | 4(N+1) pad | string offsets: entry i's text is strings[off[i], off[i+1])   |
// |        | 4N pad     | 1-based source line of each entry                             |
// |        | 2N pad     | tag: kind << 14 | list index (kinds: domain, prefix, exact, ip)|
// |        | M pad      | ListMeta[] as UTF-8 JSON (keys sorted)                        |
// |        | S pad      | string table: the expressions' UTF-8 text, in entry order     |
// |        | 4F         | host filter words, F = 2^filterBits (host-index.ts)           |
// |        | 4(B+1) pad | bucket index: first entry of each bucket, B = 2^bucketBits    |
// filterBits and bucketBits are functions of N (indexShape), so no header field.
//
// Checksum: FNV-1a-style over the whole file as u32 words (4 interleaved
// lanes, XORed), with the checksum word read as 0. Each step
// `h = (h ^ w) * odd` is a bijection of h and XOR is a bijection of each lane,
// so ANY change confined to one word (every single flipped byte) changes the
// result;
// other corruptions go unnoticed with probability ~2^-32, and the loader also
// checks every length, the sort order, every offset and the index, so a
// corrupt file is an Error, never a wrong answer.

import type { EntryKind } from '../url/entry.ts';
import { indexShape } from './host-index.ts';

export const MAGIC = Uint8Array.of(0x89, 0x54, 0x47, 0x42, 0x4c, 0x0d, 0x0a, 0x1a);
export const FORMAT_VERSION = 1;
export const HEADER_BYTES = 40;
const CHECKSUM_WORD = 8;

/** Stored as a 2-bit index into this table. */
export const KINDS: readonly EntryKind[] = ['domain', 'prefix', 'exact', 'ip'];
export const LIST_INDEX_BITS = 14;
export const MAX_LISTS = 1 << LIST_INDEX_BITS;

/** The decoded sections, all views over one 8-byte-aligned buffer. */
export interface Sections {
  fingerprints: Uint32Array;
  stringOffsets: Uint32Array;
  lines: Uint32Array;
  tags: Uint16Array;
  meta: Uint8Array;
  strings: Uint8Array;
  filter: Uint32Array;
  buckets: Uint32Array;
}

const pad8 = (n: number): number => (n + 7) & ~7;

function sectionSizes(n: number, metaBytes: number, stringBytes: number): number[] {
  const { filterBits, bucketBits } = indexShape(n);
  return [8 * n, 4 * (n + 1), 4 * n, 2 * n, metaBytes, stringBytes, 4 << filterBits, 4 * ((1 << bucketBits) + 1)].map(pad8);
}

export function isBlocklistBinary(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b);
}

function fail(reason: string): never {
  throw new Error(`blocklist binary: ${reason}`);
}

function assertLittleEndian(): void {
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) fail('big-endian platforms are not supported');
}

/** Four interleaved FNV-1a lanes over u32 words (latency-bound, so 4 lanes run ~4x faster than 1). */
export function checksum(words: Uint32Array): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  let c = 0x9e3779b9;
  let d = 0x85ebca6b;
  const n = words.length;
  const skip = CHECKSUM_WORD;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    a = Math.imul(a ^ (i === skip ? 0 : words[i]!), 0x01000193);
    b = Math.imul(b ^ words[i + 1]!, 0x01000193);
    c = Math.imul(c ^ words[i + 2]!, 0x01000193);
    d = Math.imul(d ^ words[i + 3]!, 0x01000193);
  }
  for (; i < n; i++) a = Math.imul(a ^ (i === skip ? 0 : words[i]!), 0x01000193);
  return (a ^ b ^ c ^ d) >>> 0;
}

/** Lays the sections out after a header and seals the file with its checksum. */
export function writeBinary(s: Sections, listCount: number): Uint8Array {
  assertLittleEndian();
  const n = s.tags.length;
  const sizes = sectionSizes(n, s.meta.length, s.strings.length);
  const total = HEADER_BYTES + sizes.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(total);
  out.set(MAGIC, 0);
  const header = new DataView(out.buffer);
  [FORMAT_VERSION, total, n, listCount, s.meta.length, s.strings.length].forEach((v, i) =>
    header.setUint32(8 + 4 * i, v, true),
  );
  const parts = [s.fingerprints, s.stringOffsets, s.lines, s.tags, s.meta, s.strings, s.filter, s.buckets];
  let at = HEADER_BYTES;
  parts.forEach((part, i) => {
    out.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at);
    at += sizes[i]!;
  });
  return seal(out);
}

/** Writes the checksum of an 8-byte-aligned binary into its header (also used by tests to forge valid files). */
export function seal(bytes: Uint8Array): Uint8Array {
  const sum = checksum(new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4));
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(CHECKSUM_WORD * 4, sum, true);
  return bytes;
}

/** Checks header, lengths and checksum, and returns views over the sections (without copying when aligned). */
export function readBinary(input: Uint8Array): Sections & { listCount: number } {
  assertLittleEndian();
  if (input.length < HEADER_BYTES) fail(`truncated (${input.length} bytes, header needs ${HEADER_BYTES})`);
  if (!isBlocklistBinary(input)) fail('bad magic (not a compiled blocklist)');
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const word = (i: number): number => header.getUint32(8 + 4 * i, true);
  const [version, total, n, listCount, metaBytes, stringBytes, sum, reserved] = [0, 1, 2, 3, 4, 5, 6, 7].map(word);
  if (version !== FORMAT_VERSION) fail(`unsupported format version ${version} (expected ${FORMAT_VERSION})`);
  if (total !== bytes.length) fail(`length mismatch (header says ${total} bytes, got ${bytes.length}): truncated?`);
  const sizes = sectionSizes(n!, metaBytes!, stringBytes!);
  if (HEADER_BYTES + sizes.reduce((a, b) => a + b, 0) !== total || total % 8 !== 0) fail('section sizes do not add up');
  if (reserved !== 0 || listCount! > MAX_LISTS) fail('bad header');
  if (checksum(new Uint32Array(bytes.buffer, bytes.byteOffset, total / 4)) !== sum) fail('checksum mismatch');
  const shape = indexShape(n!);
  const starts = sizes.reduce<number[]>((acc, size) => [...acc, acc[acc.length - 1]! + size], [bytes.byteOffset + HEADER_BYTES]);
  const at = (i: number): number => starts[i]!;
  return {
    fingerprints: new Uint32Array(bytes.buffer, at(0), 2 * n!),
    stringOffsets: new Uint32Array(bytes.buffer, at(1), n! + 1),
    lines: new Uint32Array(bytes.buffer, at(2), n!),
    tags: new Uint16Array(bytes.buffer, at(3), n!),
    meta: new Uint8Array(bytes.buffer, at(4), metaBytes!),
    strings: new Uint8Array(bytes.buffer, at(5), stringBytes!),
    filter: new Uint32Array(bytes.buffer, at(6), 1 << shape.filterBits),
    buckets: new Uint32Array(bytes.buffer, at(7), (1 << shape.bucketBits) + 1),
    listCount: listCount!,
  };
}
