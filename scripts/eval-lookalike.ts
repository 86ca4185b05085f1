// `npm run eval:lookalike [-- --all]`: precision and recall of the look-alike
// detector (bundled protected domains, as the extension uses them) on the
// labelled sets in test/fixtures/lookalike-eval/, for the dev part and the
// held-out part, with the misses and false alarms listed (capped unless --all).
//
// Tune on the dev part only. The held-out part is for reporting: never change
// the detector, its word lists or the data because of a held-out miss or false
// alarm, or its numbers stop meaning anything.
import { parseArgs } from 'node:util';
import { buildProtectedIndex } from '../src/core/lookalike/protected-index.ts';
import { lookalike } from '../src/core/lookalike/lookalike.ts';
import { brandOwners, evaluateLookalike, type Detector, type LookalikeMetrics } from './eval/lookalike-metrics.ts';
import { loadSets, problemsIn, selectPart, type EvalSets, type Part } from './eval/lookalike-sets.ts';

const CAP = 25;

const pct = (x: number, digits = 1): string => `${(100 * x).toFixed(digits)}%`;

function listCapped<T>(title: string, xs: readonly T[], show: (x: T) => string, all: boolean): string[] {
  if (xs.length === 0) return [];
  const shown = all ? xs : xs.slice(0, CAP);
  const more = xs.length - shown.length;
  return [`  ${title} (${xs.length}):`, ...shown.map((x) => `    ${show(x)}`), ...(more > 0 ? [`    … ${more} more (--all)`] : [])];
}

export function report(part: Part, m: LookalikeMetrics, all: boolean): string[] {
  const p = m.positives;
  const lines = [
    `== ${part} ==`,
    `  recall ${pct(p.recall)} (${p.right}/${p.total} with the right brand; ${pct(p.recallAnyBrand)} = ${p.flagged} flagged at all)` +
      `  precision ${pct(m.precision, 2)}`,
  ];
  for (const [name, n] of Object.entries(m.negatives)) {
    lines.push(`  ${name}: ${n.flagged}/${n.total} false alarms (${pct(n.rate, 3)})`);
  }
  lines.push(...listCapped('misses', p.misses, (x) => `${x.host}  (imitates ${x.imitates}; ${x.source})`, all));
  lines.push(...listCapped('wrong brand', p.wrongBrand, (x) => `${x.positive.host}  reported ${x.reported}, is ${x.positive.imitates}`, all));
  for (const [name, n] of Object.entries(m.negatives)) {
    lines.push(...listCapped(`false alarms, ${name}`, n.falseAlarms, (x) => `${x.host}  → ${x.imitates} [${x.rule ?? '?'}] (${x.source})`, all));
  }
  return lines;
}

export function runEval(sets: EvalSets, detector: Detector, all: boolean): { lines: string[]; ok: boolean } {
  const owners = brandOwners();
  const problems = problemsIn(sets, new Set(owners.keys()));
  if (problems.length > 0) return { lines: ['labelled sets have problems:', ...problems.map((x) => `  ${x}`)], ok: false };
  const lines: string[] = [];
  for (const part of ['dev', 'held-out'] as const) {
    lines.push(...report(part, evaluateLookalike(detector, selectPart(sets, part), owners), all), '');
  }
  return { lines, ok: true };
}

function main(): void {
  const { values } = parseArgs({ options: { all: { type: 'boolean', default: false } } });
  const started = performance.now();
  const index = buildProtectedIndex();
  const { lines, ok } = runEval(loadSets(), (host) => lookalike(index, host), values.all ?? false);
  for (const l of lines) console.log(l);
  console.log(`(${((performance.now() - started) / 1000).toFixed(2)} s)`);
  if (!ok) process.exitCode = 1;
}

main();
