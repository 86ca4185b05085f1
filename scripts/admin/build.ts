// build: text lists -> one signed full bundle. Lists are parsed strictly (any bad
// line stops the build with file:line) unless --lenient, which skips bad lines,
// prints each list's import summary and signs it into the bundle header (the
// extension's status shows it). The bundle is format 2: the lists travel in the
// compact wire form (~8 bytes an entry), and the extension builds its engine.
import { basename } from 'node:path';
import { parseList } from '../../src/core/list/parse-list.ts';
import { signBundle } from '../../src/core/bundle/sign.ts';
import type { BundleListPayload } from '../../src/core/bundle/types.ts';
import type { ListMeta } from '../../src/core/model.ts';
import { expiresFlag, parseArgs, required, seqFlag, UsageError } from './args.ts';
import { loadSigner, readInput, writeOutput, type Io } from './io.ts';
import { FLAGS_HELP, LENIENT_HINT, PSL_IN_FORCE, splitSuffixes, summaryLines, type ImportFlags } from '../lib/import-flags.ts';

export const BUILD_HELP = `Usage: npm run --silent admin -- build --key PRIVATE --seq N [--expires DATE] [--name NAME] [--publisher TEXT] [--lenient] [--allow-suffix S,...] -o BUNDLE LIST...

Parses each LIST (plain domains, hosts files, Adblock/uBO filter lists, URLs,
MetaMask's config.json; header comments such as "# title:" give provenance),
compiles it and writes a signed full bundle to BUNDLE.
  --key PRIVATE      private key file from keygen
  --seq N            sequence number: higher than any bundle published before
  --expires DATE     ISO date after which browsers refuse the bundle (default: 30 days)
  --name NAME        bundle name shown in the status (default: the output file name)
  --publisher TEXT   who signs it, shown in the status (default: "admin")
${FLAGS_HELP}
The list id is the file name without extension; without --lenient a bad line
stops the build. With it, the import summary is signed into the bundle.`;

const FLAGS = {
  flags: { key: true, seq: true, expires: true, name: true, publisher: true, out: true, lenient: false, 'allow-suffix': true },
  short: { o: 'out' },
};

async function parseFile(path: string, flags: ImportFlags, io: Io): Promise<{ meta: ListMeta; payload: BundleListPayload }> {
  const text = (await readInput(path, 'list')).toString('utf8');
  let list;
  try {
    list = parseList(text, { file: basename(path), origin: 'admin', strict: !flags.lenient, allowSuffixes: flags.allowSuffixes });
  } catch (e) {
    throw new UsageError(`${e instanceof Error ? e.message : String(e)}\n${LENIENT_HINT}`);
  }
  summaryLines(path, list, flags).forEach((l) => io.err(l));
  if (list.entries.length === 0) throw new UsageError(`${path}: no entries`);
  return { meta: list.meta, payload: { entries: list.entries } };
}

export async function build(argv: readonly string[], io: Io, now = new Date()): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  const out = required(args, 'out');
  const seq = seqFlag(args);
  const expires = expiresFlag(args, now);
  if (args.positional.length === 0) throw new UsageError('no LIST file given');
  const signer = await loadSigner(required(args, 'key'));
  const flags = { lenient: args.switches.has('lenient'), allowSuffixes: splitSuffixes([args.values.get('allow-suffix') ?? '']) };
  const lists = [];
  for (const path of args.positional) lists.push(await parseFile(path, flags, io));
  if (flags.lenient) io.err(PSL_IN_FORCE);
  const ids = lists.map((l) => l.meta.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup !== undefined) throw new UsageError(`two lists have the id "${dup}": rename one file`);
  const header = {
    kind: 'full' as const, seq, baseSeq: null, created: now.toISOString(), expires,
    publisher: args.values.get('publisher') ?? 'admin', name: args.values.get('name') ?? basename(out),
    lists: lists.map((l) => l.meta),
  };
  const bytes = await signBundle({ header, lists: lists.map((l) => l.payload) }, signer);
  await writeOutput(out, bytes);
  const entries = lists.reduce((n, l) => n + l.payload.entries.length, 0);
  io.err(`wrote ${out}: full bundle seq ${seq}, ${lists.length} list(s), ${entries} entries, ${bytes.length} bytes, expires ${expires}`);
  return 0;
}
