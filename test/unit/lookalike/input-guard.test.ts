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

/** Median time per call, in ms, of `lookalike` over `hosts` (a few rounds, the fastest half). */
function costPerHost(hosts: readonly string[]): number {
  const rounds: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    for (const h of hosts) lookalike(index, h);
    rounds.push((performance.now() - t0) / hosts.length);
  }
  rounds.sort((a, b) => a - b);
  return rounds[1]!;
}

describe('linear cost', () => {
  // Doubling the input may at most roughly double the cost; a quadratic walk
  // over the dots would quadruple it. Ratios, not absolute times, so a slow
  // or busy machine does not fail it.
  const hostOf = (labels: number) => `${'ab-c.'.repeat(labels)}microsoft-login.com`;

  it('grows at most linearly with the number of labels (n vs 2n)', () => {
    const small = Array.from({ length: 300 }, (_, i) => `${i}${hostOf(20)}`);
    const large = Array.from({ length: 300 }, (_, i) => `${i}${hostOf(40)}`);
    costPerHost(small); // warm up the JIT
    const ratio = costPerHost(large) / costPerHost(small);
    expect(ratio).toBeLessThan(3);
  });

  it('refuses over-long input in constant time, however long (the issue-14 cases)', () => {
    const normal = Array.from({ length: 200 }, () => 'login-microsoft-verify.com');
    const longs = [`${'a'.repeat(3500)}\\${'b.'.repeat(1750)}com`, `x.com#${'a.'.repeat(8000)}`];
    const hostile = Array.from({ length: 200 }, (_, i) => longs[i % 2]!);
    costPerHost(normal);
    expect(costPerHost(hostile)).toBeLessThan(costPerHost(normal) * 3);
  });
});
