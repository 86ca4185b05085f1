// MetaMask's eth-phishing-detect config (`src/config.json`):
//   blacklist (or blocklist): domains blocked with their subdomains -> entries;
//   whitelist (or allowlist): domains never flagged, which MetaMask checks
//     first -> exceptions (exceptions.ts drops the block entries they cover or
//     carve a hole in);
//   fuzzylist: the genuine sites MetaMask compares look-alikes against (edit
//     distance <= tolerance). They are not blocked: skipped as `fuzzylist`.
// Line numbers point at each name in the file as published (one a line).
import { parseEntry } from '../url/entry.ts';
import type { ListCollector } from './collect.ts';
import { buildMeta } from './meta.ts';
import type { ParseListOptions, ParsedList } from './types.ts';

const SECTIONS = { blacklist: 'block', blocklist: 'block', whitelist: 'allow', allowlist: 'allow', fuzzylist: 'fuzzy' } as const;
type SectionKey = keyof typeof SECTIONS;

/** A JSON object with a `blacklist`/`blocklist` array. */
export function isMetaMaskConfig(text: string): boolean {
  return /^\s*\{/.test(text) && /"(?:blacklist|blocklist)"\s*:\s*\[/.test(text);
}

/** `section\0name` -> the first line holding `"name"` inside that section's array. */
function lineMap(text: string): { lines: Map<string, number>; sections: Map<string, number> } {
  const lines = new Map<string, number>();
  const sections = new Map<string, number>();
  let section: string | null = null;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const open = /^\s*"(\w+)"\s*:\s*\[/.exec(raw);
    if (open) {
      section = open[1]!;
      if (!sections.has(section)) sections.set(section, i + 1);
    }
    if (section !== null) {
      for (const m of raw.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
        const key = `${section}\0${m[1]}`;
        if (m[1] !== section && !lines.has(key)) lines.set(key, i + 1);
      }
    }
    if (/\]/.test(raw)) section = null;
  });
  return { lines, sections };
}

function names(config: Record<string, unknown>, key: string): string[] {
  const v = config[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function readMetaMask(text: string, opts: ParseListOptions, collect: ListCollector): ParsedList {
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    collect.refuse(1, 'not-an-entry', `not valid JSON: ${(e as Error).message}`);
    return collect.finish((count) => buildMeta({}, opts, count));
  }
  const map = lineMap(text);
  const allowSuffixes = new Set(opts.allowSuffixes ?? []);
  for (const key of Object.keys(SECTIONS) as SectionKey[]) {
    for (const name of names(config, key)) {
      const line = map.lines.get(`${key}\0${name}`) ?? map.sections.get(key) ?? 1;
      const role = SECTIONS[key];
      if (role === 'fuzzy') {
        collect.skip(line, 'fuzzylist');
        continue;
      }
      const r = parseEntry(name, role === 'allow' ? { allowSuffixes: new Set([name]) } : { allowSuffixes });
      if (!r.ok) collect.refuse(line, r.code, r.reason);
      else if (role === 'allow') collect.allow(r.expression, line);
      else collect.entry({ expression: r.expression, kind: r.kind, line });
    }
  }
  return collect.finish((count) => buildMeta({}, opts, count));
}
