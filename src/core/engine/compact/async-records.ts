// The cold records (records.ts, same bytes) behind an asynchronous source: in
// the worker they stay in IndexedDB as a Blob, outside the heap, and a record
// is read (two small reads) only when the hot table has a candidate for it.
// Opening reads the 40-byte header and the list metadata, nothing else.
import type { ListMeta, Match } from '../../model.ts';
import { listMetaFromBytes } from '../list-meta.ts';
import { CONTAINER_HEADER } from './container.ts';
import { headsSpan, layoutOf, recordOf, textSpan, type Layout } from './records.ts';

/** Random access to bytes held elsewhere, read asynchronously (an IndexedDB Blob: `blob.slice(a, b).arrayBuffer()`). */
export interface AsyncByteSource {
  readonly length: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** Bytes in memory as a source (an update's records before they are stored; tests). */
export const memorySource = (bytes: Uint8Array): AsyncByteSource => ({ length: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) });

export class AsyncColdRecords {
  readonly size: number;
  readonly sum: number;

  private constructor(
    private readonly source: AsyncByteSource,
    readonly layout: Readonly<Layout>,
    readonly lists: ListMeta[],
  ) {
    this.size = layout.n;
    this.sum = layout.sum;
  }

  /** Throws `compact records: ...` when the header or the metadata is bad (the section's checksum is checked before it is stored). */
  static async open(source: AsyncByteSource): Promise<AsyncColdRecords> {
    const layout = layoutOf(await source.read(0, CONTAINER_HEADER), source.length);
    const lists = listMetaFromBytes(await source.read(layout.metaAt, layout.metaBytes), layout.listCount, (reason) => {
      throw new Error(`compact records: ${reason}`);
    });
    return new AsyncColdRecords(source, layout, lists);
  }

  /** Record i; rejects on anything out of bounds, so a damaged section is an error, never a wrong match. */
  async record(i: number): Promise<Match> {
    const heads = await this.source.read(...headsSpan(this.layout, i));
    return recordOf(this.lists, i, heads, await this.source.read(...textSpan(this.layout, i, heads)));
  }

  /** The whole section, e.g. for the DNR rule build (which needs every host): transient, dropped after. */
  readAll(): Promise<Uint8Array> {
    return this.source.read(0, this.source.length);
  }
}
