// diff: two full bundles -> the signed delta that turns OLD into NEW.
// Both inputs must verify with the signing key (they are read, not trusted blindly).
import { basename } from 'node:path';
import { signBundle } from '../../src/core/bundle/sign.ts';
import { diffLists } from '../../src/core/bundle/delta.ts';
import { expiresFlag, parseArgs, required, seqFlag, UsageError } from './args.ts';
import { listsOf, loadBundle, loadSigner, writeOutput, type Io } from './io.ts';

export const DIFF_HELP = `Usage: npm run --silent admin -- diff --key PRIVATE --seq N [--expires DATE] [--name NAME] [--publisher TEXT] -o DELTA OLD_BUNDLE NEW_BUNDLE

Writes a signed delta that browsers holding OLD_BUNDLE apply to get NEW_BUNDLE's
lists. Both bundles must be signed with PRIVATE's key. N must be higher than
OLD_BUNDLE's sequence number; use NEW_BUNDLE's, so browsers that take either
end up at the same sequence.`;

const FLAGS = { flags: { key: true, seq: true, expires: true, name: true, publisher: true, out: true }, short: { o: 'out' } };

export async function diff(argv: readonly string[], io: Io, now = new Date()): Promise<number> {
  const args = parseArgs(argv, FLAGS);
  const out = required(args, 'out');
  const seq = seqFlag(args);
  const expires = expiresFlag(args, now);
  if (args.positional.length !== 2) throw new UsageError('give exactly two bundles: OLD_BUNDLE NEW_BUNDLE');
  const [oldPath, newPath] = args.positional as [string, string];
  const signer = await loadSigner(required(args, 'key'));
  const trusted = [signer.publicKey.text];
  const [prev, next] = [await loadBundle(oldPath, trusted), await loadBundle(newPath, trusted)];
  if (seq <= prev.header.seq) throw new UsageError(`--seq ${seq} must be higher than ${oldPath}'s sequence number ${prev.header.seq}`);
  if (seq !== next.header.seq) io.err(`note: --seq ${seq} differs from ${newPath}'s sequence number ${next.header.seq}`);
  const delta = diffLists(await listsOf(prev), await listsOf(next));
  const header = {
    kind: 'delta' as const, seq, baseSeq: prev.header.seq, created: now.toISOString(), expires,
    publisher: args.values.get('publisher') ?? next.header.publisher, name: args.values.get('name') ?? basename(out),
    lists: next.header.lists,
  };
  const bytes = await signBundle({ header, delta }, signer);
  await writeOutput(out, bytes);
  io.err(`wrote ${out}: delta ${prev.header.seq} -> ${seq}, ${delta.adds.length} added, ${delta.removes.length} removed, ${bytes.length} bytes`);
  return 0;
}
