import { useEffect, useState } from 'preact/hooks';

export type Async<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: string };

/** Runs `load` once (again whenever a value in `deps` changes) and tracks its result. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[] = []): Async<T> {
  const [result, setResult] = useState<Async<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setResult({ state: 'ready', value }),
      (e: unknown) => current && setResult({ state: 'error', error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, deps);
  return result;
}
