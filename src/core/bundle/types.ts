// Shapes of a signed update bundle once decoded. The byte layout is in format.ts.
import type { WireColumns } from '../engine/compact/wire.ts';
import type { ListMeta } from '../model.ts';
import type { EntryKind } from '../url/entry.ts';

/** Every EntryKind, for checking decoded records (the compile-time check keeps it in sync). */
export const ENTRY_KINDS = ['domain', 'prefix', 'exact', 'ip'] as const satisfies readonly EntryKind[];

export type BundleKind = 'full' | 'delta';

/** One list entry as carried in a bundle: structurally a ParsedList entry, so the engine compiles it as is. */
export interface BundleEntry {
  expression: string;
  kind: EntryKind;
  /** 1-based line in the list's source file. */
  line: number;
}

/** Signed metadata, serialised as canonical JSON (fixed key order) inside the signed bytes. */
export interface BundleHeader {
  kind: BundleKind;
  /** Strictly increasing per publisher: a bundle is accepted only when seq > the one in force. */
  seq: number;
  /** For a delta: the seq it applies to. null for a full bundle. */
  baseSeq: number | null;
  /** ISO 8601 instants. */
  created: string;
  expires: string;
  /** Free text shown in the status (who signed it). */
  publisher: string;
  /** Free text bundle name (the admin's --name). */
  name: string;
  /** The lists in force once this bundle is applied, with their provenance and counts. */
  lists: ListMeta[];
}

/** A full bundle's payload for one list (same order as header.lists): its entries (format 2 carries them as the compact wire form). */
export interface BundleListPayload {
  entries: BundleEntry[];
}

/** A format-1 full bundle's payload for one list: written only by tests and migration tools now. */
export interface LegacyListPayload {
  /** The engine's compiled binary, opaque here. */
  compiled: Uint8Array;
  /** The list's entries, kept so a later `diff` can compute a delta without decompiling. */
  entries: BundleEntry[];
}

export interface DeltaAdd extends BundleEntry {
  list: string;
}

export interface DeltaRemove {
  list: string;
  expression: string;
}

export interface DeltaPayload {
  adds: DeltaAdd[];
  removes: DeltaRemove[];
}

/** What the signer supplies: a header plus the payload matching its kind. */
export type BundleParts =
  | { header: BundleHeader & { kind: 'full' }; lists: BundleListPayload[] }
  | { header: BundleHeader & { kind: 'delta' }; delta: DeltaPayload };

/** A verified bundle. */
export interface VerifiedBundle {
  /** Bundle format version (format.ts): 1 or 2. */
  version: number;
  header: BundleHeader;
  /** Hex of the signing key's 8-byte id (see keys.ts). */
  keyId: string;
  /** Format-1 full bundles: compiled list bytes, index-aligned with header.lists (views into the input); else empty. */
  compiled: Uint8Array[];
  /** Format-1 full bundles: gzipped entry tables per list; decode with `bundleEntries`; else empty. */
  encodedEntries: Uint8Array[];
  /** Format-2 full bundles: the gzipped compact wire section (what BundleState stores), else null. */
  wire: Uint8Array | null;
  /** Format-2 full bundles: the section decoded as columns (and checked against the header) on verify; entries with `bundleEntries`. */
  columns: WireColumns | null;
  /** Deltas only. */
  delta: DeltaPayload | null;
}
