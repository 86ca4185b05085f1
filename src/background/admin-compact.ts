// The admin bundle as the compact engine (core/engine/compact): built from the
// bundle in force in the background, verified whole, stored beside it
// (platform/bundle-store.ts), and opened at each worker start: the hot table
// resident, the records left in IndexedDB until a lookup needs one.
//
// This is also the upgrade path from the previous version, which kept only
// the state (compiled v1 binaries) and perhaps a v1 'rebuilt': with no compact
// form stored, the worker answers from those exactly as before while it builds
// this one, and switches only once it is stored. Nothing is unprotected in
// between, and a compact form that fails to open is dropped, never used.
import { rebuildLists, summaryOf, unchangedColumns, type BundleState, type BundleSummary } from '../core/bundle/update.ts';
import type { WireColumns } from '../core/engine/compact/wire.ts';
import { macrotask } from '../platform/macrotask.ts';
import { buildCompactFromWireSteps, buildCompactSteps, CompactBlocklist, type CompactParts } from '../core/engine/compact/compact-blocklist.ts';
import { paced } from '../core/steps.ts';
import { TwoPhaseBlocklist } from '../core/engine/compact/two-phase.ts';
import { memorySource, type AsyncByteSource } from '../core/engine/compact/async-records.ts';
import { dropCompact, readBundle, readCompact, readRebuilt, writeCompact, type CompactRecord, type RebuiltLists, type StoredBundle } from '../platform/bundle-store.ts';

export interface CompactInForce {
  summary: BundleSummary;
  engine: TwoPhaseBlocklist;
}

/**
 * The complete lists of the state (deltas' removals applied), compact; not
 * yet checked (checkParts). Straight from the full bundle's columns when no
 * delta changed them (`decoded`: as verifying read them), else from its lists.
 */
export async function compactParts(state: BundleState, decoded?: WireColumns): Promise<CompactParts> {
  // Paced throughout: lookups are answered between the phases (about a second in all at 1M).
  const columns = await unchangedColumns(state, decoded, macrotask);
  const steps = columns
    ? buildCompactFromWireSteps(columns, state.overlay.lists.map((m, i) => ({ ...m, count: columns.meta[i]!.count })))
    : buildCompactSteps(await rebuildLists(state, macrotask));
  return paced(steps, macrotask);
}

/** Throws unless the parts read back whole as a reader checks them: a builder bug must never be stored. */
export async function checkParts(parts: CompactParts): Promise<void> {
  await paced(CompactBlocklist.verifySteps(parts), macrotask);
}

/** Builds and stores the compact form of `state`; false when another state came into force meanwhile. */
export async function storeCompact(state: BundleState, write: typeof writeCompact = writeCompact): Promise<boolean> {
  const parts = await compactParts(state);
  await checkParts(parts);
  return write(summaryOf(state), parts.hot, parts.cold);
}

/**
 * An update's compact form, in force from memory while it is checked and
 * stored (updater.ts): half a second sooner at 1M entries. Held only for that
 * write; what is stored is in force again after it, whatever its outcome.
 */
let updating: CompactInForce | null = null;

export async function holdInForce(compact: (CompactParts & { summary: BundleSummary }) | null): Promise<void> {
  updating = compact ? { summary: compact.summary, engine: await TwoPhaseBlocklist.open(compact.hot, memorySource(compact.cold)) } : null;
}

/** Opens a stored record; a damaged one is an error here, so the caller falls back to the state. */
export async function openRecord(record: CompactRecord): Promise<CompactInForce> {
  return { summary: record.summary, engine: await TwoPhaseBlocklist.open(record.hot, record.cold) };
}

/**
 * A source that reports its first failed read: a Blob whose file is gone
 * (site data cleared, disk error) fails every confirm after, so the worker
 * must stop relying on it rather than fail each lookup with a candidate.
 */
function watched(source: AsyncByteSource, onFailure: () => void): { source: AsyncByteSource; arm: () => void } {
  let armed = false; // failures while opening are the opener's to handle
  const watchedSource: AsyncByteSource = {
    length: source.length,
    read: (offset, length) =>
      source.read(offset, length).catch((e: unknown) => {
        if (armed) onFailure();
        armed = false;
        throw e;
      }),
  };
  return { source: watchedSource, arm: () => (armed = true) };
}

async function unusable(record: CompactRecord, e: unknown): Promise<boolean> {
  console.error('Takedown Guard: stored compact lists unusable, rebuilding them', e);
  return dropCompact(record);
}

/**
 * The compact form in force, or null (none yet, another format, or damaged:
 * then dropped, and rebuilt from the state). `reload` is called once its
 * records stop being readable later: it is dropped, and the state that
 * reload reads answers while it is rebuilt.
 */
export async function openCompact(reload: () => void): Promise<CompactInForce | null> {
  if (updating) return updating;
  const record = await readCompact();
  if (!record) return null;
  try {
    const cold = watched(record.cold, () => void unusable(record, 'records unreadable').then((dropped) => dropped && reload()));
    const compact = await openRecord({ ...record, cold: cold.source });
    cold.arm();
    return compact;
  } catch (e) {
    await unusable(record, e);
    return null;
  }
}

export interface BundleInForce {
  compact: CompactInForce | null;
  /** Read only without a usable compact form (a start then reads neither: tens of MB at 1M entries). */
  stored: StoredBundle | null;
  rebuilt: RebuiltLists | null;
}

/** What holds the admin bundle in force: its compact form if it opens, else the stored state (and an old rebuild). */
export async function bundleInForce(reload: () => void): Promise<BundleInForce> {
  const compact = await openCompact(reload);
  if (compact) return { compact, stored: null, rebuilt: null };
  return { compact: null, stored: await readBundle(), rebuilt: await readRebuilt() };
}
