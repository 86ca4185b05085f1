// Issue #14's false-alarm targets, held by the current detector on the whole
// labelled sets (dev and held-out: asserting a target is not tuning on it).
// The recall target (90 %) is not met yet; `npm run eval:lookalike` reports it.
import { describe, expect, it } from 'vitest';
import { buildProtectedIndex } from '../../../src/core/lookalike/protected-index.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { evaluateLookalike } from '../../../scripts/eval/lookalike-metrics.ts';
import { loadSets } from '../../../scripts/eval/lookalike-sets.ts';

describe('look-alike detector on the labelled sets', () => {
  const index = buildProtectedIndex();
  const m = evaluateLookalike((host) => lookalike(index, host), loadSets());

  it('raises no false alarm on popular sites', () => {
    expect(m.negatives['popular']?.falseAlarms.map((f) => f.host)).toEqual([]);
  });

  it('keeps false alarms on real benign domains at or under 0.05 %', () => {
    const sets = ['mail and crypto sites', 'trackers'].map((name) => m.negatives[name]);
    const flagged = sets.reduce((n, s) => n + (s?.flagged ?? 0), 0);
    const total = sets.reduce((n, s) => n + (s?.total ?? 0), 0);
    expect(total).toBeGreaterThan(30_000);
    expect(flagged / total).toBeLessThanOrEqual(0.0005);
  });
});
