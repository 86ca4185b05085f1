// `npm run --silent compile -- [--lenient] [--allow-suffix S] [FILE...] -o OUT`:
// parses list files (any supported text format; the bundled blocklists/*.txt,
// always strictly, when no FILE is given) and writes one compiled binary.
// Strict unless --lenient, which prints each list's import summary instead.
// Exit 2 on a bad list or usage.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Blocklist } from '../src/core/engine/blocklist.ts';
import type { ParsedList } from '../src/core/list/types.ts';
import { readBundled, readListFile } from './lib/bundled.ts';
import { FLAGS_HELP, PSL_IN_FORCE, splitSuffixes, summaryLines, type ImportFlags } from './lib/import-flags.ts';

const USAGE = `usage: npm run --silent compile -- [--lenient] [--allow-suffix S,...] [FILE...] -o OUT
${FLAGS_HELP}`;

function readLists(files: readonly string[], flags: ImportFlags, log: (line: string) => void): ParsedList[] {
  if (files.length === 0) return readBundled();
  const lists = files.map((file) => {
    const read = readListFile(file, 'user', flags);
    if (read.kind === 'binary') throw new Error(`${file}: already a compiled binary; give the source lists`);
    summaryLines(file, read.list, flags).forEach((l) => log(l));
    return read.list;
  });
  if (flags.lenient) log(PSL_IN_FORCE);
  return lists;
}

export function runCompile(argv: readonly string[], log: (line: string) => void): number {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { output: { type: 'string', short: 'o' }, lenient: { type: 'boolean' }, 'allow-suffix': { type: 'string', multiple: true } },
      allowPositionals: true,
    });
    if (!values.output) throw new Error(`missing -o OUT\n${USAGE}`);
    const flags = { lenient: values.lenient === true, allowSuffixes: splitSuffixes(values['allow-suffix'] ?? []) };
    const lists = readLists(positionals, flags, log);
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
