// Child process of the bench: times Blocklist.load on a binary file in a fresh
// process, as the browser worker meets it (cold code, small heap). Prints JSON.
import { readFileSync } from 'node:fs';
import { Blocklist } from '../../src/core/engine/blocklist.ts';
import { timed } from './measure.ts';

const bytes = readFileSync(process.argv[2] ?? '');
const load = await timed(() => Blocklist.load(bytes));
console.log(JSON.stringify({ ms: load.ms, cpuMs: load.cpuMs, size: load.value.size }));
