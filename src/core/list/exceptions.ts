// Exception rules (`@@||host^`, a MetaMask whitelist) against the block
// entries of the same list. An entry wholly inside an exception is dropped
// (the list's own verdict: not blocked). An entry that an exception only
// carves a hole in cannot be stored without blocking that hole too, so it is
// dropped as well, and reported: we never widen a rule over its exception.
import type { ParsedEntry } from './types.ts';

export interface AllowRule {
  expression: string;
  line: number;
  /** False when the scope was widened from a pattern or options: it can then only narrow, never cover. */
  exact: boolean;
}

export interface Dropped {
  entry: ParsedEntry;
  /** `allowed`: the exception covers the whole entry; `narrowed`: only part of it. */
  code: 'allowed' | 'narrowed';
  /** The line of the exception that decided it. */
  by: number;
}

interface Scope {
  host: string;
  /** From the first `/`, query included. */
  path: string;
  line: number;
  exact: boolean;
}

function scopeOf(expression: string, line: number, exact = true): Scope {
  const slash = expression.indexOf('/');
  return { host: expression.slice(0, slash), path: expression.slice(slash), line, exact };
}

/** `a.b.c` -> `a.b.c`, `b.c`, `c`. */
function suffixes(host: string): string[] {
  if (host[0] === '[') return [host];
  const labels = host.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

function push(map: Map<string, Scope[]>, key: string, s: Scope): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [s]);
  else list.push(s);
}

const isUnder = (host: string, parent: string): boolean => host === parent || host.endsWith('.' + parent);

function covers(allow: Scope, entry: Scope): boolean {
  if (!allow.exact || !isUnder(entry.host, allow.host) || !entry.path.startsWith(allow.path)) return false;
  return allow.path.endsWith('/') || allow.path === entry.path;
}

const overlaps = (a: Scope, e: Scope): boolean => a.path.startsWith(e.path) || e.path.startsWith(a.path);

/** Splits `entries` into those kept and those an exception drops. Linear in entries x labels. */
export function applyExceptions(entries: ParsedEntry[], allows: readonly AllowRule[]): { kept: ParsedEntry[]; dropped: Dropped[] } {
  if (allows.length === 0) return { kept: entries, dropped: [] };
  const atHost = new Map<string, Scope[]>();
  const atOrBelow = new Map<string, Scope[]>();
  for (const a of allows) {
    const s = scopeOf(a.expression, a.line, a.exact);
    push(atHost, s.host, s);
    for (const suffix of suffixes(s.host)) push(atOrBelow, suffix, s);
  }
  const kept: ParsedEntry[] = [];
  const dropped: Dropped[] = [];
  for (const entry of entries) {
    const e = scopeOf(entry.expression, entry.line);
    const above = suffixes(e.host).flatMap((h) => atHost.get(h) ?? []);
    const cover = above.find((a) => covers(a, e));
    const hole = cover ?? [...above, ...(atOrBelow.get(e.host) ?? [])].find((a) => overlaps(a, e));
    if (hole === undefined) kept.push(entry);
    else dropped.push({ entry, code: cover !== undefined ? 'allowed' : 'narrowed', by: hole.line });
  }
  return { kept, dropped };
}
