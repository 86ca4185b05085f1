// `npm run bench`: this engine and its compact successor (src/core/engine/compact)
// vs a plain Set vs uBlock Origin's static network filtering engine, on seeded
// synthetic lists (10k, 100k, 1M registrable domains) and 1M query URLs (~1% hits). Exits 1 if the engines disagree on a
// hit count. BENCH_SIZES=10000,100000 and BENCH_QUERIES=N shorten a run.
// Lookups are timed in alternating chunks across engines (measure.ts), so the
// ratios hold on a busy machine; build and load times are printed with their
// CPU time for the same reason.
// Then the look-alike check's hosts/s against a naive peer (scripts/bench/lookalike.ts);
// BENCH_PARTS=lookalike runs that part alone.
import { Blocklist } from '../src/core/engine/blocklist.ts';
import { readUrl } from '../src/core/url/readings.ts';
import { CompactEngine } from './bench/compact-engine.ts';
import { SetEngine, TakedownGuardEngine, UboEngine, type BenchEngine } from './bench/engines.ts';
import { interleavedRates, keepAlive, memory, memoryDelta } from './bench/measure.ts';
import { compactTargets, ratio, table, targets, type Row } from './bench/report.ts';
import { syntheticDomains, syntheticUrls } from './bench/synthetic.ts';
import { benchLookalike, lookalikeReport } from './bench/lookalike.ts';

const SIZES = (process.env['BENCH_SIZES'] ?? '10000,100000,1000000').split(',').map(Number);
const QUERIES = Number(process.env['BENCH_QUERIES'] ?? 1_000_000);
const HIT_RATE = 0.01;
const WARM_UP = 10_000;
const PARTS = new Set((process.env['BENCH_PARTS'] ?? 'engine,lookalike').split(','));

/** Builds the engine and measures its memory; lookups are timed later, interleaved with the other engines'. */
async function prepareEngine(engine: BenchEngine, domains: readonly string[]): Promise<Omit<Row, 'lookupsPerSecond' | 'hits' | 'queries' | 'freedPerEntry'>> {
  const text = engine.listText(domains);
  const before = memory();
  const prepared = await engine.prepare(text);
  // The compact engine's signed-bundle sizing (web streams) lets go of its
  // copy of the entries only some time after its promise settles: sampled at
  // once, one run in two read it as resident (+106 B/entry at 1M), and after
  // 20 ms still some runs did. 200 ms read clean in every run tried.
  await new Promise((r) => setTimeout(r, 200));
  // The list text stays alive across both samples, so only the engine's own memory is counted.
  const used = memoryDelta(before, memory());
  keepAlive(text);
  return {
    entries: domains.length,
    engine: engine.name,
    build: prepared.build,
    load: prepared.load,
    compile: prepared.compile,
    heapPerEntry: used.heapUsed / domains.length,
    buffersPerEntry: used.arrayBuffers / domains.length,
    wireBytes: prepared.wireBytes ?? null,
    deltaBytes: prepared.deltaBytes ?? null,
    detail: prepared.detail,
  };
}

/** Every engine built (all alive at once), then their lookups timed in alternating chunks. */
async function measureEngines(engines: readonly BenchEngine[], domains: readonly string[], urls: readonly string[]): Promise<Row[]> {
  const prepared = [];
  for (const engine of engines) prepared.push(await prepareEngine(engine, domains));
  const rates = interleavedRates(urls, engines.map((e) => (u: string) => e.isHit(u)));
  const freed: number[] = [];
  for (const engine of engines) {
    const holding = memory();
    await engine.release();
    const after = memory();
    freed.push((holding.heapUsed - after.heapUsed + holding.arrayBuffers - after.arrayBuffers) / domains.length);
  }
  return prepared.map((p, i) => ({ ...p, freedPerEntry: freed[i]!, lookupsPerSecond: rates[i]!.perSecond, hits: rates[i]!.hits, queries: urls.length }));
}

