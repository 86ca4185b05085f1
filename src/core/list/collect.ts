// Accumulates one list's entries, refusals, skips and exceptions while a
// format reader walks it, then settles exceptions and builds the ParsedList.
import type { ListMeta } from '../model.ts';
import { applyExceptions, type AllowRule } from './exceptions.ts';
import { KeyHashes } from './first-occurrences.ts';
import { importSummary } from './summary.ts';
import { formatLineError, type LineError, type LineSkip, type ParseListOptions, type ParsedEntry, type ParsedList, type SkipCode } from './types.ts';

export class ListCollector {
  /** Entries in file order, repeats included until finish() drops them. */
  private readonly entries: ParsedEntry[] = [];
  /** Their expressions' hashes, for finding the repeats. */
  private readonly hashes = new KeyHashes();
  private readonly errors: LineError[] = [];
  private readonly skips: LineSkip[] = [];
  private readonly allows: AllowRule[] = [];

  /** `lineText(n)` gives line n as written, for messages and the summary. */
  constructor(
    private readonly opts: ParseListOptions,
    private readonly lineText: (line: number) => string,
  ) {}

  /** Keeps `e` unless its expression came before (settled by finish). */
  entry(e: ParsedEntry): void {
    this.entries.push(e);
    this.hashes.add(e.expression);
  }

  /** As entry(), for a bare host text[start, end) whose `e.expression` is that host + '/': hashed from the text in place. */
  hostEntry(e: ParsedEntry, text: string, start: number, end: number): void {
    this.entries.push(e);
    this.hashes.addWithSlash(text, start, end);
  }

  refuse(line: number, code: SkipCode, reason: string): void {
    this.errors.push({ file: this.opts.file, line, code, reason, text: this.lineText(line) });
  }

  skip(line: number, code: SkipCode): void {
    this.skips.push({ line, code, text: this.lineText(line) });
  }

  /** `exact`: the scope is what the exception exempts, not a widened guess. */
  allow(expression: string, line: number, exact = true): void {
    this.allows.push({ expression, line, exact });
  }

  /** Drops repeats (keeping first lines) and what exceptions exempt, then throws in strict mode if anything was refused. */
  finish(meta: (count: number) => ListMeta, checkCount?: (count: number) => void): ParsedList {
    const marks = this.hashes.repeats((i) => this.entries[i]!.expression);
    const distinct = marks === null ? this.entries : this.entries.filter((_, i) => marks[i] === 0);
    const { kept, dropped } = applyExceptions(distinct, this.allows);
    for (const d of dropped) {
      if (d.code === 'allowed') this.skip(d.entry.line, 'allowed');
      else this.refuse(d.entry.line, 'narrowed', `"${d.entry.expression}" is narrowed by the exception on line ${d.by}: as one entry it would also block what that exception lets through`);
    }
    checkCount?.(kept.length);
    this.errors.sort((a, b) => a.line - b.line);
    this.skips.sort((a, b) => a.line - b.line);
    if (this.opts.strict && this.errors.length > 0) {
      throw new Error(this.errors.map(formatLineError).join('\n'));
    }
    const m = meta(kept.length);
    const summary = importSummary({ errors: this.errors, skips: this.skips });
    if (summary !== null) m.skipped = summary;
    return { meta: m, entries: kept, errors: this.errors, skips: this.skips };
  }
}
