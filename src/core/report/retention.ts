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
 * older than `maxDays`: the oldest go first (ties: the lower id, the earlier write).
 */
export function idsOverCap(events: readonly Pick<StopEvent, 'id' | 'time'>[], r: Retention, now: number): number[] {
  const cutoff = oldestKept(r, now);
  const byAge = [...events].sort((a, b) => a.time - b.time || (a.id ?? 0) - (b.id ?? 0));
  const tooOld = byAge.filter((e) => e.time < cutoff);
  const young = byAge.slice(tooOld.length);
  const tooMany = young.slice(0, Math.max(0, young.length - r.maxEvents));
  return [...tooOld, ...tooMany].flatMap((e) => (e.id === undefined ? [] : [e.id]));
}
