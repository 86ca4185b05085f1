// Reading a download without trusting it to be small: refuses on Content-Length,
// on the bundle's own declared length (first 12 bytes), and stops pulling the
// stream as soon as more than `maxBytes` arrived. Web streams only, so it runs
// in the worker and in node alike.
import { BundleRejection, bundleError, type BundleError } from './errors.ts';
import { checkPrefix, DEFAULT_MAX_BYTES } from './format.ts';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; error: BundleError };

const tooLarge = (max: number): ReadResult => ({
  ok: false,
  error: bundleError('too-large', `The download is larger than the ${(max / 1048576).toFixed(1)} MiB allowed.`),
});

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Reads `body` fully unless it exceeds `maxBytes`; `declaredLength` is the Content-Length, if any. */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  declaredLength: number | null,
  maxBytes = DEFAULT_MAX_BYTES,
): Promise<ReadResult> {
  // A missing or unparsable Content-Length (null, NaN) is simply not trusted either way.
  if (declaredLength !== null && declaredLength > maxBytes) return tooLarge(maxBytes);
  if (!body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let prefixChecked = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
      if (length > maxBytes) return tooLarge(maxBytes);
      if (!prefixChecked && length >= 12) {
        prefixChecked = true;
        checkPrefix(concat(chunks, length).subarray(0, 12), maxBytes);
      }
    }
  } catch (e) {
    if (e instanceof BundleRejection) return { ok: false, error: e.error };
    return { ok: false, error: bundleError('truncated', `The download failed midway: ${e instanceof Error ? e.message : String(e)}`) };
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return { ok: true, bytes: concat(chunks, length) };
}
