// A warning the content script shows, and the user's choice on it, into the
// local protection report. The worker decides what the row says (host,
// entry, list) from its own lists; the report never holds up a warning, so a
// worker that does not answer just leaves no row.
import type { ShownStopKind, StopChoice } from '../messages/protocol.ts';
import type { Ask } from './ask-worker.ts';

export interface StopReport {
  /** The warning for `url` is on screen: its report row's id (null: none written). */
  shown(kind: ShownStopKind, url: string): Promise<number | null>;
  /** What the user chose on that warning ("continue" past a block goes through proceed instead). */
  chose(id: Promise<number | null>, action: StopChoice): void;
}

export function stopReport(ask: Ask): StopReport {
  return {
    shown: (kind, url) => ask({ type: 'stopShown', kind, url }).then((r) => r.id, () => null),
    chose: (id, action) => void id.then((i) => (i === null ? undefined : ask({ type: 'stopChoice', id: i, action }))).catch(() => undefined),
  };
}
