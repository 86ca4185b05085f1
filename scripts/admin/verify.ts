// verify: is this bundle valid for browsers trusting PUBLIC? One JSON line on
// stdout and exit 0 when it is; the reason on stderr and exit 1 when not.
import { bundleEntries, verifyBundle } from '../../src/core/bundle/verify.ts';
import type { VerifiedBundle } from '../../src/core/bundle/types.ts';
import { encodeListsSection } from '../../src/core/bundle/wire-section.ts';
import { parseArgs, required, seqFlag, UsageError } from './args.ts';
import { loadPublicKey, readInput, type Io } from './io.ts';

export const VERIFY_HELP = `Usage: npm run --silent admin -- verify --pub PUBLIC [--current N] BUNDLE

Checks BUNDLE's framing, size, signature (against the key in the PUBLIC file) and
expiry, as the extension does. With --current N it also checks the sequence the
way a browser holding bundle N would (no replay; a delta's base must be N).
Valid: exit 0 and one JSON line {"valid":true,"seq":N,"entries":N,"format":2,
"bytes":N,"bytesPerEntry":X,...} (each list with its entries and bytes), and
the sizes in words on stderr. Invalid: exit 1 and the reason on stderr.`;

/**
 * Bytes each list takes: format 1 has its own sections; format 2 carries all
 * lists in one, so each is measured as it would be alone (they add up to
 * about the section, a little more: each alone has its own framing).
 */
async function listBytes(b: VerifiedBundle): Promise<number[]> {
  if (b.header.kind !== 'full') return [];
  if (b.version === 1) return b.compiled.map((c, i) => c.length + 4 + b.encodedEntries[i]!.length + 4);
  return Promise.all(b.header.lists.map(async (meta, i) => (await encodeListsSection([meta], [{ entries: await bundleEntries(b, i) }])).length));
}

const perEntry = (bytes: number, entries: number): number | null => (entries > 0 ? Math.round((bytes / entries) * 100) / 100 : null);

async function summary(b: VerifiedBundle, bytes: number): Promise<Record<string, unknown>> {
  const h = b.header;
  const sizes = await listBytes(b);
  const counts = h.kind === 'full' ? await Promise.all(h.lists.map(async (_, i) => (await bundleEntries(b, i)).length)) : [];
  const delta = b.delta ? { adds: b.delta.adds.length, removes: b.delta.removes.length } : {};
  const entries = h.kind === 'full' ? counts.reduce((n, c) => n + c, 0) : (b.delta?.adds.length ?? 0) + (b.delta?.removes.length ?? 0);
  return {
    valid: true, kind: h.kind, seq: h.seq, baseSeq: h.baseSeq, entries,
    format: b.version, bytes, bytesPerEntry: perEntry(bytes, entries),
    ...delta,
    lists: h.lists.map((l, i) => ({
      id: l.id, title: l.title, count: counts[i] ?? l.count,
      ...(sizes[i] !== undefined ? { bytes: sizes[i], bytesPerEntry: perEntry(sizes[i]!, counts[i]!) } : {}),
      ...(l.skipped ? { skipped: l.skipped } : {}),
    })),
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
    const info = await summary(res.bundle, bytes.byteLength);
    io.out(JSON.stringify(info));
    sizeLines(info).forEach((l) => io.err(l));
  } catch (e) {
    io.err(`invalid (corrupt): ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  return 0;
}

/** The sizes in words, for a person reading the terminal (stdout stays one JSON line for scripts). */
function sizeLines(info: Record<string, unknown>): string[] {
  const lists = info['lists'] as Array<{ id: string; count: number; bytes?: number; bytesPerEntry?: number | null }>;
  const head = `${info['kind']} bundle, format ${info['format']}: ${info['bytes']} bytes, ${info['entries']} entries, ${info['bytesPerEntry'] ?? '-'} bytes/entry`;
  const each = lists.filter((l) => l.bytes !== undefined).map((l) => `  list ${l.id}: ${l.count} entries, ${l.bytes} bytes, ${l.bytesPerEntry ?? '-'} bytes/entry`);
  return [head, ...each];
}
