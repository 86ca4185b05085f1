import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeHosts } from '../../../scripts/probe-lookalike.ts';

describe('the benign false-alarm probe (scripts/probe-lookalike.ts)', () => {
  it('reads host and source, skipping comments', () => {
    expect(probeHosts('# c\na.example\teasylist\n\nb.example\tubo-filters\n', new Set())).toEqual([
      { host: 'a.example', source: 'easylist' },
      { host: 'b.example', source: 'ubo-filters' },
    ]);
  });

  it('leaves out any host an eval set holds, so the probe never overlaps the eval', () => {
    expect(probeHosts('a.example\teasylist\nb.example\teasylist\n', new Set(['a.example'])).map((r) => r.host)).toEqual(['b.example']);
  });

  it('the fixture is a fixed set of about 58k hosts', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'lookalike-probe', 'benign.tsv'), 'utf8');
    expect(probeHosts(text, new Set()).length).toBeGreaterThan(58_000);
  });
});
