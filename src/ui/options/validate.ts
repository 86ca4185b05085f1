// The options page's text fields -> setting values, with `name:line: reason`
// errors like the list importer's. Pure (no browser API): unit-tested in node.
import { parseList } from '../../core/list/parse-list.ts';
import { formatLineError } from '../../core/list/types.ts';
import { parsePolicy } from '../../core/policy/index.ts';

export interface FieldResult {
  values: string[];
  /** `name:line: reason`, in line order. */
  errors: string[];
}

/** Blocked/allowed entries: any list format the importer accepts, lenient. */
export function parseEntries(text: string, name: string): FieldResult {
  const parsed = parseList(text, { file: name, origin: 'user' });
  return { values: parsed.entries.map((e) => e.expression), errors: parsed.errors.map(formatLineError) };
}

/** One value per line of a list setting (`key`), each checked as the policy checks it. */
function parseSettingLines(key: 'protectedDomains' | 'protectedLogins', text: string, name: string): FieldResult {
  const values: string[] = [];
  const errors: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const parsed = parsePolicy({ [key]: [line] });
    const value = parsed.settings[key][0];
    if (value !== undefined && parsed.problems.length === 0) {
      if (!values.includes(value)) values.push(value);
    } else {
      errors.push(formatLineError({ file: name, line: i + 1, reason: reasonOf(parsed.problems[0]) }));
    }
  });
  return { values, errors };
}

/** Protected domains: one registrable domain per line. */
export const parseDomains = (text: string, name: string): FieldResult => parseSettingLines('protectedDomains', text, name);

/** Protected sign-in pages: one origin (with an optional path prefix) per line. */
export const parseLogins = (text: string, name: string): FieldResult => parseSettingLines('protectedLogins', text, name);

/** "protectedDomains: ignored "x": why." -> "why" */
function reasonOf(problem: string | undefined): string {
  const m = /: ignored .*?: (.*?)\.?$/.exec(problem ?? '');
  return m?.[1] ?? problem ?? 'invalid';
}

export const linesOf = (values: readonly string[]): string => values.join('\n');

/** An imported settings file: JSON object or a reason it is not one. */
export function parseSettingsFile(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'not a JSON object' };
  return { ok: true, value: value as Record<string, unknown> };
}
