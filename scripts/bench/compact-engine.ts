// The compact engine in the bench: hot table resident, cold records in a file
// read only on a hit (as the worker would keep them in IndexedDB), and the
// wire sizes a bundle of the same lists would have (the wire form deflated).
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
    this.sizes = { wire: wire.length, delta: deltaBytes(parse.value, 1000), hot: compile.value.hot.length, cold: compile.value.cold.length };
    const dir = tempDir();
    const hotFile = join(dir, 'hot.bin');
    const coldFile = join(dir, 'cold.bin');
    writeFileSync(hotFile, compile.value.hot);
    writeFileSync(coldFile, compile.value.cold);
    this.cold = fileSource(coldFile);
    // Loaded again from the files, so nothing built above stays reachable.
    const hot = readFileSync(hotFile);
    this.list = CompactBlocklist.load(hot, this.cold);
    const cold = this.cold;
    this.worker = new EngineSet([await TwoPhaseBlocklist.open(hot, { length: cold.length, read: async (o, n) => cold.read(o, n) })]);
    const mb = (n: number): string => (n / 1e6).toFixed(1);
    return {
      build: { ms: parse.ms + compile.ms, cpuMs: parse.cpuMs + compile.cpuMs },
      load: coldLoad(['compact', hotFile, coldFile]),
      compile: { ms: compile.ms, cpuMs: compile.cpuMs }, // not the value: the built parts must not stay reachable
      wireBytes: wire.length,
      deltaBytes: this.sizes.delta,
      detail:
        `parse ${parse.ms.toFixed(0)} + build ${compile.ms.toFixed(0)} ms (cpu ${compile.cpuMs.toFixed(0)}); wire inflate+decode ${decoded.ms.toFixed(0)} ms (cpu ${decoded.cpuMs.toFixed(0)}); ` +
        `full check ${verify.ms.toFixed(0)} ms (cpu ${verify.cpuMs.toFixed(0)}); hot ${mb(this.sizes.hot)} MB resident, cold ${mb(this.sizes.cold)} MB in a file; ` +
        `wire ${mb(wire.length)} MB deflated; 1k+1k delta ${(this.sizes.delta / 1024).toFixed(1)} KiB`,
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
