// The parsed form of one list file, before the engine compiles it.
import type { ListMeta } from '../model.ts';
import type { EntryKind } from '../url/entry.ts';

/** One bad line: where it is and why it was refused. */
export interface LineError {
  file: string;
  /** 1-based line number. */
  line: number;
  reason: string;
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
  /** Lenient mode only: the lines that were refused (strict mode throws instead). */
  errors: LineError[];
  /** Adblock rules we do not use (cosmetic, exceptions, other options) in a declared Adblock list. */
  skipped: number;
}

export interface ParseListOptions {
  /** File name used in errors and, without its extension, as the default list id. */
  file: string;
  id?: string;
  /** Default `user`. */
  origin?: ListMeta['origin'];
  /** Throw one Error naming every bad line instead of reporting them in `errors`. */
  strict?: boolean;
}

/** `file:line: reason`, the one way errors are printed. */
export function formatLineError(e: LineError): string {
  return `${e.file}:${e.line}: ${e.reason}`;
}
