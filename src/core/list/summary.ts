// The import summary: what a list's import left out, by reason, with the
// first lines of each. Printed by the CLIs and carried in the signed bundle.
import type { ImportSummary, SkipReason } from '../model.ts';
import type { LineError, LineSkip, ParsedList, SkipCode } from './types.ts';

/**
 * Always refusals: a strict import stops on these. The Adblock codes (cosmetic,
 * exception, restricted, pattern) are refusals too, but only in a list that
 * does not declare itself Adblock; the summary names them by what they are.
 */
export const REFUSALS: ReadonlySet<SkipCode> = new Set<SkipCode>([
  'public-suffix', 'hosting-suffix', 'empty', 'bad-host', 'not-web', 'no-host', 'not-an-entry', 'bad-count', 'narrowed',
]);

/** Lines that block nothing on a navigation (cosmetic rules, exceptions, MetaMask's fuzzylist). */
const NOTHING_TO_BLOCK: ReadonlySet<string> = new Set(['cosmetic', 'exception', 'allowed', 'fuzzylist']);

/** How the CLI qualifies a reason: what leaving the line out means for the verdicts. */
function qualifier(code: string): string {
  if (REFUSALS.has(code as SkipCode)) return 'refused';
  if (NOTHING_TO_BLOCK.has(code)) return 'nothing to block on a navigation';
  return 'left out: no Safe Browsing entry blocks exactly what it blocks';
}

/** Lines shown per reason. */
export const FIRST_LINES = 3;
/** Longer lines are cut in the summary (it is signed and shown in the status). */
const MAX_TEXT = 120;

const clip = (text: string): string => {
  const flat = text.replace(/[\t\n\r]/g, ' ');
  return flat.length <= MAX_TEXT ? flat : flat.slice(0, MAX_TEXT - 1) + '…';
};

/** The summary of a parsed list's errors and skips; null when nothing was left out. */
export function importSummary(list: Pick<ParsedList, 'errors' | 'skips'>): ImportSummary | null {
  const items: Array<LineError | LineSkip> = [...list.errors, ...list.skips];
  if (items.length === 0) return null;
  const byCode = new Map<string, SkipReason>();
  for (const item of [...items].sort((a, b) => a.line - b.line)) {
    let r = byCode.get(item.code);
    if (r === undefined) byCode.set(item.code, (r = { code: item.code, count: 0, first: [] }));
    r.count++;
    if (r.first.length < FIRST_LINES) r.first.push({ line: item.line, text: clip(item.text) });
  }
  const reasons = [...byCode.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return { lines: new Set(items.map((i) => i.line)).size, reasons };
}

/** Human lines for a CLI: `file: N entries, M lines skipped` then one line per reason and example. */
export function formatSummary(file: string, entries: number, summary: ImportSummary | undefined): string[] {
  if (summary === undefined) return [`${file}: ${entries} entries, nothing skipped`];
  const out = [`${file}: ${entries} entries, ${summary.lines} line(s) skipped`];
  for (const r of summary.reasons) {
    out.push(`  ${r.code}: ${r.count} (${qualifier(r.code)})`);
    for (const f of r.first) out.push(`    line ${f.line}: ${f.text}`);
  }
  return out;
}
