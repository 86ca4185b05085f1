// The state transition of an update: bundle in force + downloaded bytes -> the
// next bundle in force, or the reason it was refused. Pure: the worker stores
// the returned state with ONE write (e.g. one IndexedDB put), so a worker killed
// midway leaves either the old state or the new one, never a mix.
import type { ListMeta } from '../model.ts';
import type { BundleError } from './errors.ts';
import { applyDelta, emptyOverlay, materialize, type DeltaOverlay, type EntryList } from './delta.ts';
import { decodeEntryTable, verifyBundle, type VerifyOptions } from './verify.ts';
import { findTrustedKey } from './keys.ts';
import { decodeListsSection, entriesOfSection } from './wire-section.ts';
import type { WireColumns } from '../engine/compact/wire.ts';
import type { Pause } from '../steps.ts';

export interface BundleState {
  /** Seq in force (the full bundle's, or the last delta's). */
  seq: number;
  /**
   * Format 2 full bundle underneath: its gzipped compact wire section (~8
   * bytes an entry), all `rebuildLists` needs. Absent in states stored from a
   * format-1 bundle (by this version or an earlier one).
   */
  wire?: Uint8Array;
  /** Format 1 only (empty for format 2): the compiled v1 binaries, index-aligned with fullLists. */
  compiled: Uint8Array[];
  fullLists: ListMeta[];
  /** Format 1 only (empty for format 2): the gzipped entry tables (~10 bytes/entry), for `rebuildLists`. */
  entryTables: Uint8Array[];
  /** Deltas applied since the full bundle (empty right after one). */
  overlay: DeltaOverlay;
  keyId: string;
  publisher: string;
  name: string;
  created: string;
  expires: string;
  /** When this state was accepted (ISO), for the status page. */
  appliedAt: string;
}

/**
 * `decoded`: a format-2 full bundle's section as verifying decoded it (its
 * columns), for `unchangedColumns(state, decoded)`: the worker builds its
 * engine from them instead of decoding the stored section again.
 */
export type UpdateResult = { ok: true; state: BundleState; decoded?: WireColumns } | { ok: false; error: BundleError };

/** Verifies `bytes` against the state in force and returns the state that replaces it. */
export async function nextState(
  current: BundleState | null,
  bytes: Uint8Array,
  opts: Omit<VerifyOptions, 'currentSeq' | 'now'> & { now: Date | number },
): Promise<UpdateResult> {
  const res = await verifyBundle(bytes, { ...opts, currentSeq: current?.seq ?? null });
  if (!res.ok) return res;
  const { header, keyId } = res.bundle;
  const common = {
    seq: header.seq, keyId, publisher: header.publisher, name: header.name,
    created: header.created, expires: header.expires, appliedAt: new Date(opts.now).toISOString(),
  };
  if (header.kind === 'full') {
    // Copies: the state must not keep the whole download buffer alive.
    const compiled = res.bundle.compiled.map((c) => c.slice());
    const entryTables = res.bundle.encodedEntries.map((t) => t.slice());
    const wire = res.bundle.wire ? { wire: res.bundle.wire.slice() } : {};
    const decoded = res.bundle.columns ? { decoded: res.bundle.columns } : {};
    return { ok: true, ...decoded, state: { ...common, ...wire, compiled, entryTables, fullLists: header.lists, overlay: emptyOverlay(header.seq, header.lists) } };
  }
  // verifyBundle already checked the base against current.seq, so current is set here.
  const base = current!;
  return { ok: true, state: { ...base, ...common, overlay: applyDelta(base.overlay, res.bundle) } };
}

/**
 * The complete lists the state describes (full bundle + deltas), to compile once
 * and replace base + overlay, e.g. in the background after a delta with removals.
 */
export async function rebuildLists(state: BundleState, pause?: Pause): Promise<EntryList[]> {
  return materialize(await baseLists(state, pause), state.overlay);
}

/**
 * A format-2 state's lists as its full bundle's columns, when no delta has
 * changed them since (null otherwise, or for format 1): what the compact
 * build reads with no entry objects. `decoded`: the same, from verifying.
 */
export async function unchangedColumns(state: BundleState, decoded?: WireColumns, pause?: Pause): Promise<WireColumns | null> {
  const o = state.overlay;
  const unchanged = o.added.size === 0 && o.removed.size === 0 && o.lists.length === state.fullLists.length && o.lists.every((l, i) => l.id === state.fullLists[i]!.id);
  if (!state.wire || !unchanged) return null;
  return decoded ?? decodeListsSection(state.wire, state.fullLists, pause);
}

/** The full bundle's lists, from whichever form the state holds (format 2 wire, or format 1 entry tables). */
async function baseLists(state: BundleState, pause?: Pause): Promise<EntryList[]> {
  if (state.wire) {
    const entries = await entriesOfSection(await decodeListsSection(state.wire, state.fullLists, pause), pause);
    return state.fullLists.map((meta, i) => ({ meta, entries: entries[i]! }));
  }
  return Promise.all(state.fullLists.map(async (meta, i) => ({ meta, entries: await decodeEntryTable(state.entryTables[i]!) })));
}

/**
 * False once the policy no longer trusts the key that signed the state in force
 * (a revoked key): the worker should then drop the admin lists and say why.
 */
export async function stillTrusted(state: Pick<BundleState, 'keyId'>, trustedKeys: readonly string[]): Promise<boolean> {
  return (await findTrustedKey(trustedKeys, state.keyId)) !== null;
}

/**
 * What the worker needs of the bundle in force once its lists are compiled
 * (status page, trust and expiry checks, state version): kept beside the
 * compact engine, so a worker start reads neither the compiled binaries nor
 * the entry tables of BundleState (tens of MB at 1M entries).
 */
export interface BundleSummary extends Pick<BundleState, 'seq' | 'keyId' | 'publisher' | 'name' | 'created' | 'expires' | 'appliedAt'> {
  /** The lists in force, with their current counts. */
  lists: ListMeta[];
  /** Whether deltas removed entries since the full bundle (the lists then differ from its binaries). */
  removals: boolean;
}

export function summaryOf(state: BundleState): BundleSummary {
  const { seq, keyId, publisher, name, created, expires, appliedAt } = state;
  return { seq, keyId, publisher, name, created, expires, appliedAt, lists: state.overlay.lists, removals: state.overlay.removed.size > 0 };
}
