// The hot table's side of a lookup, shared by the synchronous engine
// (compact-blocklist.ts, records in a buffer) and the two-phase one
// (two-phase.ts, records in IndexedDB): which table entries may be the loaded
// reading's expressions, most specific first.
import type { LookupFingerprints } from '../expressions.ts';
import { HotTable } from './hot-table.ts';

/**
 * Calls `visit(i, h, p)` for each entry i whose bucket, host half and path tag
 * agree with host suffix h and path variant p, in the order a match is chosen
 * (most specific host, then path, first; then table order), until it returns
 * true; returns whether one did.
 *
 * Per host suffix: one read of the bucket's filter; a host that passes it
 * (~5% of unlisted ones) scans the bucket's few keys for its host half; only
 * a listed host (or a false hit, see hot-table.ts) goes on to compare path
 * tags.
 */
export function scanCandidates(table: HotTable, l: LookupFingerprints, visit: (i: number, h: number, p: number) => boolean): boolean {
  const { index, keys } = table;
  const shift = 32 - table.q;
  for (let h = l.hostCount - 1; h >= 0; h--) {
    const hi = l.hi(h);
    const host = hi & 0xffff;
    const at = 3 * (hi >>> shift);
    if (!HotTable.mayHold(index, at, host)) continue;
    let start = index[at]!;
    const end = index[at + 3]!;
    while (start < end && keys[start]! >>> 16 < host) start++;
    let stop = start;
    while (stop < end && keys[stop]! >>> 16 === host) stop++;
    for (let p = l.pathCount - 1; p >= 0 && start < stop; p--) {
      const tag = l.lo(h, p) >>> 16;
      for (let i = start; i < stop; i++) {
        if ((keys[i]! & 0xffff) === tag && visit(i, h, p)) return true;
      }
    }
  }
  return false;
}
