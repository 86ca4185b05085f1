// Random lists and readings over a tiny alphabet, so entries and lookups collide often.
import fc from 'fast-check';
import type { ListMeta, Match } from '../../../src/core/model.ts';
import type { CompileEntry, CompileList } from '../../../src/core/engine/compile.ts';
import { lookupExpressions, type LookupInput } from '../../../src/core/engine/expressions.ts';

const label = fc.constantFrom('a', 'b', 'c', 'xn--d', 'e-f', 'g_h');
const segment = fc.constantFrom('x', 'y', 'z.html', '%20', '');
const ipv4 = fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3), fc.nat(3)).map((p) => p.join('.'));
const ipv6 = fc.constantFrom('[::1]', '[2001:db8::1]');
const domain = fc.array(label, { minLength: 1, maxLength: 7 }).map((l) => l.join('.'));

export const hostArb = fc.oneof({ weight: 6, arbitrary: domain }, { weight: 1, arbitrary: ipv4 }, { weight: 1, arbitrary: ipv6 });
const pathArb = fc
  .tuple(fc.array(segment, { maxLength: 6 }), fc.boolean())
  .map(([segs, slash]) => `/${segs.join('/')}${slash && segs.length > 0 ? '/' : ''}`);
const queryArb = fc.option(fc.constantFrom('', 'q=1', 'a=b&c'), { nil: null });

export const readingArb: fc.Arbitrary<LookupInput> = fc.record({ host: hostArb, path: pathArb, query: queryArb });

export function kindOf(expression: string): CompileEntry['kind'] {
  const slash = expression.indexOf('/');
  const path = expression.slice(slash);
  if (path === '/') return /^[\d.]+$|^\[/.test(expression.slice(0, slash)) ? 'ip' : 'domain';
  return path.endsWith('/') ? 'prefix' : 'exact';
}

/** An expression a reading looks up (so lists built from them hit), or a random one. */
const expressionArb = fc.oneof(
  readingArb.chain((r) => fc.constantFrom(...lookupExpressions(r))),
  fc.tuple(hostArb, pathArb).map(([h, p]) => h + p),
);

export function meta(id: string, origin: ListMeta['origin'] = 'court'): ListMeta {
  return { id, title: `Case ${id}`, origin, count: 0 };
}

export const listsArb: fc.Arbitrary<CompileList[]> = fc
  .array(fc.array(expressionArb, { maxLength: 25 }), { minLength: 1, maxLength: 3 })
  .map((lists) =>
    lists.map((exprs, li) => ({
      meta: meta(`list-${li}`),
      entries: exprs.map((expression, k) => ({ expression, kind: kindOf(expression), line: 3 * k + 1 })),
    })),
  );

/** The naive reference: a Map from expression to its first listing, checked over all lookup expressions. */
export function referenceMatch(lists: readonly CompileList[], readings: readonly LookupInput[]): Match | null {
  const first = new Map<string, Match>();
  for (const list of lists) {
    for (const e of list.entries) if (!first.has(e.expression)) first.set(e.expression, { entry: e.expression, list: list.meta.id, line: e.line });
  }
  for (const r of readings) {
    for (const expression of lookupExpressions(r)) {
      const m = first.get(expression);
      if (m) return m;
    }
  }
  return null;
}
