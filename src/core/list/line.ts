// One entry line of any supported format -> entries, refusals, a skip, or the
// scope an exception rule exempts.
import { isPlainHostAt, parseEntry } from '../url/entry.ts';
import type { SuffixOptions } from '../url/public-suffix.ts';
import { exceptionScope, isCosmeticRule, isExceptionRule, isNetworkRule, isSubstringRule, networkRuleTarget } from './adblock.ts';
import { hostsLineNames } from './hosts.ts';
import type { ParsedEntry, SkipCode } from './types.ts';

export interface LineOutcome {
  entries: ParsedEntry[];
  /** Why this line (or some of its names) was refused. */
  errors: Array<{ code: SkipCode; reason: string }>;
  /** Set when the whole line is skipped by design of its format. */
  skip: SkipCode | null;
  /** What an exception rule exempts (`exact`: no wider than the rule): entries they touch are never widened over them. */
  allows: Array<{ expression: string; exact: boolean }>;
}

const empty = (): LineOutcome => ({ entries: [], errors: [], skip: null, allows: [] });

function fromTexts(texts: readonly string[], line: number, opts: SuffixOptions): LineOutcome {
  const out = empty();
  for (const text of texts) {
    const r = parseEntry(text, opts);
    if (r.ok) out.entries.push({ expression: r.expression, kind: r.kind, line });
    else out.errors.push({ code: r.code, reason: r.reason });
  }
  return out;
}

const WHAT: Readonly<Partial<Record<SkipCode, string>>> = {
  cosmetic: 'cosmetic rule',
  exception: 'exception rule',
  restricted: 'Adblock rule narrowed by options other than $doc, $document, $all, $important',
  pattern: 'Adblock rule with wildcards or a URL substring',
};

/** In a declared Adblock list the rule is skipped (counted); elsewhere it is a refusal. */
function unused(rule: string, adblockList: boolean, code: SkipCode): LineOutcome {
  const out = empty();
  if (adblockList) out.skip = code;
  else out.errors.push({ code, reason: `${WHAT[code]} "${rule}" (allowed only in a list declaring itself Adblock with "[Adblock Plus 2.0]" or "! Title:")` });
  return out;
}

/**
 * `@@rule` (or `rule$badfilter`): nothing to block, but whatever it exempts
 * must not stay blocked by a wider entry (parse-list.ts drops those entries).
 */
function exception(rule: string, adblockList: boolean, opts: SuffixOptions): LineOutcome {
  const out = unused(rule, adblockList, 'exception');
  const ex = exceptionScope(rule.replace(/^@@/, ''));
  if (ex === null) return out;
  const r = parseEntry(ex.scope, { ...opts, allowSuffixes: new Set([ex.scope]) });
  if (r.ok) out.allows.push({ expression: r.expression, exact: ex.exact });
  return out;
}

/**
 * `||host/path` is a URL prefix in Adblock syntax (unless `|` ends it). Safe Browsing prefixes are
 * whole path segments, so a path without a trailing slash becomes the page
 * itself (any query) plus everything below it as a directory.
 */
function networkRule(rule: string, line: number, adblockList: boolean, opts: SuffixOptions): LineOutcome {
  const parsed = networkRuleTarget(rule);
  if (!parsed.ok) return unused(rule, adblockList, parsed.code);
  if (parsed.badfilter) return exception(rule, adblockList, opts);
  // `||host/p?q=` matches any query starting so; Safe Browsing can only say one exact query.
  if (!parsed.anchoredEnd && parsed.target.includes('?')) return unused(rule, adblockList, 'pattern');
  const out = fromTexts([parsed.target], line, opts);
  const first = out.entries[0];
  if (first !== undefined && !parsed.anchoredEnd && first.kind === 'exact' && !first.expression.includes('?')) {
    out.entries.push({ expression: first.expression + '/', kind: 'prefix', line });
  }
  return out;
}

/** One word with none of the characters that make it a rule, a hosts line or a comment. */
const SINGLE_ENTRY = /^[^\s#|$^*@]+$/;

/** Parses a trimmed line (number `lineNo`) that is neither blank nor a comment. */
export function parseLine(line: string, lineNo: number, adblockList: boolean, opts: SuffixOptions = {}): LineOutcome {
  if (adblockList && isSubstringRule(line)) return unused(line, true, 'pattern');
  if (SINGLE_ENTRY.test(line)) return fromTexts([line], lineNo, opts);
  if (isExceptionRule(line)) return exception(line, adblockList, opts);
  if (isCosmeticRule(line)) return unused(line, adblockList, 'cosmetic');
  if (isNetworkRule(line, adblockList)) return networkRule(line, lineNo, adblockList, opts);
  // `evil.com  # note`: a `#` after whitespace starts a comment (URLs keep their fragments).
  const tokens = line.replace(/\s#.*$/, '').trim().split(/\s+/);
  const names = hostsLineNames(tokens);
  if (names !== null) return fromTexts(names, lineNo, opts);
  if (tokens.length === 1) return fromTexts(tokens, lineNo, opts);
  const out = empty();
  out.errors.push({ code: 'not-an-entry', reason: `expected one entry a line, or a hosts-file line "0.0.0.0 name...", got "${line}"` });
  return out;
}

/**
 * The fast path for the common line, a bare canonical host name: true when
 * text[start, end), the line as read (untrimmed), is one. parseLine gives it
 * the same outcome by construction: such a line is neither blank nor a
 * comment (parse-list.ts), and parseLine, past the substring-rule check,
 * hands it whole to parseEntry, whose first step is parsePlainHost with the
 * same test.
 */
export function isPlainHostLine(text: string, start: number, end: number, adblockList: boolean): boolean {
  if (!isPlainHostAt(text, start, end)) return false;
  // isSubstringRule, for a plain host: a word that does not start with a letter or digit, or has no dot.
  if (!adblockList) return true;
  const c = text.charCodeAt(start);
  if (c === 0x5f || c === 0x2d) return false;
  for (let i = start + 1; i < end; i++) if (text.charCodeAt(i) === 0x2e) return true;
  return false;
}
