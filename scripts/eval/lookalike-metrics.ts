// Precision and recall of a look-alike detector on labelled sets. Pure: the
// detector and the brand mapping are passed in, so tests can assert
// thresholds on any detector.
import { DEFAULT_PROTECTED, type ProtectedGroup } from '../../src/core/lookalike/protected-domains.ts';
import type { EvalSets, Negative, Positive } from './lookalike-sets.ts';

export interface Verdict {
  imitates: string;
  rule?: string;
}
export type Detector = (host: string) => Verdict | null;

export interface WrongBrand {
  positive: Positive;
  reported: string;
}

export interface PositiveMetrics {
  total: number;
  /** Flagged as imitating the labelled brand. */
  right: number;
  /** Flagged at all, whatever brand was named. */
  flagged: number;
  /** right / total */
  recall: number;
  /** flagged / total */
  recallAnyBrand: number;
  misses: Positive[];
  wrongBrand: WrongBrand[];
  /** Per owner of the labelled domain (`Microsoft`): positives and right-brand hits. */
  byOwner: Record<string, { total: number; right: number }>;
}

export interface FalseAlarm extends Negative {
  imitates: string;
  rule?: string;
}

export interface NegativeMetrics {
  total: number;
  flagged: number;
  /** flagged / total */
  rate: number;
  falseAlarms: FalseAlarm[];
}

export interface LookalikeMetrics {
  positives: PositiveMetrics;
  negatives: Record<string, NegativeMetrics>;
  /** Generic lures that were given a brand (not counted in precision: they are not benign). */
  lures: NegativeMetrics;
  /** Right-brand hits over all flags (right-brand hits plus false alarms in every benign set). */
  precision: number;
}

/** Owner of each protected domain (`live.com` → Microsoft), so a hit on a sibling domain counts. */
export function brandOwners(groups: readonly ProtectedGroup[] = DEFAULT_PROTECTED): ReadonlyMap<string, string> {
  const owners = new Map<string, string>();
  for (const g of groups) for (const d of g.imitated) owners.set(d, g.brand);
  return owners;
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d);

function sameBrand(owners: ReadonlyMap<string, string>, a: string, b: string): boolean {
  return a === b || (owners.get(a) ?? a) === (owners.get(b) ?? b);
}

function judgePositives(detector: Detector, positives: readonly Positive[], owners: ReadonlyMap<string, string>): PositiveMetrics {
  const misses: Positive[] = [];
  const wrongBrand: WrongBrand[] = [];
  const byOwner: Record<string, { total: number; right: number }> = {};
  let right = 0;
  for (const p of positives) {
    const v = detector(p.host);
    const owner = (byOwner[owners.get(p.imitates) ?? p.imitates] ??= { total: 0, right: 0 });
    owner.total++;
    if (!v) misses.push(p);
    else if (sameBrand(owners, v.imitates, p.imitates)) (right++, owner.right++);
    else wrongBrand.push({ positive: p, reported: v.imitates });
  }
  const total = positives.length;
  const flagged = right + wrongBrand.length;
  return {
    total,
    right,
    flagged,
    recall: ratio(right, total),
    recallAnyBrand: ratio(flagged, total),
    misses,
    wrongBrand,
    byOwner,
  };
}

function judgeNegatives(detector: Detector, negatives: readonly Negative[]): NegativeMetrics {
  const falseAlarms: FalseAlarm[] = [];
  for (const n of negatives) {
    const v = detector(n.host);
    if (v) falseAlarms.push({ ...n, imitates: v.imitates, ...(v.rule ? { rule: v.rule } : {}) });
  }
  return { total: negatives.length, flagged: falseAlarms.length, rate: ratio(falseAlarms.length, negatives.length), falseAlarms };
}

export function evaluateLookalike(
  detector: Detector,
  sets: EvalSets,
  owners: ReadonlyMap<string, string> = brandOwners(),
): LookalikeMetrics {
  const positives = judgePositives(detector, sets.positives, owners);
  const negatives = Object.fromEntries(
    Object.entries(sets.negatives).map(([name, xs]) => [name, judgeNegatives(detector, xs)]),
  );
  const falseFlags = Object.values(negatives).reduce((sum, m) => sum + m.flagged, 0);
  return {
    positives,
    negatives,
    lures: judgeNegatives(detector, sets.lures),
    precision: ratio(positives.right, positives.right + falseFlags),
  };
}
