// Reads the labelled look-alike sets in test/fixtures/lookalike-eval/ and
// splits them into a dev part and a held-out part.
//
// THE HELD-OUT PART IS NEVER USED FOR TUNING. Look at dev misses and false
// alarms when changing the detector; read held-out numbers only to report
// them. The split is a hash of the registrable domain (Public Suffix List
// with its private section, so each x.blogspot.com is its own): stable
// across runs and machines, and `login.gmrail.ml` cannot sit in dev while
// `gmrail.ml` is held out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'tldts';

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
  /** Phishing hosts that imitate no one brand: any brand named for them is wrong (lures.tsv). */
  lures: readonly Negative[];
  /** Hosts dropped from the benign sets because they are look-alikes themselves (excluded.tsv). */
  excluded: number;
}

export type Part = 'dev' | 'held-out';

export const FIXTURE_DIR = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'lookalike-eval');

/** Share of registrable domains, in percent, that go to the held-out part. */
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
  const site = parse(host, { allowPrivateDomains: true }).domain ?? host;
  return hostHash(site) % 100 < HELD_OUT_PERCENT ? 'held-out' : 'dev';
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

/** Benign sets: a name, then its files (one set may span files kept apart for their licences). */
const BENIGN_FILES: readonly [string, readonly string[]][] = [
  ['mail and crypto sites', ['negatives.tsv']],
  ['trackers', ['trackers.tsv']],
  ['popular', ['popular.tsv', 'popular-easylist.tsv']],
];

/**
 * The positives, the benign sets (and the brand-owned domains as one more),
 * less the benign-list hosts that excluded.tsv names, and the generic lures.
 */
export function loadSets(dir: string = FIXTURE_DIR): EvalSets {
  const positives = readRows(dir, 'positives.tsv', 3).map(([host = '', imitates = '', source = '']) => ({
    host,
    imitates,
    source,
  }));
  const excluded = new Set(readRows(dir, 'excluded.tsv', 2).map((r) => r[0] ?? ''));
  const benign = (rows: Negative[]): Negative[] => rows.filter((n) => !excluded.has(n.host));
  const fromFiles = (files: readonly string[]): Negative[] =>
    files.flatMap((f) => negativesFrom(readRows(dir, f, 2), 0, (r) => r[1] ?? ''));
  const negatives: Record<string, Negative[]> = {};
  for (const [name, files] of BENIGN_FILES) negatives[name] = benign(fromFiles(files));
  negatives['brand-owned'] = benign(negativesFrom(readRows(dir, 'owned-domains.tsv', 3), 1, (r) => `${r[0]} (${r[2]})`));
  return {
    positives,
    negatives,
    lures: negativesFrom(readRows(dir, 'lures.tsv', 2), 0, (r) => r[1] ?? ''),
    excluded: excluded.size,
  };
}

/** The part of every set that falls in `part`. */
export function selectPart(sets: EvalSets, part: Part): EvalSets {
  const keep = <T extends { host: string }>(xs: readonly T[]): T[] => xs.filter((x) => partOf(x.host) === part);
  return {
    positives: keep(sets.positives),
    negatives: Object.fromEntries(Object.entries(sets.negatives).map(([name, xs]) => [name, keep(xs)])),
    lures: keep(sets.lures),
    excluded: sets.excluded,
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
  for (const n of sets.lures) note(n.host, 'lures');
  return problems;
}
