// The parsed form of one list file, before the engine compiles it.
import type { ListMeta } from '../model.ts';
import type { EntryKind, EntryProblemCode } from '../url/entry.ts';

/**
 * Why a line (or a name on it) was not imported. Refusals (REFUSALS) stop a
 * strict import; the rest are skipped by design of the format (a cosmetic
 * rule in an Adblock list blocks nothing) and only counted.
 */
export type SkipCode =
  | EntryProblemCode
  | 'not-an-entry'
  | 'bad-count'
  | 'narrowed'
  | 'allowed'
  | 'cosmetic'
  | 'exception'
  | 'restricted'
  | 'pattern'
  | 'fuzzylist';

/** One refused line (or name): where, why (code and sentence) and the line as written. */
export interface LineError {
  file: string;
  /** 1-based line number. */
  line: number;
  code: SkipCode;
  reason: string;
  text: string;
}

/** A line the format says carries nothing to block here (a cosmetic rule, a fuzzylist name). */
export interface LineSkip {
  line: number;
  code: SkipCode;
  text: string;
}

export interface ParsedEntry {
  /** Normalised Safe Browsing expression, e.g. `evil.com/`, `evil.com/login.html`. */
  expression: string;
  kind: EntryKind;
  /** 1-based line it came from (the first one, when the entry was listed twice). */
  line: number;
}

export interface ParsedList {
  meta: ListMeta;
  /** Distinct entries in file order. */
  entries: ParsedEntry[];
  /** The refused lines (strict mode throws instead), in line order. */
  errors: LineError[];
  /** Lines skipped by design (cosmetic and exception rules, narrowed rules in an Adblock list...). */
  skips: LineSkip[];
}

export interface ParseListOptions {
  /** File name used in errors and, without its extension, as the default list id. */
  file: string;
  id?: string;
  /** Default `user`. */
  origin?: ListMeta['origin'];
  /** Throw one Error naming every bad line instead of reporting them in `errors`. */
  strict?: boolean;
  /** Exact private suffixes the admin allows as entries (`--allow-suffix`), besides the list's own header. */
  allowSuffixes?: readonly string[];
}

/** `file:line: reason`, the one way errors are printed. */
export function formatLineError(e: Pick<LineError, 'file' | 'line' | 'reason'>): string {
  return `${e.file}:${e.line}: ${e.reason}`;
}
