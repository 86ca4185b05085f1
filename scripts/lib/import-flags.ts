// The import flags shared by `check`, `compile` and `admin build`, and what
// they print: strict by default; --lenient imports every good line and
// prints the import summary instead of failing.
import { createRequire } from 'node:module';
import { formatSummary } from '../../src/core/list/summary.ts';
import type { ParsedList } from '../../src/core/list/types.ts';

export interface ImportFlags {
  lenient: boolean;
  /** Exact private suffixes (`github.io`) the admin allows as entries. */
  allowSuffixes: string[];
}

export const STRICT: ImportFlags = { lenient: false, allowSuffixes: [] };

const tldtsVersion = (createRequire(import.meta.url)('tldts/package.json') as { version: string }).version;

/** Which Public Suffix List decides what a list may not name: the one tldts ships. */
export const PSL_IN_FORCE = `public suffix list: the one in tldts ${tldtsVersion}`;

export const FLAGS_HELP = `  --lenient            import every good line and print what was skipped (counts per
                       reason, first lines of each) instead of failing on the first bad one
  --allow-suffix S,... allow these exact hosting-service suffixes (github.io, cloudapp.net)
                       as entries, blocking every site under them (also "# allow suffix: S"
                       in a list's header)
  (${PSL_IN_FORCE})`;

/** `--allow-suffix a.io,b.net --allow-suffix c.app` -> names. */
export function splitSuffixes(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
}

/** Appended to a strict failure so the admin knows the way out. */
export const LENIENT_HINT = `(--lenient imports the other lines and lists the skipped ones; ${PSL_IN_FORCE})`;

/** The summary lines of one imported list, for stderr: always in lenient mode, else only when lines were skipped. */
export function summaryLines(file: string, list: ParsedList, flags: ImportFlags): string[] {
  if (!flags.lenient && list.meta.skipped === undefined) return [];
  return formatSummary(file, list.entries.length, list.meta.skipped);
}
