// Which "Continue anyway" a warning offers when several lists are involved
// (a page and its form targets): the strictest of their lists' modes.
import type { ContinueMode, Finding } from '../messages/protocol.ts';
import { continueModeFor } from '../core/policy/index.ts';
import type { ManagedSettings } from '../core/policy/settings.ts';

const STRICTNESS: Record<ContinueMode, number> = { session: 0, 'timed-with-reason': 1, never: 2 };

/** The strictest mode of the blocked findings' lists; the default mode when none is blocked. */
export function continueModeForFindings(settings: ManagedSettings, findings: ReadonlyArray<Finding | null>): ContinueMode {
  const lists = findings.flatMap((f) => (f?.level === 'blocked' ? [f.match.list] : []));
  const modes = lists.length > 0 ? lists.map((l) => continueModeFor(settings, l)) : [continueModeFor(settings, '')];
  return modes.reduce((a, b) => (STRICTNESS[b] > STRICTNESS[a] ? b : a));
}
