// Issue 14's targets, measured by eval:lookalike's own code on its labelled
// sets, per part, so a change that loses recall or adds false alarms fails CI.
//
// False alarms: the targets (<= 0.05% on real benign domains, none on popular
// ones) hold on the dev part the detector was tuned on. Recall (>= 90%) held
// on dev from the third recall pass to the eighth (91.6% of 1,194). The ninth
// pass (measured 2026-12-08) added 398 newly read and labelled phishing hosts
// (203 caught before any tuning on them), most of them Kimsuky's Naver, Kakao
// and Google kits (one, navernnail.com, 33 dev hosts of one domain), so dev is
// 87.0% of 1,472 after its rules, asserted as a floor of 86%: below the
// target, which the new kits put out of reach of general rules. The held-out
// part, never tuned on, does not meet it either: recall 79.6% of 789 (80.3% of
// the 669 it held before the ninth pass, 79.2% before it; was 78.0%, 77.7%,
// 76.1%, 74.2%, 73.2%, 72.2%, 65.4% and 59.8% in earlier passes), 7 of 18,085
// mail, crypto and tracker domains flagged (0.039%; 0.037% over all its
// benign sets) and no brand-owned domain. Those are asserted at the measured
// levels, as floors a regression may not go below; the held-out part must
// not be "fixed" by tuning on it.
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
  benign: number;
  popular: number;
  brandOwned: number;
}

const DEV: Bounds = { recall: 0.86, benign: 0.0005, popular: 0, brandOwned: 0 };
const HELD_OUT: Bounds = { recall: 0.79, benign: 0.0004, popular: 0, brandOwned: 0 };
const BENIGN = ['mail and crypto sites', 'trackers'];

function check(part: Part, b: Bounds): void {
  const m = measure(part);
  const benign = BENIGN.map((name) => m.negatives[name]!);
  const rate = benign.reduce((n, s) => n + s.flagged, 0) / benign.reduce((n, s) => n + s.total, 0);
  expect(m.positives.recall, `${part} recall`).toBeGreaterThanOrEqual(b.recall);
  expect(rate, `${part} false alarms on real benign domains`).toBeLessThanOrEqual(b.benign);
  expect(m.negatives['popular']!.rate, `${part} popular`).toBeLessThanOrEqual(b.popular);
  expect(m.negatives['brand-owned']!.rate, `${part} brand-owned`).toBeLessThanOrEqual(b.brandOwned);
}

describe('look-alike targets on the labelled eval sets, per part', () => {
  it('the sets are consistent', () => {
    expect(problemsIn(sets, new Set(owners.keys()))).toEqual([]);
  });

  it('dev part: recall >= 86% (target 90%; see the header), false alarms <= 0.05%, none on popular or owned domains', () => {
    check('dev', DEV);
  });

  it('held-out part: no worse than measured (below the targets; see the header)', () => {
    check('held-out', HELD_OUT);
  });
});
