// The report page's filters, as a pure function of the rows.
import { utcDay, type StopEvent, type StopKind } from './event.ts';

export interface ReportFilter {
  /** null = every kind / every list. */
  kind: StopKind | null;
  list: string | null;
  /** Inclusive UTC days `YYYY-MM-DD`; '' = open. */
  from: string;
  to: string;
  /** Case-insensitive part of the host; '' = any. */
  host: string;
}

export const NO_FILTER: Readonly<ReportFilter> = Object.freeze({ kind: null, list: null, from: '', to: '', host: '' });

export function filterEvents(events: readonly StopEvent[], f: ReportFilter): StopEvent[] {
  const host = f.host.trim().toLowerCase();
  return events.filter((e) => {
    const day = utcDay(e.time);
    return (f.kind === null || e.kind === f.kind)
      && (f.list === null || e.list === f.list)
      && (f.from === '' || day >= f.from)
      && (f.to === '' || day <= f.to)
      && (host === '' || e.host.toLowerCase().includes(host));
  });
}
