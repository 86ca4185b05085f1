// Long computations of the worker (a 1M-entry decode, engine build or rule
// build, each about a second) are written as generators that yield between
// slices, so the worker can answer lookups in between: a service worker has
// no thread to hand them to. The core stays free of timers: whoever runs the
// steps says how to pause (the worker: a macrotask; tests and CLIs: not at all).

/** A computation cut into slices: each `yield` is a point where it may pause. */
export type Steps<T> = Generator<void, T, void>;

/** Gives the thread back between slices (e.g. `() => new Promise((r) => setTimeout(r, 0))`). */
export type Pause = () => Promise<void>;

/** Runs `steps` to their end in one go. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs `steps`, pausing between slices; without `pause`, in one go. */
export async function paced<T>(steps: Steps<T>, pause?: Pause): Promise<T> {
  if (!pause) return finish(steps);
  for (;;) {
    await pause();
    const r = steps.next();
    if (r.done) return r.value;
  }
}
