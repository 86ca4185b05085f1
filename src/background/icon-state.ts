// What the toolbar button says: pure decisions, so they are unit-tested in node
// (src/background/toolbar-icon.ts applies them).
import type { Finding, UpdateStatus } from '../messages/protocol.ts';

export type IconState = 'protected' | 'blocked' | 'suspected' | 'stale';

/** Failing admin updates for longer than this make the lists "out of date". */
export const STALE_AFTER_DAYS = 3;
const DAY = 86_400_000;

/**
 * The admin lists are out of date when the signed bundle in force has expired,
 * or when updates are configured and have been failing for STALE_AFTER_DAYS
 * since the last success. Never a success while failing counts at once: the
 * admin's lists are then not in force at all.
 */
export function listsOutOfDate(bundleExpires: string | null, update: UpdateStatus, now: number): boolean {
  if (bundleExpires !== null && Date.parse(bundleExpires) <= now) return true;
  if (update.nextCheck === null || update.lastError === null) return false;
  const since = Date.parse(update.lastSuccess ?? '');
  return Number.isNaN(since) || now - since > STALE_AFTER_DAYS * DAY;
}

/** A tab's state: its own finding first, then the lists' freshness. */
export function iconState(finding: Finding | null, stale: boolean): IconState {
  if (finding) return finding.level;
  return stale ? 'stale' : 'protected';
}

/** Badge text and colour per state; the title is a localised string (key `icon_<state>`). */
export const ICON_BADGES: Readonly<Record<IconState, { badge: string; colour: string }>> = {
  protected: { badge: '', colour: '#1b6e3a' },
  blocked: { badge: '!', colour: '#b3261e' },
  suspected: { badge: '?', colour: '#8a5300' },
  stale: { badge: '…', colour: '#5f5f5f' },
};
