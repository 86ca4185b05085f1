// The bench table, ratios and target checks.
import type { Timing } from './measure.ts';

export interface Row {
  entries: number;
  engine: string;
  build: Timing | null;
  load: Timing | null;
  compile?: Timing | undefined;
  heapPerEntry: number | null;
  buffersPerEntry: number | null;
  /** Heap + ArrayBuffers freed when the engine is dropped after its lookups: what it held, without the build's warm-up or garbage. */
  freedPerEntry: number | null;
  /** The shipped or stored form (see Prepared.wireBytes). */
  wireBytes: number | null;
  deltaBytes: number | null;
  lookupsPerSecond: number;
  hits: number;
  queries: number;
  detail: string;
}

const resident = (r: Row): number | null => (r.heapPerEntry === null ? null : r.heapPerEntry + (r.buffersPerEntry ?? 0));
/** The larger of the two readings (growth over the build, freed on release): either alone can read low when V8 frees something unrelated in between. */
const held = (r: Row): number | null => (r.heapPerEntry === null ? null : Math.max(resident(r)!, r.freedPerEntry ?? -Infinity));
const num = (v: number | null, digits = 0): string => (v === null ? '-' : v.toFixed(digits));
const time = (t: Timing | null, digits = 0): string => (t === null ? '-' : `${t.ms.toFixed(digits)} (${t.cpuMs.toFixed(digits)})`);
const COLUMNS: Array<[string, (r: Row) => string]> = [
  ['entries', (r) => String(r.entries)],
  ['engine', (r) => r.engine],
  ['build ms (cpu)', (r) => time(r.build)],
  ['load ms (cpu)', (r) => time(r.load, 1)],
  ['heap B/entry', (r) => num(r.heapPerEntry, 1)],
  ['arrayBuf B/entry', (r) => num(r.buffersPerEntry, 1)],
  ['resident B/entry', (r) => num(resident(r), 1)],
  ['freed B/entry', (r) => num(r.freedPerEntry, 1)],
  ['wire B/entry', (r) => num(r.wireBytes === null ? null : r.wireBytes / r.entries, 2)],
  ['lookups/s', (r) => Math.round(r.lookupsPerSecond).toLocaleString('en')],
  ['hits', (r) => `${r.hits}/${r.queries}`],
  ['notes', (r) => r.detail],
];

export function table(rows: readonly Row[]): string {
  const cells = [COLUMNS.map(([h]) => h), ...rows.map((r) => COLUMNS.map(([, f]) => f(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  const line = (c: string[]): string => `| ${c.map((s, i) => s.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(cells[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

export function ratio(a: Row | undefined, b: Row | undefined): string {
  return a && b ? `${(a.lookupsPerSecond / b.lookupsPerSecond).toFixed(2)}x` : 'n/a';
}

export interface Target {
  name: string;
  ok: boolean;
  value: string;
}

export function targets(ours: Row, set: Row, ubo: Row): Target[] {
  return [
    { name: 'lookups/s >= 2x uBO', ok: ours.lookupsPerSecond >= 2 * ubo.lookupsPerSecond, value: ratio(ours, ubo) },
    { name: 'lookups/s >= Set', ok: ours.lookupsPerSecond >= set.lookupsPerSecond, value: ratio(ours, set) },
    { name: 'heap <= 8 B/entry', ok: (ours.heapPerEntry ?? Infinity) <= 8, value: `${num(ours.heapPerEntry, 1)} B (+ ${num(ours.buffersPerEntry, 1)} B in ArrayBuffers)` },
    { name: 'load < 50 ms', ok: (ours.load?.ms ?? Infinity) < 50, value: `${time(ours.load, 1)} ms wall (cpu), fresh process` },
    { name: 'compile < 2 s', ok: (ours.compile?.ms ?? Infinity) < 2000, value: `${time(ours.compile ?? null)} ms wall (cpu); with parsing the text: ${time(ours.build)}` },
  ];
}

const MiB = 1024 * 1024;

/** Issue 12's targets for the compact engine, at 1M entries. */
export function compactTargets(c: Row, set: Row, ubo: Row): Target[] {
  const wire = c.wireBytes ?? Infinity;
  const delta = c.deltaBytes ?? Infinity;
  return [
    { name: 'resident (heap + ArrayBuffers) <= 8 B/entry', ok: (held(c) ?? Infinity) <= 8, value: `${num(held(c), 2)} B (the larger of: growth over the build ${num(resident(c), 2)} = heap ${num(c.heapPerEntry, 2)} + buffers ${num(c.buffersPerEntry, 2)}; freed when dropped ${num(c.freedPerEntry, 2)})` },
    { name: 'lookups/s >= 2x uBO', ok: c.lookupsPerSecond >= 2 * ubo.lookupsPerSecond, value: ratio(c, ubo) },
    { name: 'lookups/s >= Set', ok: c.lookupsPerSecond >= set.lookupsPerSecond, value: ratio(c, set) },
    { name: 'wire <= 8 B/entry (1M <= 8 MiB)', ok: wire / c.entries <= 8 || (c.entries === 1_000_000 && wire <= 8 * MiB), value: `${(wire / c.entries).toFixed(2)} B/entry, ${(wire / MiB).toFixed(2)} MiB` },
    { name: '1k-entry delta <= 20 KiB', ok: delta <= 20 * 1024, value: `${(delta / 1024).toFixed(1)} KiB (1k added + 1k removed)` },
    { name: 'load < 20 ms (fresh process)', ok: (c.load?.ms ?? Infinity) < 20, value: `${time(c.load, 1)} ms wall (cpu)` },
    { name: 'build from text < 2 s (parse included)', ok: (c.build?.ms ?? Infinity) < 2000, value: `${time(c.build)} ms wall (cpu); build alone ${time(c.compile ?? null)}` },
  ];
}
