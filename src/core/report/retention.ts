// How long and how many report rows are kept. Both are admin-settable
// (policy reportMaxEvents / reportMaxDays, parsed in core/policy).
import type { StopEvent } from './event.ts';

export interface Retention {
  maxEvents: number;
  maxDays: number;
}

const DAY_MS = 86_400_000;

/** The oldest time still kept at `now`. */
export const oldestKept = (r: Retention, now: number): number => now - r.maxDays * DAY_MS;

/**
 * The ids to delete so that what is left is at most `maxEvents` rows, none
 * older than `maxDays`: the oldest go first (ties: the lower id, the earlier
 * write). `events` may be only the oldest rows of a bigger store of `total`
 * rows (the store reads no more than it must), as long as it holds every row
 * that goes.
 */
export function idsOverCap(events: readonly Pick<StopEvent, 'id' | 'time'>[], r: Retention, now: number, total = events.length): number[] {
  const cutoff = oldestKept(r, now);
  const byAge = [...events].sort((a, b) => a.time - b.time || (a.id ?? 0) - (b.id ?? 0));
  const tooOld = byAge.filter((e) => e.time < cutoff);
  const excess = Math.max(0, total - tooOld.length - r.maxEvents);
  const tooMany = byAge.slice(tooOld.length, tooOld.length + excess);
  return [...tooOld, ...tooMany].flatMap((e) => (e.id === undefined ? [] : [e.id]));
}

/** How many of the oldest rows a store must read for idsOverCap, given its size and how many are past the age cap. */
export const rowsToExamine = (total: number, tooOld: number, r: Retention): number => tooOld + Math.max(0, total - tooOld - r.maxEvents);
