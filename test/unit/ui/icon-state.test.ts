import { describe, expect, it } from 'vitest';
import { ICON_BADGES, iconState, listsOutOfDate, STALE_AFTER_DAYS } from '../../../src/background/icon-state.ts';
import type { UpdateStatus } from '../../../src/messages/protocol.ts';

const NOW = Date.parse('2026-06-10T12:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const status = (over: Partial<UpdateStatus>): UpdateStatus => ({
  lastCheck: null, lastSuccess: null, seq: null, lastError: null, nextCheck: iso(NOW + 3_600_000), failures: 0, ...over,
});
const failing = (lastSuccess: string | null): UpdateStatus =>
  status({ lastSuccess, lastError: { code: 'network', message: 'offline', at: iso(NOW - 60_000), url: 'https://lists.example/b' }, failures: 5 });

describe('toolbar icon state', () => {
  it('is out of date when the admin bundle expired', () => {
    expect(listsOutOfDate(iso(NOW - 1), status({}), NOW)).toBe(true);
    expect(listsOutOfDate(iso(NOW + DAY), status({}), NOW)).toBe(false);
  });

  it(`is out of date when updates have failed for more than ${STALE_AFTER_DAYS} days`, () => {
    expect(listsOutOfDate(null, failing(iso(NOW - (STALE_AFTER_DAYS + 1) * DAY)), NOW)).toBe(true);
    expect(listsOutOfDate(null, failing(iso(NOW - DAY)), NOW)).toBe(false);
    expect(listsOutOfDate(null, failing(null), NOW), 'never updated at all').toBe(true);
  });

  it('is never out of date without update URLs (bundled lists only) or without errors', () => {
    expect(listsOutOfDate(null, { ...failing(null), nextCheck: null }, NOW)).toBe(false);
    expect(listsOutOfDate(null, status({ lastSuccess: iso(NOW - 30 * DAY) }), NOW)).toBe(false);
  });

  it("puts the tab's own finding before the lists' freshness", () => {
    const blocked = { level: 'blocked', match: { entry: 'a.test/', list: 'l', line: 1 }, list: { id: 'l', title: 'L', origin: 'court', count: 1 } } as const;
    expect(iconState(blocked, true)).toBe('blocked');
    expect(iconState({ level: 'suspected', imitates: 'microsoft.com', brand: 'Microsoft', rule: 'skeleton', part: 'micr0soft', written: '0', means: 'o' }, false)).toBe('suspected');
    expect(iconState(null, true)).toBe('stale');
    expect(iconState(null, false)).toBe('protected');
    expect(ICON_BADGES.protected.badge).toBe('');
    expect(new Set(Object.values(ICON_BADGES).map((b) => b.badge)).size).toBe(4);
  });
});
