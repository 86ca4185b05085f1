// The numbers behind the report's chart (and its accessible table): stops per
// UTC day and per list, counting a subresource row as its count.
import { utcDay, type StopEvent } from './event.ts';

export interface Tally {
  /** A UTC day (`YYYY-MM-DD`) or a list id ('' = look-alikes, in no list). */
  key: string;
  /** For lists: the title shown; for days: the day. */
  label: string;
  count: number;
}

function tally(events: readonly StopEvent[], keyOf: (e: StopEvent) => string, labelOf: (e: StopEvent) => string): Tally[] {
  const out = new Map<string, Tally>();
  for (const e of events) {
    const key = keyOf(e);
    const t = out.get(key) ?? { key, label: labelOf(e), count: 0 };
    t.count += e.count;
    out.set(key, t);
  }
  return [...out.values()];
}

/** Oldest day first; days without a stop are left out. */
export function stopsPerDay(events: readonly StopEvent[]): Tally[] {
  return tally(events, (e) => utcDay(e.time), (e) => utcDay(e.time)).sort((a, b) => a.key.localeCompare(b.key));
}

/** Most stops first, then by list id. */
export function stopsPerList(events: readonly StopEvent[]): Tally[] {
  return tally(events, (e) => e.list, (e) => e.listTitle || e.list).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export const totalStops = (events: readonly StopEvent[]): number => events.reduce((n, e) => n + e.count, 0);
