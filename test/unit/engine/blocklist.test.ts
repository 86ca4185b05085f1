import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Blocklist } from '../../../src/core/engine/blocklist.ts';
import type { CompileList } from '../../../src/core/engine/compile.ts';
import { readUrl } from '../../../src/core/url/readings.ts';
import { kindOf, listsArb, meta, readingArb, referenceMatch } from './arbitraries.ts';

/** `lines` as [line, expression] pairs, in file order. */
function list(id: string, lines: Array<[number, string]>): CompileList {
  return { meta: meta(id), entries: lines.map(([line, expression]) => ({ expression, kind: kindOf(expression), line })) };
}

describe('Blocklist matching', () => {
  it('equals the naive reference (Map of expressions over all lookup expressions) on random lists and readings', () => {
    fc.assert(
      fc.property(listsArb, fc.array(readingArb, { minLength: 1, maxLength: 3 }), (lists, readings) => {
        expect(Blocklist.fromLists(lists).matchReadings(readings)).toEqual(referenceMatch(lists, readings));
      }),
      { numRuns: 400 },
    );
  });

  it('matchUrl (plain URLs hashed in place) equals the reference over readUrl readings', () => {
    const urlArb = fc
      .tuple(fc.constantFrom('http://', 'https://'), readingArb, fc.constantFrom('', '#frag', '#a/b?c'))
      .map(([scheme, r, hash]) => `${scheme}${r.host}${r.path}${r.query === null ? '' : `?${r.query}`}${hash}`);
    fc.assert(
      fc.property(listsArb, urlArb, (lists, url) => {
        const verdict = Blocklist.fromLists(lists).matchUrl(url);
        const read = readUrl(url);
        expect(verdict.match).toEqual(referenceMatch(lists, read.readings));
        expect([verdict.canonical, verdict.host]).toEqual([read.canonical, read.host]);
      }),
      { numRuns: 300 },
    );
  });

  it('reports the entry, list id and line of the most specific match', () => {
    const bl = Blocklist.fromLists([
      list('thallium', [[4, 'evil.com/'], [9, 'login.evil.com/signin/']]),
      list('nickel', [[2, 'evil.com/'], [7, 'evil.com/page.html?q=1']]),
    ]);
    const at = (host: string, path: string, query: string | null = null) => bl.matchReadings([{ host, path, query }]);
    expect(at('a.b.evil.com', '/x')).toEqual({ entry: 'evil.com/', list: 'thallium', line: 4 });
    expect(at('login.evil.com', '/signin/form')).toEqual({ entry: 'login.evil.com/signin/', list: 'thallium', line: 9 });
    expect(at('evil.com', '/page.html', '1')).toEqual({ entry: 'evil.com/', list: 'thallium', line: 4 });
    expect(at('notevil.com', '/')).toBeNull();
    expect(at('evil.com.example', '/')).toBeNull();
    expect(bl.lists.map((l) => [l.id, l.count])).toEqual([['thallium', 2], ['nickel', 2]]);
    expect(bl.size).toBe(3);
  });

  it('matches exact and query entries only on that exact URL', () => {
    const bl = Blocklist.fromLists([list('l', [[1, 'evil.com/page.html?q=1'], [2, 'good.org/a.html']])]);
    const at = (host: string, path: string, query: string | null) => bl.matchReadings([{ host, path, query }]);
    expect(at('www.evil.com', '/page.html', 'q=1')?.line).toBe(1);
    expect(at('evil.com', '/page.html', 'q=2')).toBeNull();
    expect(at('evil.com', '/page.html', null)).toBeNull();
    expect(at('good.org', '/a.html', 'z')?.line).toBe(2);
    expect(at('good.org', '/a.htmlx', null)).toBeNull();
  });

  it('matches IP entries on that host only', () => {
    const bl = Blocklist.fromLists([list('l', [[1, '1.2.3.4/'], [2, '[2001:db8::1]/']])]);
    expect(bl.matchReadings([{ host: '1.2.3.4', path: '/x', query: null }])?.line).toBe(1);
    expect(bl.matchReadings([{ host: '[2001:db8::1]', path: '/', query: null }])?.line).toBe(2);
    // Not an IP (5 components): its suffix `1.2.3.4` must not reach the IP entry.
    expect(bl.matchReadings([{ host: '9.1.2.3.4', path: '/', query: null }])).toBeNull();
  });

  it('keeps the first listing of a repeated expression', () => {
    const bl = Blocklist.fromLists([list('a', [[5, 'x.com/'], [3, 'x.com/']]), list('b', [[1, 'x.com/']])]);
    expect(bl.size).toBe(1);
    expect(bl.matchReadings([{ host: 'x.com', path: '/', query: null }])).toEqual({ entry: 'x.com/', list: 'a', line: 5 });
  });

  it('lists every domain and IP entry host for DNR rules, not path entries', () => {
    const bl = Blocklist.fromLists([
      list('a', [[1, 'x.com/'], [2, 'y.com/p/'], [3, '1.2.3.4/'], [4, '[2001:db8::1]/'], [5, 'y.com/page.html?q=1']]),
      list('b', [[1, 'z.org/']]),
    ]);
    expect(bl.dnrEntries().hosts.sort()).toEqual(['1.2.3.4', '[2001:db8::1]', 'x.com', 'z.org']);
    expect(bl.dnrEntries().paths.sort()).toEqual(['y.com/p/', 'y.com/page.html?q=1']);
    // Non-ASCII text anywhere in the table (byte and character offsets differ).
    const mixed = Blocklist.fromLists([list('m', [[1, 'a.com/'], [2, 'b.com/café/'], [3, 'c.com/'], [4, 'd.com/ü'], [5, 'e.com/']])]);
    expect(mixed.dnrEntries().hosts.sort()).toEqual(['a.com', 'c.com', 'e.com']);
    expect(mixed.dnrEntries().paths.sort()).toEqual(['b.com/café/', 'd.com/ü']);
    // In ranges of entries (slices), the same hosts.
    const hostsOf = (from?: number, to?: number) => mixed.dnrEntries(from, to).hosts;
    const parts = [0, 1, 2, 3, 4].map((i) => hostsOf(i, i + 1));
    expect(parts.flat()).toEqual(hostsOf());
    expect(hostsOf(3, 99)).toEqual(hostsOf().filter((h) => parts.slice(3).flat().includes(h)));
  });

  it('handles an empty list', () => {
    const bl = Blocklist.fromLists([list('empty', [])]);
    expect(bl.size).toBe(0);
    expect(bl.matchReadings([{ host: 'a.com', path: '/', query: null }])).toBeNull();
  });

  it('judges URLs through readUrl: warn with provenance, ok, invalid', () => {
    const bl = Blocklist.fromLists([list('case-1', [[12, 'evil.com/']])]);
    expect(bl.matchUrl('https://WWW.Evil.com./login')).toMatchObject({
      canonical: 'https://www.evil.com/login',
      host: 'www.evil.com',
      verdict: 'warn',
      match: { entry: 'evil.com/', list: 'case-1', line: 12 },
    });
    expect(bl.matchUrl('https://example.org/').verdict).toBe('ok');
    expect(bl.matchUrl('javascript:alert(1)')).toMatchObject({ verdict: 'invalid', match: null });
  });
});
