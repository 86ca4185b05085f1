// gzip via the Compression Streams API (Chrome 80+, Firefox 113+, node 18+).
// Format 2 gzips its wire sections (wire-section.ts): a 1M-entry bundle is
// ~6.9 MiB. Format 1 (read only) gzipped its entry tables (~35 to ~10 bytes
// an entry). Inflating runs only on signature-checked bytes.
import { buf } from './keys.ts';

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([buf(bytes)]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export const gzip = (bytes: Uint8Array): Promise<Uint8Array> => pipe(bytes, new CompressionStream('gzip'));
export const gunzip = (bytes: Uint8Array): Promise<Uint8Array> => pipe(bytes, new DecompressionStream('gzip'));
