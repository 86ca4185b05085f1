// Timing and memory probes. Needs `node --expose-gc`.

export interface Memory {
  heapUsed: number;
  /** ArrayBuffer backing stores (typed arrays); counted in `external` too. */
  arrayBuffers: number;
  external: number;
}

export function memory(): Memory {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run bench)');
  for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, external: m.external };
}

/** A use of `value` after a memory sample, so the GC cannot free it before. */
export function keepAlive(value: unknown): void {
  if (value === keepAlive) throw new Error('unreachable');
}

export function memoryDelta(before: Memory, after: Memory): Memory {
  return {
    heapUsed: after.heapUsed - before.heapUsed,
    arrayBuffers: after.arrayBuffers - before.arrayBuffers,
    external: after.external - before.external,
  };
}

export interface Timing {
  ms: number;
  cpuMs: number;
}

/**
 * Wall-clock and CPU milliseconds of `run`. CPU time (this process, all
 * threads) is reported too because on a busy 2-core machine the wall clock
 * mostly measures waiting for a core.
 */
export async function timed<T>(run: () => T | Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
}

/**
 * Lookups per second of several matchers over the same `urls`, timed in
 * alternating chunks (the order rotating each round), so that load from other
 * processes on a shared machine falls on all of them alike instead of on
 * whichever ran during a busy spell: the ratios stay meaningful.
 */
export function interleavedRates(urls: readonly string[], matchers: ReadonlyArray<(url: string) => boolean>, chunk = 20_000): Array<{ perSecond: number; hits: number }> {
  const ms = matchers.map(() => 0);
  const hits = matchers.map(() => 0);
  for (let from = 0, round = 0; from < urls.length; from += chunk, round++) {
    const to = Math.min(urls.length, from + chunk);
    for (let k = 0; k < matchers.length; k++) {
      const m = (k + round) % matchers.length;
      const isHit = matchers[m]!;
      const start = performance.now();
      for (let i = from; i < to; i++) if (isHit(urls[i]!)) hits[m]!++;
      ms[m]! += performance.now() - start;
    }
  }
  return ms.map((t, m) => ({ perSecond: urls.length / (t / 1000), hits: hits[m]! }));
}
