// Child process of the bench: times loading a stored form in a fresh process,
// as the browser worker meets it (cold code, small heap). Prints JSON.
//   cold-load.ts blocklist FILE        Blocklist.load of a compiled binary
//   cold-load.ts compact HOT COLD      CompactBlocklist.load of the hot table, with the records file opened
import { readFileSync } from 'node:fs';
import { Blocklist } from '../../src/core/engine/blocklist.ts';
import { CompactBlocklist } from '../../src/core/engine/compact/compact-blocklist.ts';
import { fileSource } from './file-source.ts';
import { timed } from './measure.ts';

const [mode, file, coldFile] = process.argv.slice(2);
// The bytes are read before the clock starts (the worker gets them from IndexedDB); opening the records file is timed.
const bytes = readFileSync(file ?? '');
const load =
  mode === 'compact'
    ? await timed(() => CompactBlocklist.load(bytes, fileSource(coldFile ?? '')))
    : await timed(() => Blocklist.load(bytes));
console.log(JSON.stringify({ ms: load.ms, cpuMs: load.cpuMs, size: load.value.size }));
