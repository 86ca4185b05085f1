// Reproducible zips (sorted entries, fixed timestamps and modes), for the
// store packages and the Firefox test profile's side-loaded add-on.
import { createWriteStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ZipFile } from 'yazl';

const MTIME = new Date('2020-01-01T00:00:00Z');

export interface ZipEntry {
  name: string;
  data: Buffer;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/**
 * Chromium writes `_metadata/` (its index of the static rulesets) into an
 * unpacked extension's folder when it loads it: the browser's, not ours, and
 * refused by the store, so never packaged.
 */
const BROWSER_WRITTEN = /^_metadata(?:\/|$)/;

/** Every file under `dir` but BROWSER_WRITTEN; `patchManifest` may edit manifest.json on the way. */
export function dirEntries(dir: string, patchManifest?: (m: Record<string, unknown>) => void): ZipEntry[] {
  return walk(dir).filter((p) => !BROWSER_WRITTEN.test(relative(dir, p))).map((p) => {
    const name = relative(dir, p);
    if (name !== 'manifest.json' || !patchManifest) return { name, data: readFileSync(p) };
    const m = JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
    patchManifest(m);
    return { name, data: Buffer.from(JSON.stringify(m, null, 2)) };
  });
}

export function writeZip(out: string, files: ZipEntry[]): Promise<void> {
  const z = new ZipFile();
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    z.addBuffer(f.data, f.name, { mtime: MTIME, mode: 0o100644, compress: true });
  }
  z.end();
  return new Promise((resolve, reject) => {
    z.outputStream.pipe(createWriteStream(out)).on('close', resolve).on('error', reject);
  });
}
