// A small flag parser for the admin commands: declared flags only, so a typo is
// an error (exit 2) instead of a silently ignored option.

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface FlagSpec {
  /** Long name without dashes -> takes a value (true) or is a switch (false). */
  flags: Record<string, boolean>;
  /** Short aliases, e.g. { o: 'out' }. */
  short?: Record<string, string>;
}

export interface Parsed {
  values: Map<string, string>;
  switches: Set<string>;
  positional: string[];
}

function resolve(spec: FlagSpec, token: string): string {
  const name = token.startsWith('--') ? token.slice(2) : spec.short?.[token.slice(1)];
  if (name === undefined || !(name in spec.flags)) throw new UsageError(`unknown option ${token}`);
  return name;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): Parsed {
  const out: Parsed = { values: new Map(), switches: new Set(), positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = resolve(spec, eq > 0 ? arg.slice(0, eq) : arg);
    if (!spec.flags[name]) {
      if (eq > 0) throw new UsageError(`--${name} takes no value`);
      out.switches.add(name);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    if (out.values.has(name)) throw new UsageError(`--${name} given twice`);
    out.values.set(name, value);
  }
  return out;
}

export function required(p: Parsed, name: string): string {
  const v = p.values.get(name);
  if (v === undefined) throw new UsageError(`missing --${name}`);
  return v;
}

/** A sequence number: a positive safe integer. */
export function seqFlag(p: Parsed, name = 'seq'): number {
  const text = required(p, name);
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive whole number, got ${JSON.stringify(text)}`);
  return n;
}

/** --expires as an ISO instant; default `days` from `now`. */
export function expiresFlag(p: Parsed, now: Date, days = 30): string {
  const text = p.values.get('expires');
  if (text === undefined) return new Date(now.getTime() + days * 86_400_000).toISOString();
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new UsageError(`--expires must be an ISO date such as 2026-12-31 or 2026-12-31T12:00:00Z, got ${JSON.stringify(text)}`);
  if (t <= now.getTime()) throw new UsageError(`--expires ${text} is not in the future`);
  return new Date(t).toISOString();
}
