// The cold half of the compact engine: entry text and provenance, read only
// when the hot table (hot-table.ts) reports a candidate. The worker would keep
// it outside its heap (IndexedDB); here it is reached through a ByteSource, so
// nothing of it needs to be resident but its 40-byte header and the list
// metadata. Byte layout, container form "CR" version 1 (framing: container.ts):
//
// | offset       | size     | field                                                  |
// |--------------|----------|--------------------------------------------------------|
// | 16 (field 0) | 4        | N, record count (= the hot table's entry count)        |
// | 20 (field 1) | 4        | L, list count                                          |
// | 24 (field 2) | 4        | M, byte length of the list metadata JSON               |
// | 28 (field 3) | 4        | R, byte length of the records                          |
// | 40           | 4(N+1)   | record offsets into the records, off[0] = 0, off[N] = R |
// | pad8         | M        | ListMeta[] as UTF-8 JSON                               |
// | pad8         | R        | records; record i is bytes [off[i], off[i+1]):         |
// |              |          |   varint list index < L, varint source line, then the  |
// |              |          |   entry's expression as UTF-8 (the rest of the record) |
//
// Reading record i costs two reads: 8 bytes of offsets, then the record. The
// checksum covers the whole section, so verifyRecords (run once, when the
// section is stored) rejects every flipped byte; a lookup's read still checks
// every bound it relies on, and the text is compared exactly, so even a
// section altered after that check cannot produce a warning for an unlisted URL.
import type { ListMeta, Match } from '../../model.ts';
import { CONTAINER_HEADER, magicOf, pad8, readContainer, writeContainer } from './container.ts';
import { ByteReader, ByteWriter } from './varint.ts';

export const COLD_MAGIC = magicOf('CR');
export const COLD_VERSION = 1;
const WHAT = 'compact records';

/** Random access to a byte string held elsewhere (a file, an IndexedDB blob, a buffer). */
export interface ByteSource {
  readonly length: number;
  read(offset: number, length: number): Uint8Array;
}

export const bufferSource = (bytes: Uint8Array): ByteSource => ({
  length: bytes.length,
  read: (offset, length) => bytes.subarray(offset, offset + length),
});

export interface RecordInput {
  list: number;
  line: number;
  expression: string;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });
const fail = (reason: string): never => {
  throw new Error(`${WHAT}: ${reason}`);
};

export function writeRecords(meta: readonly ListMeta[], records: readonly RecordInput[]): Uint8Array {
  const offsets = new Uint32Array(records.length + 1);
  const out = new ByteWriter(records.length * 24 + 64);
  records.forEach((r, i) => {
    out.varint(r.list);
    out.varint(r.line);
    out.text(r.expression);
    offsets[i + 1] = out.length;
  });
  const metaBytes = new TextEncoder().encode(JSON.stringify(meta));
  const body = out.done();
  return writeContainer(COLD_MAGIC, COLD_VERSION, [records.length, meta.length, metaBytes.length, body.length], [offsets, metaBytes, body]);
}

function parseMeta(bytes: Uint8Array, listCount: number): ListMeta[] {
  let meta: unknown;
  try {
    meta = JSON.parse(fatalUtf8.decode(bytes));
  } catch {
    fail('list metadata is not JSON');
  }
  if (!Array.isArray(meta) || meta.length !== listCount) fail('list metadata does not match the list count');
  for (const m of meta as Array<Partial<ListMeta> | null>) {
    if (typeof m?.id !== 'string' || typeof m.title !== 'string') fail('list metadata entry without id/title');
  }
  return meta as ListMeta[];
}

interface Layout {
  n: number;
  listCount: number;
  metaAt: number;
  metaBytes: number;
  recordsAt: number;
  recordBytes: number;
  sum: number;
}

const u32 = (b: Uint8Array, at: number): number => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

function layoutOf(header: Uint8Array, length: number): Layout {
  if (header.length < CONTAINER_HEADER || !COLD_MAGIC.every((b, i) => header[i] === b)) fail('bad magic');
  if (u32(header, 8) !== COLD_VERSION) fail(`unsupported version ${u32(header, 8)}`);
  if (u32(header, 12) !== length) fail('length mismatch: truncated?');
  const [n, listCount, metaBytes, recordBytes] = [16, 20, 24, 28].map((at) => u32(header, at)) as [number, number, number, number];
  const metaAt = CONTAINER_HEADER + pad8(4 * (n + 1));
  const recordsAt = metaAt + pad8(metaBytes);
  if (recordsAt + pad8(recordBytes) !== length || u32(header, 36) !== 0) fail('section sizes do not add up');
  return { n, listCount, metaAt, metaBytes, recordsAt, recordBytes, sum: u32(header, 32) };
}

/** The cold section behind a ByteSource: header and metadata read once, records on demand. */
export class ColdRecords {
  readonly size: number;
  readonly lists: ListMeta[];
  /** The section's stored checksum, which the hot table names. */
  readonly sum: number;
  readonly recordBytes: number;
  private readonly layout: Layout;

  constructor(private readonly source: ByteSource) {
    this.layout = layoutOf(source.read(0, CONTAINER_HEADER), source.length);
    const { n, listCount, metaAt, metaBytes } = this.layout;
    this.size = n;
    this.sum = this.layout.sum;
    this.recordBytes = this.layout.recordBytes;
    this.lists = parseMeta(source.read(metaAt, metaBytes), listCount);
  }

  /** Record i; throws on anything out of bounds, so a bad section is an Error, never a wrong match. */
  record(i: number): Match & { listIndex: number } {
    const { n, listCount, recordsAt, recordBytes } = this.layout;
    if (!(i >= 0 && i < n)) fail(`no record ${i}`);
    const offs = this.source.read(CONTAINER_HEADER + 4 * i, 8);
    const start = u32(offs, 0);
    const end = u32(offs, 4);
    if (!(start < end && end <= recordBytes)) fail(`record ${i} out of range`);
    const bytes = this.source.read(recordsAt + start, end - start);
    const r = new ByteReader(bytes, 0, bytes.length, WHAT);
    const listIndex = r.varint();
    const line = r.varint();
    if (listIndex >= listCount) fail(`record ${i} names a missing list`);
    let entry = '';
    try {
      entry = fatalUtf8.decode(r.take(r.remaining));
    } catch {
      fail(`record ${i} is not UTF-8`);
    }
    if (entry.indexOf('/') <= 0) fail(`record ${i} is not an expression`);
    return { entry, list: this.lists[listIndex]!.id, line, listIndex };
  }
}

/**
 * The full check, for a section as received or before it is stored: checksum,
 * offsets (0, increasing, ending at R) and every record readable. Returns it
 * opened. `ColdRecords` alone trusts what this checked.
 */
export function verifyRecords(bytes: Uint8Array): ColdRecords {
  const { body } = readContainer(bytes, COLD_MAGIC, COLD_VERSION, WHAT);
  const cold = new ColdRecords(bufferSource(new Uint8Array(body.buffer, body.byteOffset - CONTAINER_HEADER, bytes.length)));
  const offsets = new Uint32Array(body.buffer, body.byteOffset, cold.size + 1);
  if (offsets[0] !== 0 || offsets[cold.size] !== cold.recordBytes) fail('record offsets out of range');
  // Each read checks start < end, so together they check the offsets increase.
  for (let i = 0; i < cold.size; i++) cold.record(i);
  return cold;
}
