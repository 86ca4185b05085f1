import { describe, expect, it } from 'vitest';
import { acceptableHost, MAX_HOST_LENGTH, MAX_LABEL_LENGTH } from '../../../src/core/lookalike/input-guard.ts';
import { hostParts } from '../../../src/core/lookalike/host-parts.ts';
import { buildProtectedIndex } from '../../../src/core/lookalike/protected-index.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';

const index = buildProtectedIndex();

describe('input guard', () => {
  it('normalises case, spaces and the trailing dot', () => {
    expect(acceptableHost(' Login.Micros0ft.COM. ')).toBe('login.micros0ft.com');
  });

  it.each([
    ['a host over 253 characters', `${'a.'.repeat(126)}com`],
    ['a label over 63 characters', `${'a'.repeat(MAX_LABEL_LENGTH + 1)}.com`],
    ['an empty label', 'login..microsoft.com'],
    ['a backslash', 'microsoft.com\\@evil.net'],
    ['a fragment', 'x.com#a.a.a'],
    ['a space inside', 'micro soft.com'],
    ['nothing', ''],
  ])('refuses %s', (_, host) => {
    expect(acceptableHost(host)).toBeNull();
    expect(lookalike(index, host)).toBeNull();
  });

  it('accepts the longest legal host and label', () => {
    const label = 'a'.repeat(MAX_LABEL_LENGTH);
    const host = [label, label, label, 'a'.repeat(MAX_HOST_LENGTH - 3 * 64 - 4), 'com'].join('.');
    expect(host.length).toBe(MAX_HOST_LENGTH);
    expect(acceptableHost(host)).toBe(host);
    expect(hostParts(host)).not.toBeNull();
  });
});

/** Fastest of several rounds, in ms per host, measured alternately so machine noise hits both sides alike. */
function fastest(sides: readonly (readonly string[])[], rounds = 9): number[] {
  const best = sides.map(() => Infinity);
  for (let r = 0; r < rounds; r++) {
    sides.forEach((hosts, i) => {
      const t0 = performance.now();
      for (const h of hosts) lookalike(index, h);
      best[i] = Math.min(best[i]!, (performance.now() - t0) / hosts.length);
    });
  }
  return best;
}

describe('linear cost', () => {
  // About 5x the input may cost about 5x; a walk quadratic in the dots would
  // cost about 25x. Ratios of the fastest rounds, not absolute times, so a
  // slow or busy machine does not fail it.
  const hostOf = (labels: number) => `${'ab-c.'.repeat(labels)}paypa1.com`;
  const many = (labels: number) => Array.from({ length: 200 }, (_, i) => `${i}${hostOf(labels)}`);

  it('grows at most linearly with the number of labels (n vs 5n)', () => {
    const [small, large] = fastest([many(9), many(47)]);
    expect(hostOf(47).length / hostOf(9).length).toBeGreaterThan(4.4);
    expect(large! / small!).toBeLessThan(10);
  });

  it('refuses over-long input at once, however long (the issue-14 cases)', () => {
    const normal = Array.from({ length: 200 }, () => 'login-microsoft-verify.com');
    const longs = [`${'a'.repeat(3500)}\\${'b.'.repeat(1750)}com`, `x.com#${'a.'.repeat(8000)}`];
    const hostile = Array.from({ length: 200 }, (_, i) => longs[i % 2]!);
    const [ok, bad] = fastest([normal, hostile]);
    expect(bad!).toBeLessThan(ok! * 3);
  });
});
