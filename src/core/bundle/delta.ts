// Deltas: computing one between two full bundles (admin side) and applying a
// chain of them on top of the full bundle in force (extension side).
//
// Applying never touches the base's compiled lists: the result is an overlay
// (entries added and removed per list), so a 1k-entry delta costs O(overlay +
// delta) whatever the base size. The engine compiles `overlayAdds` (small) and
// ignores matches that `isRemoved` names; a later full bundle clears the overlay.
// Caveat: a matcher that reports only the most specific match could let a removed
// `evil.com/login.html` hide a still-listed `evil.com/`; `rebuildLists` (update.ts)
// gives the exact lists to compile in the background after removals.
// Overlays hold Maps and Sets: store them with structured clone (IndexedDB), not JSON.
import type { ListMeta } from '../model.ts';
import type { BundleEntry, DeltaPayload, VerifiedBundle } from './types.ts';

/** A list with its entries: structurally a subset of the list parser's ParsedList. */
export interface EntryList {
  meta: ListMeta;
  entries: BundleEntry[];
}

export interface DeltaOverlay {
  /** Seq of the full bundle underneath. */
  fullSeq: number;
  /** Seq in force once the overlay applies (the last delta's). */
  seq: number;
  /** Lists in force with their counts; a base list missing here is dropped entirely. */
  lists: ListMeta[];
  added: Map<string, Map<string, BundleEntry>>;
  removed: Map<string, Set<string>>;
}

/**
 * The records that turn `prev` into `next` (lists only in `prev` are dropped by
 * the delta's header). An entry that only moved to another line is NOT recorded:
 * one line inserted at the top of a 1M-entry file would otherwise re-add every
 * entry. Line numbers of unchanged entries stay as in the base until the next
 * full bundle; they are provenance only and never change a verdict.
 */
export function diffLists(prev: readonly EntryList[], next: readonly EntryList[]): DeltaPayload {
  const delta: DeltaPayload = { adds: [], removes: [] };
  const before = new Map(prev.map((l) => [l.meta.id, l.entries]));
  for (const { meta, entries } of next) {
    const old = new Map((before.get(meta.id) ?? []).map((e) => [e.expression, e]));
    for (const e of entries) {
      const o = old.get(e.expression);
      if (!o || o.kind !== e.kind) delta.adds.push({ list: meta.id, ...e });
      old.delete(e.expression);
    }
    for (const expression of old.keys()) delta.removes.push({ list: meta.id, expression });
  }
  return delta;
}

/** An empty overlay over the full bundle `fullSeq` (call after accepting a full bundle). */
export function emptyOverlay(fullSeq: number, lists: ListMeta[]): DeltaOverlay {
  return { fullSeq, seq: fullSeq, lists, added: new Map(), removed: new Map() };
}

function copyKept<V>(source: Map<string, V>, keep: Set<string>, copy: (v: V) => V): Map<string, V> {
  const out = new Map<string, V>();
  for (const [list, v] of source) if (keep.has(list)) out.set(list, copy(v));
  return out;
}

function bucket<V>(map: Map<string, V>, list: string, make: () => V): V {
  let v = map.get(list);
  if (v === undefined) map.set(list, (v = make()));
  return v;
}

/**
 * Applies a verified delta (its base already checked by verifyBundle) to the
 * overlay in force. Returns a new overlay; the old one is left untouched so the
 * caller can swap atomically.
 */
export function applyDelta(overlay: DeltaOverlay, delta: VerifiedBundle): DeltaOverlay {
  if (!delta.delta || delta.header.baseSeq !== overlay.seq) throw new Error(`delta for ${delta.header.baseSeq} applied to ${overlay.seq}`);
  const keep = new Set(delta.header.lists.map((l) => l.id));
  const added = copyKept(overlay.added, keep, (m) => new Map(m));
  const removed = copyKept(overlay.removed, keep, (s) => new Set(s));
  for (const r of delta.delta.removes) {
    added.get(r.list)?.delete(r.expression);
    bucket(removed, r.list, () => new Set<string>()).add(r.expression);
  }
  for (const { list, ...entry } of delta.delta.adds) {
    removed.get(list)?.delete(entry.expression);
    bucket(added, list, () => new Map<string, BundleEntry>()).set(entry.expression, entry);
  }
  return { fullSeq: overlay.fullSeq, seq: delta.header.seq, lists: delta.header.lists, added, removed };
}

/** True when the overlay removed this entry: the engine must not report it as a match. */
export function isRemoved(overlay: DeltaOverlay, list: string, expression: string): boolean {
  return overlay.removed.get(list)?.has(expression) === true || !overlay.lists.some((l) => l.id === list);
}

/** The added entries as lists to compile alongside the base (small: the sum of the deltas). */
export function overlayAdds(overlay: DeltaOverlay): EntryList[] {
  return overlay.lists
    .map((meta) => ({ meta, entries: [...(overlay.added.get(meta.id)?.values() ?? [])] }))
    .filter((l) => l.entries.length > 0);
}

/** Base entries plus overlay: the full lists the chain of deltas describes (for rebuilds and tests). */
export function materialize(base: readonly EntryList[], overlay: DeltaOverlay): EntryList[] {
  const baseById = new Map(base.map((l) => [l.meta.id, l.entries]));
  return overlay.lists.map((meta) => {
    const added = overlay.added.get(meta.id) ?? new Map<string, BundleEntry>();
    const removed = overlay.removed.get(meta.id) ?? new Set<string>();
    const base = baseById.get(meta.id) ?? [];
    if (added.size === 0 && removed.size === 0) return { meta, entries: base }; // a full bundle's: ~0.5 s of copying at 1M
    const kept = base.filter((e) => !removed.has(e.expression) && !added.has(e.expression));
    return { meta, entries: [...kept, ...added.values()] };
  });
}
