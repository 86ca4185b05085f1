// The compact engine in the bench: hot table resident, cold records in a file
// read only on a hit (as the worker would keep them in IndexedDB), and the
// wire sizes: a signed format-2 bundle of the same lists (src/core/bundle/format.ts),
// and a signed 1k-add + 1k-remove delta on it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { CompileList } from '../../src/core/engine/compile.ts';
import { buildCompact, CompactBlocklist } from '../../src/core/engine/compact/compact-blocklist.ts';
import type { ByteSource } from '../../src/core/engine/compact/records.ts';
import { TwoPhaseBlocklist } from '../../src/core/engine/compact/two-phase.ts';
import { EngineSet } from '../../src/core/engine/engine-set.ts';
import { decodeWire, encodeWire } from '../../src/core/engine/compact/wire.ts';
import { parseList } from '../../src/core/list/parse-list.ts';
import { coldLoad, tempDir, type BenchEngine, type Prepared } from './engines.ts';
import { fileSource } from './file-source.ts';
import { timed } from './measure.ts';
import { syntheticDomains } from './synthetic.ts';
import { generateSigner, signBundle, type Signer } from '../../src/core/bundle/index.ts';

let signer: Promise<Signer> | null = null;
const bundleHeader = <K extends 'full' | 'delta'>(kind: K, list: CompileList) => ({
  kind, seq: kind === 'full' ? 1 : 2, baseSeq: kind === 'full' ? null : 1, created: new Date().toISOString(),
  expires: new Date(Date.now() + 86_400_000).toISOString(), publisher: 'bench', name: 'bench', lists: [list.meta],
});

/** The signed full bundle, as `admin build` writes it. */
async function fullBundleBytes(list: CompileList): Promise<number> {
  const entries = list.entries.map((e) => ({ ...e }));
  return (await signBundle({ header: bundleHeader('full', { meta: { ...list.meta, count: entries.length }, entries }), lists: [{ entries }] }, await (signer ??= generateSigner()))).length;
}

/** The signed delta of `changes` adds and as many removes, as `admin diff` writes it (records built directly, as below). */
async function deltaBundleBytes(list: CompileList, changes: number): Promise<number> {
  const adds = syntheticDomains(changes, 0xde17a).map((d, i) => ({ list: list.meta.id, expression: `${d}-new/`, kind: 'domain' as const, line: list.entries.length + i + 1 }));
  const removes = list.entries.slice(0, changes).map((e) => ({ list: list.meta.id, expression: e.expression }));
  const meta = { ...list.meta, count: list.entries.length };
  return (await signBundle({ header: bundleHeader('delta', { meta, entries: [] }), delta: { adds, removes } }, await (signer ??= generateSigner()))).length;
}

/**
 * As a bundle builder (node's zlib) would: Z_FILTERED suits the mostly
 * literal columns (~1% smaller than the default strategy, which is what a
 * browser's CompressionStream would give). Any strategy inflates the same.
 */
const deflate = (bytes: Uint8Array): Buffer => deflateRawSync(bytes, { level: 9, strategy: constants.Z_FILTERED });

/**
 * A delta of `changes` additions and as many removals against one list, as
 * diffLists makes it (test/unit/engine/compact-wire.test.ts) but built
 * directly: diffing two million-entry sets would only slow the bench down.
 */
function deltaBytes(list: CompileList, changes: number): number {
  const added = syntheticDomains(changes, 0xde17a).map((d, i) => ({ expression: `${d}-new/`, kind: 'domain' as const, line: list.entries.length + i + 1 }));
  const removed = list.entries.slice(0, changes).map((e) => e.expression);
  return deflate(encodeWire({ lists: [{ meta: list.meta, entries: added }], removed })).length;
}

/**
 * The worker's two-phase engine over the same parts. A function of its own: a
 * closure made inside prepare() would keep prepare's whole scope (the parsed
 * list, the built parts) reachable, and the resident bytes measured with it.
 */