/** Our matcher alone: URLs are read (canonicalised) in untimed chunks, only matching is timed. */
function measureMatchOnly(domains: readonly string[], urls: readonly string[]): Row {
  const list = Blocklist.fromLists([{ meta: { id: 'synthetic', title: 'synthetic', origin: 'court', count: 0 }, entries: domains.map((d, i) => ({ expression: `${d}/`, kind: 'domain' as const, line: i + 1 })) }]);
  let ms = 0;
  let hits = 0;
  for (let i = 0; i < urls.length; i += 10_000) {
    const readings = urls.slice(i, i + 10_000).map((u) => readUrl(u).readings);
    const start = performance.now();
    for (const r of readings) if (list.matchReadings(r)) hits++;
    ms += performance.now() - start;
  }
  return { entries: domains.length, engine: 'takedown-guard (match only)', build: null, load: null, heapPerEntry: null, buffersPerEntry: null, freedPerEntry: null, wireBytes: null, deltaBytes: null, lookupsPerSecond: urls.length / (ms / 1000), hits, queries: urls.length, detail: 'URLs pre-read by readUrl, untimed' };
}

async function main(): Promise<number> {
  const code = PARTS.has('engine') ? await engineBench() : 0;
  if (PARTS.has('lookalike')) console.log(`\n${lookalikeReport(benchLookalike()).join('\n')}`);
  return code;
}

async function engineBench(): Promise<number> {
  // Built in this order, each staying alive while the next is built (their lookups are interleaved):
  // the compact engine first, so its build meets the smallest heap and pays the shared code's warm-up;
  // uBO last, as it frees memory lazily, which would show as a negative delta in a later engine's sample.
  const compactEngine = new CompactEngine();
  const engines: BenchEngine[] = [compactEngine, new TakedownGuardEngine(), new SetEngine(), await UboEngine.create()];
  // A small untimed round first, so the first measured build does not also pay for compiling the shared code
  // (a fixed cost, which would read as bytes an entry in the heap sample of whichever engine is built first).
  const warmUp = syntheticDomains(WARM_UP, 0x3a7e);
  await measureEngines(engines, warmUp, syntheticUrls(WARM_UP, warmUp, HIT_RATE, 0x3a7f));
  const rows: Row[] = [];
  let disagree = false;
  for (const size of SIZES) {
    const domains = syntheticDomains(size, 0x5eed + size);
    const urls = syntheticUrls(QUERIES, domains, HIT_RATE, 0xc0ffee + size);
    const sized = await measureEngines(engines, domains, urls);
    for (const row of sized) console.error(`${size} ${row.engine}: ${Math.round(row.lookupsPerSecond)} lookups/s, ${row.hits} hits`);
    sized.push(measureMatchOnly(domains, urls));
    const counts = new Set(sized.map((r) => r.hits));
    if (counts.size !== 1) disagree = true;
    console.error(`${size}: hit counts ${counts.size === 1 ? 'agree' : 'DISAGREE'}: ${sized.map((r) => `${r.engine}=${r.hits}`).join(', ')}`);
    rows.push(...sized);
  }
  console.log(table(rows));
  for (const size of SIZES) {
    const row = (name: string) => rows.find((r) => r.entries === size && r.engine === name);
    const [ours, set, ubo, compact] = ['takedown-guard', 'js Set', 'uBO SNFE', compactEngine.name].map(row);
    console.log(`\n${size} entries: takedown-guard vs uBO ${ratio(ours, ubo)}, vs Set ${ratio(ours, set)}; compact vs uBO ${ratio(compact, ubo)}, vs Set ${ratio(compact, set)}, vs takedown-guard ${ratio(compact, ours)} (lookups/s)`);
    if (size === 1_000_000 && ours && set && ubo && compact) {
      console.log('  takedown-guard (current engine):');
      for (const t of targets(ours, set, ubo)) console.log(`    ${t.ok ? 'PASS' : 'MISS'} ${t.name}: ${t.value}`);
      console.log('  compact engine:');
      for (const t of compactTargets(compact, set, ubo)) console.log(`    ${t.ok ? 'PASS' : 'MISS'} ${t.name}: ${t.value}`);
    }
  }
  console.log(disagree ? '\nHIT COUNTS DISAGREE' : '\nAll engines agree on every hit count.');
  return disagree ? 1 : 0;
}

process.exitCode = await main();
