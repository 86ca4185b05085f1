import { useEffect, useState } from 'preact/hooks';

export type Async<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: string };

/** Runs `load` once and tracks its result. */
export function useAsync<T>(load: () => Promise<T>): Async<T> {
  const [result, setResult] = useState<Async<T>>({ state: 'loading' });
  useEffect(() => {
    load().then(
      (value) => setResult({ state: 'ready', value }),
      (e: unknown) => setResult({ state: 'error', error: e instanceof Error ? e.message : String(e) }),
    );
  }, []);
  return result;
}
