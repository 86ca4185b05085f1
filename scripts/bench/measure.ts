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

/** Lookups per second over `urls`, and how many were hits. */
export function lookupRate(urls: readonly string[], isHit: (url: string) => boolean): { perSecond: number; hits: number } {
  let hits = 0;
  const start = performance.now();
  for (let i = 0; i < urls.length; i++) if (isHit(urls[i]!)) hits++;
  const seconds = (performance.now() - start) / 1000;
  return { perSecond: urls.length / seconds, hits };
}
