// A list file of any supported format (see blocklists/README.md) -> entries with provenance.
import { suffixProblem } from '../url/public-suffix.ts';
import { ListCollector } from './collect.ts';
import { declaresAdblock, isAdblockHeader, parseHeaderLine } from './header.ts';
import { isPlainHostLine, parseLine } from './line.ts';
import { ListText } from './list-text.ts';
import { buildMeta } from './meta.ts';
import { isMetaMaskConfig, readMetaMask } from './metamask.ts';
import type { ParseListOptions, ParsedList } from './types.ts';

function splitLines(text: string): string[] {
  // Splitting on a string is several times faster than on the regex; most lists have no CR.
  return text.indexOf('\r') < 0 ? text.split('\n') : text.split(/\r\n|\r|\n/);
}

function isComment(line: string, adblockList: boolean): boolean {
  if (line[0] === '!' || (line[0] === '[' && isAdblockHeader(line))) return true;
  // In an Adblock list `##.ad` is a cosmetic rule, not a comment.
  return line[0] === '#' && !(adblockList && /^#[@?$%]?#/.test(line));
}

interface Header {
  fields: Partial<Record<string, string>>;
  countLine: number;
}

/** Reads one header line into `header`; returns an error reason for a bad `count:`. */
function applyHeader(line: string, lineNo: number, header: Header): string | null {
  const h = parseHeaderLine(line);
  if (h === null || header.fields[h.field] !== undefined) return null;
  if (h.field === 'count') {
    if (!/^\d+$/.test(h.value)) return `count: "${h.value}" is not a number`;
    header.countLine = lineNo;
  }
  header.fields[h.field] = h.value;
  return null;
}

/** `--allow-suffix` names plus the list's `# allow suffix: a, b` header. */
function allowedSuffixes(opts: ParseListOptions, header: Header): Set<string> {
  const fromHeader = (header.fields['allowSuffix'] ?? '').split(/[\s,]+/);
  return new Set([...(opts.allowSuffixes ?? []), ...fromHeader].map((s) => s.trim().toLowerCase()).filter((s) => s !== ''));
}

/**
 * Parses a list. Formats are detected per line (MetaMask's JSON config as a
 * whole); header metadata is read from the comments before the first entry.
 * Duplicate entries keep their first line. Strict mode throws one Error
 * naming every bad line as `file:line: reason`. `fast: false` sends every
 * line through the general parser: the reference the fast path for bare
 * host names is tested against (test/unit/list/fast-path.test.ts).
 */
export function parseList(text: string, opts: ParseListOptions, fast = true): ParsedList {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Line strings only for messages, so only once a line is refused or skipped.
  let lines: string[] | null = null;
  const lineText = (n: number): string => ((lines ??= splitLines(body))[n - 1] ?? '').trim();
  if (isMetaMaskConfig(body)) return readMetaMask(body, opts, new ListCollector(opts, lineText));
  const list = new ListText(body);
  const collect = new ListCollector(opts, lineText);
  const adblockList = declaresAdblock(list.strings());
  const header: Header = { fields: {}, countLine: 0 };
  let suffixes: { allowSuffixes: ReadonlySet<string> } | null = null;
  const t = list.text;

  for (let start = 0, lineNo = 1; start <= t.length; lineNo++) {
    const end = list.end(start);
    const from = start;
    start = end + 1;
    // A bare host name is no blank line and no comment, so it may skip both
    // checks; its outcome is parsePlainHost's, without a line string.
    if (fast && suffixes !== null && isPlainHostLine(t, from, end, adblockList)) {
      const problem = suffixProblem(t.slice(from, end), suffixes);
      if (problem === null) collect.hostEntry({ expression: list.withSlash(from, end), kind: 'domain', line: lineNo }, t, from, end);
      else collect.refuse(lineNo, problem.code, problem.message);
      continue;
    }
    const line = t.slice(from, end).trim();
    if (line.length === 0) continue;
    if (isComment(line, adblockList)) {
      const bad = suffixes === null ? applyHeader(line, lineNo, header) : null;
      if (bad !== null) collect.refuse(lineNo, 'bad-count', bad);
      continue;
    }
    suffixes ??= { allowSuffixes: allowedSuffixes(opts, header) };
    const out = parseLine(line, lineNo, adblockList, suffixes);
    if (out.skip !== null) collect.skip(lineNo, out.skip);
    for (const e of out.errors) collect.refuse(lineNo, e.code, e.reason);
    for (const e of out.entries) collect.entry(e);
    for (const a of out.allows) collect.allow(a.expression, lineNo, a.exact);
  }

  const declared = header.fields['count'];
  return collect.finish(
    (count) => buildMeta(header.fields, opts, count),
    (count) => {
      if (declared !== undefined && Number(declared) !== count) {
        collect.refuse(header.countLine, 'bad-count', `count: the header says ${declared} entries but the list has ${count}`);
      }
    },
  );
}
