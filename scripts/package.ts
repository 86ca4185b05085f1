// `npm run package`: store zips in artifacts/, reproducible (sorted entries,
// fixed timestamps and modes): two builds of one commit give identical bytes.
//   takedown-guard-chrome-VERSION.zip   dist/chrome without the dev `key`
//   takedown-guard-firefox-VERSION.zip  dist/firefox
//   takedown-guard-sources-VERSION.zip  the tracked sources AMO asks for
import { createWriteStream, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ZipFile } from 'yazl';

const MTIME = new Date('2020-01-01T00:00:00Z');
const version = (JSON.parse(readFileSync('manifest.json', 'utf8')) as { version: string }).version;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function zip(out: string, files: { name: string; data: Buffer }[]): Promise<void> {
  const z = new ZipFile();
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    z.addBuffer(f.data, f.name, { mtime: MTIME, mode: 0o100644, compress: true });
  }
  z.end();
  return new Promise((resolve, reject) => {
    z.outputStream.pipe(createWriteStream(out)).on('close', resolve).on('error', reject);
  });
}

function distFiles(dir: string, patchManifest?: (m: Record<string, unknown>) => void) {
  return walk(dir).map((p) => {
    const name = relative(dir, p);
    if (name !== 'manifest.json' || !patchManifest) return { name, data: readFileSync(p) };
    const m = JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
    patchManifest(m);
    return { name, data: Buffer.from(JSON.stringify(m, null, 2)) };
  });
}

mkdirSync('artifacts', { recursive: true });
const outputs = {
  chrome: `artifacts/takedown-guard-chrome-${version}.zip`,
  firefox: `artifacts/takedown-guard-firefox-${version}.zip`,
  sources: `artifacts/takedown-guard-sources-${version}.zip`,
};
// The store assigns the id; `key` only pins it for unpacked dev/test builds.
await zip(outputs.chrome, distFiles('dist/chrome', (m) => delete m.key));
await zip(outputs.firefox, distFiles('dist/firefox'));
const tracked = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
await zip(outputs.sources, tracked.map((name) => ({ name, data: readFileSync(name) })));
for (const out of Object.values(outputs)) console.log(`${out} (${statSync(out).size} bytes)`);
