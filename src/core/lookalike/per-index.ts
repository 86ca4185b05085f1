// A table a rule derives from the protected index, built on first use and
// kept for as long as that index lives (a policy change builds a new index).
import type { ProtectedIndex } from './protected-index.ts';

export function perIndex<T>(build: (index: ProtectedIndex) => T): (index: ProtectedIndex) => T {
  const built = new WeakMap<ProtectedIndex, T>();
  return (index) => {
    const known = built.get(index);
    if (known !== undefined || built.has(index)) return known as T; // one lookup on the hot path; has() for a table that is null
    const value = build(index);
    built.set(index, value);
    return value;
  };
}