async function workerEngine(hot: Uint8Array, cold: ByteSource): Promise<EngineSet> {
  return new EngineSet([await TwoPhaseBlocklist.open(hot, { length: cold.length, read: async (o, n) => cold.read(o, n) })]);
}

export class CompactEngine implements BenchEngine {
  name = 'compact';
  private list: CompactBlocklist | null = null;
  /** The worker's path: phase one (EngineSet.lookupNow) over the same hot table, records confirmed only for candidates. */
  private worker: EngineSet | null = null;
  private cold: (ByteSource & { close(): void }) | null = null;
  /** Filled by prepare; the bench prints them. */
  sizes = { wire: 0, delta: 0, hot: 0, cold: 0 };

  listText(domains: readonly string[]): string {
    return domains.join('\n');
  }

  async prepare(text: string): Promise<Prepared> {
    const parse = await timed(() => parseList(text, { file: 'synthetic.txt', origin: 'court', strict: true }));
    const compile = await timed(() => buildCompact([parse.value]));
    const wire = deflate(encodeWire({ lists: [parse.value], removed: [] }));
    const decoded = await timed(() => decodeWire(inflateRawSync(wire)));
    if (decoded.value.lists[0]?.entries.length !== parse.value.entries.length) throw new Error('wire round trip lost entries');
    const verify = await timed(() => CompactBlocklist.verify(compile.value));
    const signedFull = await fullBundleBytes(parse.value);
    const signedDelta = await deltaBundleBytes(parse.value, 1000);
    this.sizes = { wire: signedFull, delta: signedDelta, hot: compile.value.hot.length, cold: compile.value.cold.length };
    const dir = tempDir();
    const hotFile = join(dir, 'hot.bin');
    const coldFile = join(dir, 'cold.bin');
    writeFileSync(hotFile, compile.value.hot);
    writeFileSync(coldFile, compile.value.cold);
    this.cold = fileSource(coldFile);
    // Loaded again from the files, so nothing built above stays reachable.
    const hot = readFileSync(hotFile);
    this.list = CompactBlocklist.load(hot, this.cold);
    this.worker = await workerEngine(hot, this.cold);
    const mb = (n: number): string => (n / 1e6).toFixed(1);
    return {
      build: { ms: parse.ms + compile.ms, cpuMs: parse.cpuMs + compile.cpuMs },
      load: coldLoad(['compact', hotFile, coldFile]),
      compile: { ms: compile.ms, cpuMs: compile.cpuMs }, // not the value: the built parts must not stay reachable
      wireBytes: signedFull,
      deltaBytes: signedDelta,
      detail:
        `parse ${parse.ms.toFixed(0)} + build ${compile.ms.toFixed(0)} ms (cpu ${compile.cpuMs.toFixed(0)}); wire inflate+decode ${decoded.ms.toFixed(0)} ms (cpu ${decoded.cpuMs.toFixed(0)}); ` +
        `full check ${verify.ms.toFixed(0)} ms (cpu ${verify.cpuMs.toFixed(0)}); hot ${mb(this.sizes.hot)} MB resident, cold ${mb(this.sizes.cold)} MB in a file; ` +
        `wire: signed bundle ${mb(signedFull)} MB (raw wire deflated ${mb(wire.length)} MB); signed 1k+1k delta ${(signedDelta / 1024).toFixed(1)} KiB ` +
        `(wire-form delta ${(deltaBytes(parse.value, 1000) / 1024).toFixed(1)} KiB)`,
    };
  }

  /**
   * As the worker looks up: phase one settles the URL, or (a candidate, ~1%
   * of these URLs) its record is read to confirm it, here synchronously from
   * the file (the harness is synchronous; the worker awaits an IndexedDB read).
   */
  isHit(url: string): boolean {
    const now = this.worker!.lookupNow(url);
    return (now ?? this.list!.matchUrl(url)).verdict === 'warn';
  }

  async release(): Promise<void> {
    this.cold?.close();
    this.list = null;
    this.worker = null;
    this.cold = null;
  }
}
