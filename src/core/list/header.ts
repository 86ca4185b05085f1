// Header lines: provenance metadata (`# case: ...`) and the Adblock declaration.
import type { ListMeta } from '../model.ts';

export type HeaderField = 'title' | 'court' | 'docket' | 'date' | 'seizedBy' | 'description' | 'source' | 'confidence' | 'count' | 'allowSuffix';

/** Header keys, lower-case, as they may be written after `#` or `!`. */
const KEYS: Readonly<Record<string, HeaderField>> = {
  case: 'title',
  title: 'title',
  court: 'court',
  docket: 'docket',
  date: 'date',
  'date of order': 'date',
  'seized by': 'seizedBy',
  description: 'description',
  source: 'source',
  homepage: 'source',
  confidence: 'confidence',
  count: 'count',
  // Exact private suffixes (`github.io`) this list may name whole: see public-suffix.ts.
  'allow suffix': 'allowSuffix',
  'allow suffixes': 'allowSuffix',
};

const HEADER_LINE = /^[#!]\s*([A-Za-z][A-Za-z ]*?)\s*:\s*(.*)$/;

/** `# court: E.D. Va.` -> { field: 'court', value: 'E.D. Va.' }; null for other comments. */
export function parseHeaderLine(line: string): { field: HeaderField; value: string } | null {
  const m = HEADER_LINE.exec(line);
  if (!m) return null;
  const field = KEYS[m[1]!.toLowerCase().replace(/\s+/g, ' ')];
  return field === undefined ? null : { field, value: m[2]!.trim() };
}

const ADBLOCK_HEADER = /^\[(?:adblock|ublock|adguard)[^\]]*\]$/i;

/** `[Adblock Plus 2.0]` (or uBO/AdGuard) line. */
export function isAdblockHeader(line: string): boolean {
  return ADBLOCK_HEADER.test(line);
}

/**
 * A list declares itself an Adblock list with an `[Adblock Plus ...]` line or
 * a `! Title:` line among its leading comments.
 */
export function declaresAdblock(lines: Iterable<string>): boolean {
  for (const raw of lines) {
    const line = raw.trim();
    if (line.length === 0) continue;
    if (isAdblockHeader(line) || /^!\s*title\s*:/i.test(line)) return true;
    if (line[0] !== '!' && line[0] !== '#') return false;
  }
  return false;
}
