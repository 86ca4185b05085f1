// The report as files for the admin: CSV (RFC 4180) and JSON.
import type { StopEvent } from './event.ts';

/** The columns, in order; the same names are the JSON fields. */
export const EXPORT_COLUMNS = ['time', 'host', 'entry', 'list', 'listTitle', 'kind', 'action', 'reason', 'count'] as const;
type Column = (typeof EXPORT_COLUMNS)[number];

const cellValue = (e: StopEvent, c: Column): string => (c === 'time' ? new Date(e.time).toISOString() : String(e[c]));

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage
 * return before one) as a formula: a host or a typed reason must not be able
 * to. Such a cell gets a leading apostrophe (OWASP's advice), which
 * spreadsheets show as text.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: a field holding a comma, quote, CR or LF is quoted, its quotes doubled. */
export function csvField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** CRLF line ends (RFC 4180), a header line, one line per row. */
export function toCsv(events: readonly StopEvent[]): string {
  const line = (cells: readonly string[]) => cells.map((c) => csvField(neutraliseFormula(c))).join(',');
  return [line(EXPORT_COLUMNS), ...events.map((e) => line(EXPORT_COLUMNS.map((c) => cellValue(e, c))))].map((l) => `${l}\r\n`).join('');
}

/** An array of objects with the CSV's columns (times as ISO text), for scripts. */
export function toJson(events: readonly StopEvent[]): string {
  const rows = events.map((e) => Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, c === 'count' ? e.count : cellValue(e, c)])));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
