// A list file of any supported format (see blocklists/README.md) -> entries with provenance.
import type { ListMeta } from '../model.ts';
import { declaresAdblock, isAdblockHeader, parseHeaderLine } from './header.ts';
import { parseLine } from './line.ts';
import { formatLineError, type LineError, type ParseListOptions, type ParsedEntry, type ParsedList } from './types.ts';

function splitLines(text: string): string[] {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
}

function isComment(line: string, adblockList: boolean): boolean {
  if (line[0] === '!' || (line[0] === '[' && isAdblockHeader(line))) return true;
  // In an Adblock list `##.ad` is a cosmetic rule, not a comment.
  return line[0] === '#' && !(adblockList && /^#[@?$%]?#/.test(line));
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.[^.]*$/, '') || name;
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

function buildMeta(header: Header, opts: ParseListOptions, count: number): ListMeta {
  const id = opts.id ?? baseName(opts.file);
  const meta: ListMeta = { id, title: header.fields['title'] ?? id, origin: opts.origin ?? 'user', count };
  for (const key of ['court', 'docket', 'date', 'seizedBy', 'description', 'source', 'confidence'] as const) {
    const value = header.fields[key];
    if (value !== undefined) meta[key] = value;
  }
  return meta;
}

/**
 * Parses a list. Formats are detected per line; header metadata is read from
 * the comments before the first entry. Duplicate entries keep their first
 * line. Strict mode throws one Error naming every bad line as `file:line: reason`.
 */
export function parseList(text: string, opts: ParseListOptions): ParsedList {
  const lines = splitLines(text);
  const adblockList = declaresAdblock(lines);
  const header: Header = { fields: {}, countLine: 0 };
  const byExpression = new Map<string, ParsedEntry>();
  const errors: LineError[] = [];
  let skipped = 0;
  let inHeader = true;
  const fail = (line: number, reason: string): void => {
    errors.push({ file: opts.file, line, reason });
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i]!.trim();
    if (line.length === 0) continue;
    if (isComment(line, adblockList)) {
      const bad = inHeader ? applyHeader(line, lineNo, header) : null;
      if (bad !== null) fail(lineNo, bad);
      continue;
    }
    inHeader = false;
    const out = parseLine(line, lineNo, adblockList);
    if (out.skipped) skipped++;
    for (const reason of out.errors) fail(lineNo, reason);
    for (const e of out.entries) {
      if (!byExpression.has(e.expression)) byExpression.set(e.expression, e);
    }
  }

  const entries = [...byExpression.values()];
  const declared = header.fields['count'];
  if (declared !== undefined && Number(declared) !== entries.length) {
    fail(header.countLine, `count: the header says ${declared} entries but the list has ${entries.length}`);
  }
  errors.sort((a, b) => a.line - b.line);
  if (opts.strict && errors.length > 0) throw new Error(errors.map(formatLineError).join('\n'));
  return { meta: buildMeta(header, opts, entries.length), entries, errors, skipped };
}
