// Deltas between two versions of a list set, in the wire form (wire.ts): the
// entries added (with their lines in the new version) and the expressions
// removed. Applying one to the old lists gives lists with the same verdicts
// as the new version; the receiver then rebuilds the compact table.
import type { CompileList } from '../compile.ts';
import type { WireLists } from './wire.ts';

const keyOf = (listId: string, expression: string): string => `${listId}\n${expression}`;

export function diffLists(before: readonly CompileList[], after: readonly CompileList[]): WireLists {
  const old = new Set(before.flatMap((l) => l.entries.map((e) => keyOf(l.meta.id, e.expression))));
  const now = new Set(after.flatMap((l) => l.entries.map((e) => keyOf(l.meta.id, e.expression))));
  const lists = after
    .map((l) => ({ meta: l.meta, entries: l.entries.filter((e) => !old.has(keyOf(l.meta.id, e.expression))) }))
    .filter((l) => l.entries.length > 0);
  const removed = new Set<string>();
  for (const l of before) for (const e of l.entries) if (!now.has(keyOf(l.meta.id, e.expression))) removed.add(e.expression);
  // An expression dropped from one list but still in another must stay there.
  for (const l of after) for (const e of l.entries) if (removed.has(e.expression) && old.has(keyOf(l.meta.id, e.expression))) lists.push({ meta: l.meta, entries: [e] });
  return { lists: mergeById(lists), removed: [...removed] };
}

function mergeById(lists: readonly CompileList[]): CompileList[] {
  const byId = new Map<string, CompileList>();
  for (const l of lists) {
    const seen = byId.get(l.meta.id);
    byId.set(l.meta.id, seen ? { meta: seen.meta, entries: [...seen.entries, ...l.entries] } : { meta: l.meta, entries: [...l.entries] });
  }
  return [...byId.values()];
}

/** Removals first (from every list), then additions to the list of the same id, or a new list at the end. */
export function applyDelta(base: readonly CompileList[], delta: WireLists): CompileList[] {
  const removed = new Set(delta.removed);
  const lists = base.map((l) => ({ meta: l.meta, entries: l.entries.filter((e) => !removed.has(e.expression)) }));
  for (const add of delta.lists) {
    const target = lists.find((l) => l.meta.id === add.meta.id);
    if (target) target.entries.push(...add.entries);
    else lists.push({ meta: add.meta, entries: [...add.entries] });
  }
  return lists.map((l) => ({ meta: { ...l.meta, count: l.entries.length }, entries: l.entries }));
}
