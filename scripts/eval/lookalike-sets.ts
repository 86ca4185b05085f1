// Reads the labelled look-alike sets in test/fixtures/lookalike-eval/ and
// splits them into a dev part and a held-out part.
//
// THE HELD-OUT PART IS NEVER USED FOR TUNING. Look at dev misses and false
// alarms when changing the detector; read held-out numbers only to report
// them. The split is a hash of the host, so it is stable across runs and
// machines, and a host added later falls in the same part everywhere.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Positive {
  host: string;
  /** The protected domain the host imitates (its brand is what counts). */
  imitates: string;
  source: string;
}

export interface Negative {
  host: string;
  source: string;
}

export interface EvalSets {
  positives: readonly Positive[];
  /** Benign sets by name, each judged on its own false-alarm rate. */
  negatives: Readonly<Record<string, readonly Negative[]>>;
}

export type Part = 'dev' | 'held-out';

export const FIXTURE_DIR = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'lookalike-eval');

/** Share of hosts, in percent, that go to the held-out part. */
const HELD_OUT_PERCENT = 30;

/** FNV-1a, 32-bit: tiny, stable, and good enough to scatter host names. */
export function hostHash(host: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < host.length; i++) {
    h ^= host.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function partOf(host: string): Part {
  return hostHash(host) % 100 < HELD_OUT_PERCENT ? 'held-out' : 'dev';
}

/** Tab-separated rows; `#` lines and blank lines are comments. */
export function parseTsv(text: string, file: string, columns: number): string[][] {
  const rows: string[][] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const cells = line.split('\t').map((c) => c.trim());
    if (cells.length < columns || cells.slice(0, columns).some((c) => c === '')) {
      throw new Error(`${file}:${i + 1}: expected ${columns} tab-separated columns`);
    }
    rows.push(cells);
  });
  return rows;
}

function readRows(dir: string, file: string, columns: number): string[][] {
  return parseTsv(readFileSync(join(dir, file), 'utf8'), file, columns);
}

function negativesFrom(rows: readonly string[][], host: number, source: (r: readonly string[]) => string): Negative[] {
  return rows.map((r) => ({ host: r[host] ?? '', source: source(r) }));
}

/** The positives and the three benign sets (hard negatives, popular, brand-owned). */
export function loadSets(dir: string = FIXTURE_DIR): EvalSets {
  const positives = readRows(dir, 'positives.tsv', 3).map(([host = '', imitates = '', source = '']) => ({
    host,
    imitates,
    source,
  }));
  return {
    positives,
    negatives: {
      'hard negatives': negativesFrom(readRows(dir, 'negatives.tsv', 2), 0, (r) => r[1] ?? ''),
      popular: negativesFrom(readRows(dir, 'popular.tsv', 2), 0, (r) => r[1] ?? ''),
      'brand-owned': negativesFrom(readRows(dir, 'owned-domains.tsv', 3), 1, (r) => `${r[0]} (${r[2]})`),
    },
  };
}

/** The part of every set that falls in `part`. */
export function selectPart(sets: EvalSets, part: Part): EvalSets {
  const keep = <T extends { host: string }>(xs: readonly T[]): T[] => xs.filter((x) => partOf(x.host) === part);
  return {
    positives: keep(sets.positives),
    negatives: Object.fromEntries(Object.entries(sets.negatives).map(([name, xs]) => [name, keep(xs)])),
  };
}

/**
 * Labelling mistakes: a host listed twice, in a positive and a benign set at
 * once, or labelled with a domain that is not a protected one.
 */
export function problemsIn(sets: EvalSets, protectedDomains: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const note = (host: string, where: string): void => {
    const before = seen.get(host);
    if (before) problems.push(`${host}: in ${before} and in ${where}`);
    else seen.set(host, where);
  };
  for (const p of sets.positives) {
    note(p.host, 'positives');
    if (!protectedDomains.has(p.imitates)) problems.push(`${p.host}: ${p.imitates} is not a protected domain`);
  }
  for (const [name, xs] of Object.entries(sets.negatives)) for (const n of xs) note(n.host, name);
  return problems;
}
