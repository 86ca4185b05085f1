// When to check for updates next. Jitter spreads an organisation's browsers so
// they do not all hit the update server in the same minute; failures back off
// exponentially (1, 2, 4 ... minutes) up to the normal interval.

export interface ScheduleInput {
  intervalMinutes: number;
  /** Consecutive failed checks; 0 after a success. */
  failures: number;
  /** Uniform in [0, 1): Math.random in production, fixed in tests. */
  random: () => number;
}

const FIRST_RETRY_MINUTES = 1;

/** Minutes until the next check; null when no update URL is set (never fetch). */
export function nextCheckMinutes(urls: readonly string[], input: ScheduleInput): number | null {
  if (urls.length === 0) return null;
  const interval = Math.max(1, input.intervalMinutes);
  if (input.failures <= 0) return interval * (0.9 + 0.2 * input.random());
  const backoff = Math.min(interval, FIRST_RETRY_MINUTES * 2 ** Math.min(30, input.failures - 1));
  // "Equal jitter": at least half the backoff, so retries never collapse to zero.
  return backoff / 2 + (backoff / 2) * input.random();
}
