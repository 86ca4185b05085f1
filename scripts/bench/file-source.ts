// A file read at offsets, so the compact engine's records stay out of the
// process heap (the bench's stand-in for the worker's IndexedDB).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ByteSource } from '../../src/core/engine/compact/records.ts';

export function fileSource(path: string): ByteSource & { close(): void } {
  const fd = openSync(path, 'r');
  return {
    length: fstatSync(fd).size,
    read(offset, n) {
      const out = new Uint8Array(n);
      if (readSync(fd, out, 0, n, offset) !== n) throw new Error('short read');
      return out;
    },
    close: () => closeSync(fd),
  };
}
