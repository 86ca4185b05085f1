// `npm run package`: store zips in artifacts/, reproducible: two builds of one
// commit give identical bytes.
//   takedown-guard-chrome-VERSION.zip   dist/chrome without the dev `key`
//   takedown-guard-firefox-VERSION.zip  dist/firefox
//   takedown-guard-sources-VERSION.zip  the tracked sources AMO asks for
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirEntries, writeZip } from './lib/zip.ts';

const version = (JSON.parse(readFileSync('manifest.json', 'utf8')) as { version: string }).version;
mkdirSync('artifacts', { recursive: true });
const outputs = {
  chrome: `artifacts/takedown-guard-chrome-${version}.zip`,
  firefox: `artifacts/takedown-guard-firefox-${version}.zip`,
  sources: `artifacts/takedown-guard-sources-${version}.zip`,
};
// The store assigns the id; `key` only pins it for unpacked dev/test builds.
await writeZip(outputs.chrome, dirEntries('dist/chrome', (m) => delete m.key));
await writeZip(outputs.firefox, dirEntries('dist/firefox'));
const tracked = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
await writeZip(outputs.sources, tracked.map((name) => ({ name, data: readFileSync(name) })));
for (const out of Object.values(outputs)) console.log(`${out} (${statSync(out).size} bytes)`);
