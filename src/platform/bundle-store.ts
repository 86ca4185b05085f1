// IndexedDB store of the admin bundle in force (DB 'takedown-guard-admin' v1,
// one object store 'bundle', out-of-line keys):
//
// - 'state': StoredBundle, the verified bundle in force (BundleState: a format-2
//   bundle's gzipped wire section, ~7 bytes an entry, or a format-1 bundle's
//   compiled binaries and entry tables as earlier versions stored them; and
//   the delta overlay). Written with ONE put by the
//   updater, so a worker killed mid-update leaves the old state or the new one.
// - 'seq': that state's seq alone, so checking it does not read the state
//   (absent in stores written before it: then the state is read).
// - 'compact': StoredCompact, the same lists (deltas applied) as the compact
//   engine: hot table (resident) and cold records as a Blob, which stays on
//   disk; lookups read `blob.slice(a, b)` only to confirm a candidate.
// - 'rebuilt': the previous version's recompile after delta removals (v1
//   binary); read only until a 'compact' replaces it.
//
// The upgrade path: the worker uses 'compact' when present (it is current:
// writing a state deletes it in the same transaction); otherwise 'state' (and
// 'rebuilt') stay in force while it builds the compact form in the background
// and stores it, only if the state it was made from is still the one in force.
// BundleState holds Maps and Sets: IndexedDB's structured clone keeps them.
import { openDB, type IDBPDatabase } from 'idb';
import type { BundleState, BundleSummary } from '../core/bundle/update.ts';
import type { AsyncByteSource } from '../core/engine/compact/async-records.ts';

export interface StoredBundle {
  state: BundleState;
  /** SHA-256 (hex) of the bytes that produced it: the same download again is "up to date", not an error. */
  sha256: string;
}

/** The admin lists compiled from base + deltas (removals applied), valid only for `seq`. */
export interface RebuiltLists {
  seq: number;
  compiled: Uint8Array;
}

/** Version of the StoredCompact record (the hot and cold sections carry their own format versions). */
export const COMPACT_STORE_FORMAT = 1;

export interface StoredCompact {
  format: typeof COMPACT_STORE_FORMAT;
  summary: BundleSummary;
  hot: Uint8Array;
  cold: Blob;
}

/** A StoredCompact as read: the cold records as a source of byte ranges of the Blob. */
export interface CompactRecord {
  summary: BundleSummary;
  hot: Uint8Array;
  cold: AsyncByteSource;
}

type Value = StoredBundle | RebuiltLists | StoredCompact | number;
type Db = IDBPDatabase<{ bundle: { key: string; value: Value } }>;

let db: Promise<Db> | undefined;
const open = (): Promise<Db> =>
  (db ??= openDB<{ bundle: { key: string; value: Value } }>('takedown-guard-admin', 1, {
    upgrade(d) {
      d.createObjectStore('bundle');
    },
  }));

/**
 * The state this worker wrote last, until its compact form is stored: the
 * reload after an update then need not read back the (up to ~50 MB) state.
 * Dropped once the compact form is in: keeping it would hold every binary.
 */
const memo: { state?: StoredBundle | null; compact?: CompactRecord | null } = {};

export async function readBundle(): Promise<StoredBundle | null> {
  if (memo.state !== undefined) return memo.state;
  return ((await (await open()).get('bundle', 'state')) as StoredBundle | undefined) ?? null;
}

export async function readRebuilt(): Promise<RebuiltLists | null> {
  return ((await (await open()).get('bundle', 'rebuilt')) as RebuiltLists | undefined) ?? null;
}

export const blobSource = (blob: Blob): AsyncByteSource => ({
  length: blob.size,
  read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
});

/** A record of another format (an older or newer version) is not an error: it is rebuilt from the state. */
function compactOf(value: unknown): CompactRecord | null {
  const v = value as Partial<StoredCompact> | undefined;
  if (v?.format !== COMPACT_STORE_FORMAT || !(v.hot instanceof Uint8Array) || !(v.cold instanceof Blob) || typeof v.summary?.seq !== 'number') return null;
  return { summary: v.summary, hot: v.hot, cold: blobSource(v.cold) };
}

export async function readCompact(): Promise<CompactRecord | null> {
  if (memo.compact === undefined) memo.compact = compactOf(await (await open()).get('bundle', 'compact'));
  return memo.compact;
}

const compactRecord = (summary: BundleSummary, hot: Uint8Array, cold: Uint8Array): StoredCompact => ({
  format: COMPACT_STORE_FORMAT,
  summary,
  hot,
  cold: new Blob([cold as Uint8Array<ArrayBuffer>]),
});

/**
 * Replaces the state in force atomically (one transaction), with its compact
 * form when the caller built it (verified whole), else with none: the old
 * one, now stale, goes with the old state.
 */
export async function writeBundle(stored: StoredBundle, compact: { summary: BundleSummary; hot: Uint8Array; cold: Uint8Array } | null = null): Promise<void> {
  const tx = (await open()).transaction('bundle', 'readwrite');
  const writeCompactPart = compact ? tx.store.put(compactRecord(compact.summary, compact.hot, compact.cold), 'compact') : tx.store.delete('compact');
  await Promise.all([tx.store.put(stored, 'state'), tx.store.put(stored.state.seq, 'seq'), tx.store.delete('rebuilt'), writeCompactPart, tx.done]);
  // With a compact form, both are read back on next use (see writeCompact).
  memo.state = compact ? undefined : stored;
  memo.compact = compact ? undefined : null;
}

/**
 * Stores the compact form only if the state it was made from is still in
 * force (one transaction). The caller has verified the parts whole
 * (CompactBlocklist.verify): damaged parts are never stored over good ones.
 */
export async function writeCompact(summary: BundleSummary, hot: Uint8Array, cold: Uint8Array): Promise<boolean> {
  const tx = (await open()).transaction('bundle', 'readwrite');
  const seq = ((await tx.store.get('seq')) as number | undefined) ?? ((await tx.store.get('state')) as StoredBundle | undefined)?.state.seq;
  if (seq !== summary.seq) {
    await tx.done;
    return false;
  }
  await Promise.all([tx.store.put(compactRecord(summary, hot, cold), 'compact'), tx.store.put(seq, 'seq'), tx.store.delete('rebuilt'), tx.done]);
  // Read back on next use: the Blob read from IndexedDB is the one backed by disk, not this in-memory one.
  memo.compact = undefined;
  memo.state = undefined;
  return true;
}

/**
 * Drops the compact form `record` (as readCompact gave it) when it cannot be
 * used: the state stays, and the next load rebuilds it. Only if it is still
 * the one stored: an engine of an earlier record, still answering while the
 * next one is loaded, must not drop its successor. True when dropped.
 */
export async function dropCompact(record: CompactRecord): Promise<boolean> {
  if (memo.compact !== record) return false;
  await (await open()).delete('bundle', 'compact');
  memo.compact = undefined;
  return true;
}
