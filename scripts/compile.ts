// `npm run --silent compile -- [FILE...] -o OUT`: parses list files strictly
// (any supported text format; the bundled blocklists/*.txt when no FILE is
// given) and writes one compiled binary. Exit 2 on a bad list or usage.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Blocklist } from '../src/core/engine/blocklist.ts';
import type { ParsedList } from '../src/core/list/types.ts';
import { readBundled, readListFile } from './lib/bundled.ts';

const USAGE = 'usage: npm run --silent compile -- [FILE...] -o OUT';

function readLists(files: readonly string[]): ParsedList[] {
  if (files.length === 0) return readBundled();
  return files.map((file) => {
    const read = readListFile(file);
    if (read.kind === 'binary') throw new Error(`${file}: already a compiled binary; give the source lists`);
    return read.list;
  });
}

export function runCompile(argv: readonly string[], log: (line: string) => void): number {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: { output: { type: 'string', short: 'o' } }, allowPositionals: true });
    if (!values.output) throw new Error(`missing -o OUT\n${USAGE}`);
    const lists = readLists(positionals);
    const bytes = Blocklist.compile(lists);
    writeFileSync(values.output, bytes);
    const entries = Blocklist.load(bytes).size;
    log(`${values.output}: ${entries} entries from ${lists.length} list(s), ${bytes.length} bytes`);
    return 0;
  } catch (e) {
    log((e as Error).message);
    return 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = runCompile(process.argv.slice(2), (line) => console.error(line));
}
