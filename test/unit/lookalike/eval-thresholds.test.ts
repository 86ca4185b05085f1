// The issue-14 targets, measured by eval:lookalike's own code on its
// labelled sets, so a change that loses recall or adds false alarms fails CI.
//
// The dev part is what the detector was tuned on: it must meet the targets
// (recall >= 90% with the right brand, <= 0.05% false alarms on real benign
// domains, none on popular ones or on domains the brands own).
// The held-out part was never tuned on. It does NOT meet the targets yet
// (measured 2026-12-07: recall 79.3%, 0.085% false alarms on the hard
// negatives, 5/32 brand-owned domains flagged); it is asserted at those
// measured levels, as a floor a regression may not go below, and must not be
// "fixed" by tuning on it (that would end its use as a held-out set).
import { describe, expect, it } from 'vitest';
import { buildProtectedIndex } from '../../../src/core/lookalike/protected-index.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { brandOwners, evaluateLookalike } from '../../../scripts/eval/lookalike-metrics.ts';
import { loadSets, problemsIn, selectPart, type Part } from '../../../scripts/eval/lookalike-sets.ts';

const index = buildProtectedIndex();
const sets = loadSets();
const owners = brandOwners();
const measure = (part: Part) => evaluateLookalike((h) => lookalike(index, h), selectPart(sets, part), owners);

interface Bounds {
  recall: number;
  hardNegatives: number;
  popular: number;
  brandOwned: number;
}

const TARGETS: Bounds = { recall: 0.9, hardNegatives: 0.0005, popular: 0, brandOwned: 0 };
const HELD_OUT_FLOOR: Bounds = { recall: 0.79, hardNegatives: 0.0009, popular: 0, brandOwned: 5 / 32 };

function check(part: Part, b: Bounds): void {
  const m = measure(part);
  expect(m.positives.recall, `${part} recall`).toBeGreaterThanOrEqual(b.recall);
  expect(m.negatives['hard negatives']!.rate, `${part} false alarms`).toBeLessThanOrEqual(b.hardNegatives);
  expect(m.negatives['popular']!.rate, `${part} popular`).toBeLessThanOrEqual(b.popular);
  expect(m.negatives['brand-owned']!.rate, `${part} brand-owned`).toBeLessThanOrEqual(b.brandOwned);
}

describe('look-alike targets on the labelled eval sets', () => {
  it('the sets are consistent', () => {
    expect(problemsIn(sets, new Set(owners.keys()))).toEqual([]);
    expect(sets.positives.length).toBeGreaterThan(90);
  });

  it('dev part: recall >= 90%, false alarms <= 0.05%, none on popular or owned domains', () => {
    check('dev', TARGETS);
  });

  it('held-out part: no worse than measured (below the targets; see the header)', () => {
    check('held-out', HELD_OUT_FLOOR);
  });
});
