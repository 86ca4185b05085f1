// Measures the update path at scale: `npx tsx scripts/admin/bench-bundle.ts [ENTRIES]`.
// Prints sign/verify/load times for a 1M-entry full bundle and verify+apply for a
// 1k-entry delta. Targets (issue 6): full verified and applied < 2 s, delta < 50 ms;
// (issue 12): full bundle <= 8 bytes an entry (1M <= 8 MiB), 1k delta <= 20 KiB.
import { Blocklist } from '../../src/core/engine/blocklist.ts';
import { generateSigner } from '../../src/core/bundle/keys.ts';
import { signBundle } from '../../src/core/bundle/sign.ts';
import { bundleEntries, verifyBundle } from '../../src/core/bundle/verify.ts';
import { applyDelta, diffLists, emptyOverlay, overlayAdds, type EntryList } from '../../src/core/bundle/delta.ts';
import { nextState, rebuildLists } from '../../src/core/bundle/update.ts';
import type { BundleEntry } from '../../src/core/bundle/types.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const DELTA = 2000; // 1k adds + 1k removes

async function time<T>(label: string, f: () => Promise<T> | T): Promise<T> {
  const t0 = performance.now();
  const out = await f();
  console.log(`${label.padEnd(50)} ${(performance.now() - t0).toFixed(1).padStart(9)} ms`);
  return out;
}

/** Seeded pseudo-random registrable domains, so runs are comparable. */
function domains(n: number, seed: number): BundleEntry[] {
  let s = seed;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0), s);
  return Array.from({ length: n }, (_, i) => ({ expression: `d${next().toString(36)}${i.toString(36)}.example/`, kind: 'domain' as const, line: i + 1 }));
}

const meta = (count: number) => ({ id: 'bench', title: 'Bench list', origin: 'admin' as const, count });
const header = (kind: 'full' | 'delta', seq: number, count: number) => ({
  seq, baseSeq: kind === 'delta' ? seq - 1 : null, created: new Date().toISOString(),
  expires: new Date(Date.now() + 86_400_000).toISOString(), publisher: 'bench', name: 'bench', lists: [meta(count)],
});

const signer = await generateSigner();
const trust = { trustedKeys: [signer.publicKey.text], now: Date.now() };
const base: EntryList = { meta: meta(N), entries: domains(N, 1) };
console.log(`full bundle: ${N} entries; delta: ${DELTA / 2} adds + ${DELTA / 2} removes`);

const full = await time('sign full bundle (admin side)', () => signBundle({ header: { kind: 'full', ...header('full', 1, N) }, lists: [{ entries: base.entries }] }, signer));
console.log(`${'full bundle size'.padEnd(50)} ${(full.length / 1048576).toFixed(2).padStart(9)} MiB, ${(full.length / N).toFixed(2)} B/entry (target <= 8)`);
const verified = await time('verify full bundle (worker)', async () => {
  const r = await verifyBundle(full, { ...trust, currentSeq: null });
  if (!r.ok) throw new Error(r.error.message);
  return r.bundle;
});
await time('compile decoded lists (worker, until compact stored)', async () => Blocklist.fromLists([{ meta: meta(N), entries: await bundleEntries(verified, 0) }]));
const state = await time('nextState: verify + copy into new state (worker)', async () => {
  const r = await nextState(null, full, trust);
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
});

const added = domains(DELTA / 2, 2);
const next: EntryList = { meta: meta(N), entries: [...base.entries.slice(DELTA / 2), ...added] };
const delta = await time('diff (admin side)', () => diffLists([base], [next]));
const deltaBytes = await signBundle({ header: { kind: 'delta', ...header('delta', 2, N) }, delta }, signer);
console.log(`${'delta size'.padEnd(50)} ${(deltaBytes.length / 1024).toFixed(1).padStart(9)} KiB (target <= 20)`);
const t0 = performance.now();
const vd = await verifyBundle(deltaBytes, { ...trust, currentSeq: 1 });
if (!vd.ok) throw new Error(vd.error.message);
const t1 = performance.now();
const overlay = applyDelta(emptyOverlay(1, verified.header.lists), vd.bundle);
const t2 = performance.now();
Blocklist.load(Blocklist.compile(overlayAdds(overlay)));
const t3 = performance.now();
console.log(`${'delta: verify'.padEnd(50)} ${(t1 - t0).toFixed(1).padStart(9)} ms`);
console.log(`${'delta: apply to overlay'.padEnd(50)} ${(t2 - t1).toFixed(1).padStart(9)} ms`);
console.log(`${'delta: compile+load added entries'.padEnd(50)} ${(t3 - t2).toFixed(1).padStart(9)} ms`);
console.log(`${'delta: total'.padEnd(50)} ${(t3 - t0).toFixed(1).padStart(9)} ms`);
const after = await time('nextState with the delta (worker)', async () => {
  const r = await nextState(state, deltaBytes, trust);
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
});
const rebuilt = await time('background rebuild: decode + materialize', () => rebuildLists(after));
await time('background rebuild: compile', () => Blocklist.compile(rebuilt));
