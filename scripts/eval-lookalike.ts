// `npm run eval:lookalike [-- --all] [-- --held-out-details]`: precision and
// recall of the look-alike detector (bundled protected domains, as the
// extension uses them) on the labelled sets in test/fixtures/lookalike-eval/,
// for the dev part and the held-out part, with the dev misses and false
// alarms listed (capped unless --all). The held-out lists are printed only
// on request, so a tuning pass cannot read them by accident.
//
// Tune on the dev part only. The held-out part is for reporting: never change
// the detector, its word lists or the data because of a held-out miss or false
// alarm, or its numbers stop meaning anything.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildProtectedIndex } from '../src/core/lookalike/protected-index.ts';
import { lookalike } from '../src/core/lookalike/lookalike.ts';
import {
  brandOwners,
  evaluateLookalike,
  type Detector,
  type FalseAlarm,
  type LookalikeMetrics,
} from './eval/lookalike-metrics.ts';
import { loadSets, problemsIn, selectPart, type EvalSets, type Part } from './eval/lookalike-sets.ts';

const CAP = 25;

const pct = (x: number, digits = 1): string => `${(100 * x).toFixed(digits)}%`;

function listCapped<T>(title: string, xs: readonly T[], show: (x: T) => string, all: boolean): string[] {
  if (xs.length === 0) return [];
  const shown = all ? xs : xs.slice(0, CAP);
  const more = xs.length - shown.length;
  return [`  ${title} (${xs.length}):`, ...shown.map((x) => `    ${show(x)}`), ...(more > 0 ? [`    … ${more} more (--all)`] : [])];
}

function summary(m: LookalikeMetrics): string[] {
  const p = m.positives;
  const owners = Object.entries(p.byOwner).sort(([, a], [, b]) => b.total - a.total);
  const benign = Object.values(m.negatives);
  const flagged = benign.reduce((s, n) => s + n.flagged, 0);
  const total = benign.reduce((s, n) => s + n.total, 0);
  return [
    `  recall ${pct(p.recall)} (${p.right}/${p.total} with the right brand; ${pct(p.recallAnyBrand)} = ${p.flagged} flagged at all)` +
      `  precision ${pct(m.precision, 2)}`,
    `  by brand: ${owners.map(([o, c]) => `${o} ${c.right}/${c.total}`).join(', ')}`,
    ...Object.entries(m.negatives).map(([name, n]) => `  ${name}: ${n.flagged}/${n.total} false alarms (${pct(n.rate, 3)})`),
    `  all benign sets: ${flagged}/${total} false alarms (${pct(total ? flagged / total : 0, 3)})`,
    `  generic lures given a brand: ${m.lures.flagged}/${m.lures.total}`,
  ];
}

function details(m: LookalikeMetrics, all: boolean): string[] {
  const p = m.positives;
  const alarm = (x: FalseAlarm): string => `${x.host}  → ${x.imitates} [${x.rule ?? '?'}] (${x.source})`;
  return [
    ...listCapped('misses', p.misses, (x) => `${x.host}  (imitates ${x.imitates}; ${x.source})`, all),
    ...listCapped('wrong brand', p.wrongBrand, (x) => `${x.positive.host}  reported ${x.reported}, is ${x.positive.imitates}`, all),
    ...Object.entries(m.negatives).flatMap(([name, n]) => listCapped(`false alarms, ${name}`, n.falseAlarms, alarm, all)),
    ...listCapped('generic lures given a brand', m.lures.falseAlarms, alarm, all),
  ];
}

export function report(part: Part, m: LookalikeMetrics, all: boolean, listed = true): string[] {
  return [`== ${part} ==`, ...summary(m), ...(listed ? details(m, all) : ['  (lists: --held-out-details; never tune on them)'])];
}

export function runEval(sets: EvalSets, detector: Detector, all: boolean, heldOutDetails = true): { lines: string[]; ok: boolean } {
  const owners = brandOwners();
  const problems = problemsIn(sets, new Set(owners.keys()));
  if (problems.length > 0) return { lines: ['labelled sets have problems:', ...problems.map((x) => `  ${x}`)], ok: false };
  const lines = [`(${sets.excluded} look-alike hosts of the benign lists set aside: excluded.tsv)`, ''];
  for (const part of ['dev', 'held-out'] as const) {
    const listed = part === 'dev' || heldOutDetails;
    lines.push(...report(part, evaluateLookalike(detector, selectPart(sets, part), owners), all, listed), '');
  }
  return { lines, ok: true };
}

function hostCount(sets: EvalSets): number {
  return sets.positives.length + sets.lures.length + Object.values(sets.negatives).reduce((n, xs) => n + xs.length, 0);
}

function main(): void {
  const { values } = parseArgs({
    options: { all: { type: 'boolean', default: false }, 'held-out-details': { type: 'boolean', default: false } },
  });
  const started = performance.now();
  const sets = loadSets();
  const loaded = performance.now();
  const index = buildProtectedIndex();
  let judged = 0;
  const { lines, ok } = runEval(sets, (host) => (judged++, lookalike(index, host)), values.all ?? false, values['held-out-details'] ?? false);
  const ms = performance.now() - loaded;
  for (const l of lines) console.log(l);
  console.log(
    `${hostCount(sets)} hosts; loaded in ${(loaded - started).toFixed(0)} ms, ${judged} judged and reported in ${ms.toFixed(0)} ms`,
  );
  if (!ok) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
