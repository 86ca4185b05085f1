// `npm run --silent check -- [--list FILE]... [--no-bundled] [--lenient] [--allow-suffix S] [URL...]`
// Judges URLs (arguments, else one per line on stdin) against the given lists
// (text or compiled) and, unless --no-bundled, the bundled court lists; prints
// one Verdict as JSON per input line, in order. Exit 2 on a bad list or usage.
// With --lenient, bad lines are skipped and each text list's import summary
// goes to stderr (stdout stays JSON lines).
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Blocklist } from '../src/core/engine/blocklist.ts';
import { BlocklistSet } from '../src/core/engine/blocklist-set.ts';
import type { ParsedList } from '../src/core/list/types.ts';
import { readBundled, readListFile } from './lib/bundled.ts';
import { FLAGS_HELP, PSL_IN_FORCE, splitSuffixes, summaryLines, type ImportFlags } from './lib/import-flags.ts';

const USAGE = `usage: npm run --silent check -- [--list FILE]... [--no-bundled] [--lenient] [--allow-suffix S,...] [URL...]  (URLs from stdin when none given)
${FLAGS_HELP}`;

export interface CheckIo {
  /** Input lines, read only when no URL is given as an argument. */
  stdin: () => AsyncIterable<string>;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** Given lists first (binaries, then the text lists compiled together), then the bundled ones (always strict). */
function buildEngine(files: readonly string[], bundled: boolean, flags: ImportFlags, log: (line: string) => void): BlocklistSet {
  const compiled: Blocklist[] = [];
  const text: ParsedList[] = [];
  for (const file of files) {
    const read = readListFile(file, 'user', flags);
    if (read.kind === 'binary') compiled.push(read.blocklist);
    else text.push(read.list);
    if (read.kind === 'text') summaryLines(file, read.list, flags).forEach((l) => log(l));
  }
  if (flags.lenient && text.length > 0) log(PSL_IN_FORCE);
  if (text.length > 0) compiled.push(Blocklist.fromLists(text));
  if (bundled) compiled.push(Blocklist.fromLists(readBundled()));
  return new BlocklistSet(compiled);
}

export async function runCheck(argv: readonly string[], io: CheckIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        list: { type: 'string', short: 'l', multiple: true },
        'no-bundled': { type: 'boolean' },
        lenient: { type: 'boolean' },
        'allow-suffix': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (e) {
    io.stderr(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    io.stdout(USAGE);
    return 0;
  }
  let engine: BlocklistSet;
  try {
    const flags = { lenient: args.values.lenient === true, allowSuffixes: splitSuffixes(args.values['allow-suffix'] ?? []) };
    engine = buildEngine(args.values.list ?? [], !args.values['no-bundled'], flags, io.stderr);
  } catch (e) {
    io.stderr((e as Error).message);
    return 2;
  }
  const urls: Iterable<string> | AsyncIterable<string> = args.positionals.length > 0 ? args.positionals : io.stdin();
  for await (const url of urls) io.stdout(JSON.stringify(engine.lookup(url)));
  return 0;
}

/** Batches writes: a line per write call is slow for a million URLs. */
function bufferedStdout(): { write: (line: string) => void; flush: () => void } {
  let lines: string[] = [];
  const flush = (): void => {
    if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
    lines = [];
  };
  return { write: (line) => (lines.push(line) >= 4096 ? flush() : undefined), flush };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = bufferedStdout();
  const code = await runCheck(process.argv.slice(2), {
    stdin: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
    stdout: out.write,
    stderr: (line) => console.error(line),
  });
  out.flush();
  process.exitCode = code;
}
