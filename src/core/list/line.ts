// One entry line of any supported format -> entries, refusals or a skip.
import { parseEntry } from '../url/entry.ts';
import { isNetworkRule, isSubstringRule, isUnusedAdblockRule, networkRuleTarget } from './adblock.ts';
import { hostsLineNames } from './hosts.ts';
import type { ParsedEntry } from './types.ts';

export interface LineOutcome {
  entries: ParsedEntry[];
  /** Reasons this line (or some of its names) was refused. */
  errors: string[];
  /** True when the line is an Adblock rule we do not use. */
  skipped: boolean;
}

function fromTexts(texts: readonly string[], line: number): LineOutcome {
  const out: LineOutcome = { entries: [], errors: [], skipped: false };
  for (const text of texts) {
    const r = parseEntry(text);
    if (r.ok) out.entries.push({ expression: r.expression, kind: r.kind, line });
    else out.errors.push(r.reason);
  }
  return out;
}

function unused(rule: string, adblockList: boolean, what: string): LineOutcome {
  if (adblockList) return { entries: [], errors: [], skipped: true };
  return {
    entries: [],
    errors: [`${what} "${rule}" (allowed only in a list declaring itself Adblock with "[Adblock Plus 2.0]" or "! Title:")`],
    skipped: false,
  };
}

/**
 * `||host/path` is a URL prefix in Adblock syntax (unless `|` ends it). Safe Browsing prefixes are
 * whole path segments, so a path without a trailing slash becomes the page
 * itself (any query) plus everything below it as a directory.
 */
function networkRule(rule: string, line: number, adblockList: boolean): LineOutcome {
  const parsed = networkRuleTarget(rule);
  if (parsed === null) return unused(rule, adblockList, 'Adblock rule with wildcards or options other than $doc, $document, $all');
  const out = fromTexts([parsed.target], line);
  const first = out.entries[0];
  if (first !== undefined && !parsed.anchoredEnd && first.kind === 'exact' && !first.expression.includes('?')) {
    out.entries.push({ expression: first.expression + '/', kind: 'prefix', line });
  }
  return out;
}

/** One word with none of the characters that make it a rule, a hosts line or a comment. */
const SINGLE_ENTRY = /^[^\s#|$^*@]+$/;

/** Parses a trimmed line (number `lineNo`) that is neither blank nor a comment. */
export function parseLine(line: string, lineNo: number, adblockList: boolean): LineOutcome {
  if (adblockList && isSubstringRule(line)) return unused(line, true, 'URL substring rule');
  if (SINGLE_ENTRY.test(line)) return fromTexts([line], lineNo);
  if (isUnusedAdblockRule(line)) return unused(line, adblockList, 'cosmetic or exception rule');
  if (isNetworkRule(line, adblockList)) return networkRule(line, lineNo, adblockList);
  // `evil.com  # note`: a `#` after whitespace starts a comment (URLs keep their fragments).
  const tokens = line.replace(/\s#.*$/, '').trim().split(/\s+/);
  const names = hostsLineNames(tokens);
  if (names !== null) return fromTexts(names, lineNo);
  if (tokens.length === 1) return fromTexts(tokens, lineNo);
  return {
    entries: [],
    errors: [`expected one entry a line, or a hosts-file line "0.0.0.0 name...", got "${line}"`],
    skipped: false,
  };
}
