// gzip via the Compression Streams API (Chrome 80+, Firefox 113+, node 18+).
// Used for the entry tables only: they are read by admin tools and rebuilds,
// never on the worker's verify path, and gzip cuts them from ~35 to ~10 bytes
// per entry, which keeps a 1M-entry bundle well under the 64 MiB default limit.
import { buf } from './keys.ts';

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([buf(bytes)]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export const gzip = (bytes: Uint8Array): Promise<Uint8Array> => pipe(bytes, new CompressionStream('gzip'));
export const gunzip = (bytes: Uint8Array): Promise<Uint8Array> => pipe(bytes, new DecompressionStream('gzip'));
