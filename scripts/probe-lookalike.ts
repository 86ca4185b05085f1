// `npm run -s probe:lookalike [-- --all]`: how many hosts of the benign probe
// (test/fixtures/lookalike-probe/benign.tsv, outside the labelled eval) the
// look-alike detector flags, each listed with its brand and rule. It exists so
// a new rule can be checked against false alarms without tuning on the eval's
// held-out part; it is not part of the eval's numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildProtectedIndex } from '../src/core/lookalike/protected-index.ts';
import { lookalike } from '../src/core/lookalike/lookalike.ts';
import { FIXTURE_DIR, loadSets, parseTsv } from './eval/lookalike-sets.ts';

const PROBE = join(import.meta.dirname, '..', 'test', 'fixtures', 'lookalike-probe', 'benign.tsv');
const CAP = 60;

export interface ProbeAlarm {
  host: string;
  source: string;
  brand: string;
  rule: string;
}

/** The probe's hosts less any an eval file now holds (the eval sets win). */
export function probeHosts(text: string, evalHosts: ReadonlySet<string>): { host: string; source: string }[] {
  return parseTsv(text, 'benign.tsv', 2)
    .map(([host = '', source = '']) => ({ host, source }))
    .filter((r) => !evalHosts.has(r.host));
}

function evalHosts(): Set<string> {
  const sets = loadSets(FIXTURE_DIR);
  return new Set([
    ...sets.positives.map((p) => p.host),
    ...sets.lures.map((l) => l.host),
    ...Object.values(sets.negatives).flatMap((ns) => ns.map((n) => n.host)),
  ]);
}

function main(): void {
  const { values } = parseArgs({ options: { all: { type: 'boolean', default: false } } });
  const hosts = probeHosts(readFileSync(PROBE, 'utf8'), evalHosts());
  const index = buildProtectedIndex();
  const alarms: ProbeAlarm[] = [];
  for (const { host, source } of hosts) {
    const hit = lookalike(index, host);
    if (hit) alarms.push({ host, source, brand: hit.imitates, rule: hit.rule });
  }
  const rate = hosts.length ? (100 * alarms.length) / hosts.length : 0;
  console.log(`probe: ${alarms.length}/${hosts.length} benign hosts flagged (${rate.toFixed(3)}%)`);
  const shown = values.all ? alarms : alarms.slice(0, CAP);
  for (const a of shown) console.log(`  ${a.host}  → ${a.brand} [${a.rule}] (${a.source})`);
  if (shown.length < alarms.length) console.log(`  … ${alarms.length - shown.length} more (--all)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
