// verify: is this bundle valid for browsers trusting PUBLIC? One JSON line on
// stdout and exit 0 when it is; the reason on stderr and exit 1 when not.
import { bundleEntries, verifyBundle } from '../../src/core/bundle/verify.ts';
import type { VerifiedBundle } from '../../src/core/bundle/types.ts';
import { parseArgs, required, seqFlag, UsageError } from './args.ts';
import { loadPublicKey, readInput, type Io } from './io.ts';

export const VERIFY_HELP = `Usage: npm run --silent admin -- verify --pub PUBLIC [--current N] BUNDLE

Checks BUNDLE's framing, size, signature (against the key in the PUBLIC file) and
expiry, as the extension does. With --current N it also checks the sequence the
way a browser holding bundle N would (no replay; a delta's base must be N).
Valid: exit 0 and one JSON line {"valid":true,"seq":N,"entries":N,...}.
Invalid: exit 1 and the reason on stderr.`;

async function summary(b: VerifiedBundle): Promise<Record<string, unknown>> {
  const h = b.header;
  const counts = h.kind === 'full' ? await Promise.all(h.lists.map(async (_, i) => (await bundleEntries(b, i)).length)) : [];
  const delta = b.delta ? { adds: b.delta.adds.length, removes: b.delta.removes.length } : {};
  return {
    valid: true, kind: h.kind, seq: h.seq, baseSeq: h.baseSeq,
    entries: h.kind === 'full' ? counts.reduce((n, c) => n + c, 0) : (b.delta?.adds.length ?? 0) + (b.delta?.removes.length ?? 0),
    ...delta,
    lists: h.lists.map((l, i) => ({ id: l.id, title: l.title, count: counts[i] ?? l.count, ...(l.skipped ? { skipped: l.skipped } : {}) })),
    created: h.created, expires: h.expires, publisher: h.publisher, name: h.name, keyId: b.keyId,
  };
}

export async function verify(argv: readonly string[], io: Io, now = new Date()): Promise<number> {
  const args = parseArgs(argv, { flags: { pub: true, current: true } });
  if (args.positional.length !== 1) throw new UsageError('give exactly one BUNDLE');
  const pub = await loadPublicKey(required(args, 'pub'));
  const currentSeq = args.values.has('current') ? seqFlag(args, 'current') : 'any';
  const bytes = await readInput(args.positional[0]!, 'bundle');
  const res = await verifyBundle(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { trustedKeys: [pub], currentSeq, now });
  if (!res.ok) {
    io.err(`invalid (${res.error.code}): ${res.error.message}`);
    return 1;
  }
  try {
    io.out(JSON.stringify(await summary(res.bundle)));
  } catch (e) {
    io.err(`invalid (corrupt): ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  return 0;
}
