import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENCODED_PATH, MAX_PATH_CHARS, pathPattern, planPathRules } from '../../../src/core/dnr/path-rules.ts';
import { buildRedirectRules, finish, redirectRules, FIRST_PATH_ID, type DnrRule } from '../../../src/core/dnr/rules.ts';
import { Blocklist } from '../../../src/core/engine/blocklist.ts';
import { parseEntry } from '../../../src/core/url/entry.ts';
import { meta } from '../engine/arbitraries.ts';

const WARNING = 'chrome-extension://abc/src/ui/warning/warning.html';

/** What DNR does with a request: host in requestDomains (or a subdomain), regexFilter case-insensitive on the URL without fragment. */
function dnrMatches(rules: readonly DnrRule[], url: string, type: 'main_frame' | 'xmlhttprequest'): DnrRule | undefined {
  const u = new URL(url);
  const href = u.href.slice(0, u.hash ? u.href.length - u.hash.length : undefined);
  return rules.find((r) => {
    const c = r.condition;
    const typeOk = c.resourceTypes ? c.resourceTypes.includes(type) : !c.excludedResourceTypes?.includes(type);
    const hostOk = c.requestDomains.some((d) => u.hostname === d || u.hostname.endsWith(`.${d}`));
    return typeOk && hostOk && (!c.regexFilter || new RegExp(c.regexFilter, 'i').test(href));
  });
}

function engineAndRules(entries: string[]) {
  const parsed = entries.map((e, i) => {
    const r = parseEntry(e);
    if (!r.ok) throw new Error(r.reason);
    return { expression: r.expression, kind: r.kind, line: i + 1 };
  });
  const bl = Blocklist.fromLists([{ meta: meta('l'), entries: parsed }]);
  return { bl, built: finish(redirectRules([bl], WARNING)) };
}

describe('path entries as DNR rules', () => {
  it('spells a prefix, an exact page and a page with its query, slashes collapsible', () => {
    const re = (p: string) => new RegExp(pathPattern(p), 'i');
    expect(re('/login/').test('https://a.evil.com:8443//login//x?y')).toBe(true);
    expect(re('/login/').test('http://evil.com/LOGIN/')).toBe(true);
    expect(re('/login/').test('http://evil.com/log/in/')).toBe(false);
    expect(re('/login/').test('http://evil.com/x/login/')).toBe(false);
    expect(re('/p.html').test('ws://evil.com/p.html?z=1')).toBe(true);
    expect(re('/p.html').test('http://evil.com/p.htmlx')).toBe(false);
    expect(re('/p.html').test('http://evil.com/pxhtml')).toBe(false);
    expect(re('/p.php?id=1').test('http://evil.com/p.php?id=1')).toBe(true);
    expect(re('/p.php?id=1').test('http://evil.com/p.php?id=12')).toBe(false);
    // Too long to spell: a prefix of it, which matches more, never less.
    const long = `/${'a'.repeat(MAX_PATH_CHARS + 10)}/x.php`;
    expect(re(long).test(`http://evil.com${long}`)).toBe(true);
    expect(pathPattern(long).length).toBeLessThan(100);
  });

  it('catches percent-encoded unreserved characters and slashes, not other escapes', () => {
    const re = new RegExp(ENCODED_PATH, 'i');
    for (const p of ['/%6Cogin/', '/login%2F', '/log%69n/', '/%2e%2E/x', '/a%7e', '/%30']) expect(re.test(`http://evil.com${p}`)).toBe(true);
    for (const p of ['/a%20b/', '/%E2%82%AC', '/?q=%6C', '/x#%6C']) expect(re.test(`http://evil.com${p}`)).toBe(false);
  });

  it('groups entries by pattern, most hosts first, and leaves what is over the budget to the fallback', () => {
    const plan = planPathRules(['a.com/login/', 'b.com/login/', 'c.com/x/', 'c.com/y.php'], 2);
    expect(plan.groups.map((g) => g.hosts)).toEqual([['a.com', 'b.com'], ['c.com']]);
    expect(plan.hosts).toEqual(['a.com', 'b.com', 'c.com']);
    expect(plan.leftToFallback).toEqual(['c.com/y.php']);
  });

  it('builds a rule pair per pattern plus one for encoded paths, with IPv6 aliases of IP hosts', () => {
    const { built } = engineAndRules(['evil.com/', 'sites.example/view/phish/', '10.1.2.3/login/']);
    const pathRules = built.rules.filter((r) => r.id >= FIRST_PATH_ID);
    expect(pathRules).toHaveLength(6);
    expect(pathRules.every((r) => r.condition.regexFilter)).toBe(true);
    expect(dnrMatches(built.rules, 'http://[::ffff:10.1.2.3]/login/', 'xmlhttprequest')?.action.type).toBe('block');
    expect(dnrMatches(built.rules, 'http://sites.example/view/other/', 'main_frame')).toBeUndefined();
    expect(built.leftToFallback).toEqual([]);
    expect(buildRedirectRules(['x.com'], WARNING).rules.some((r) => r.id >= FIRST_PATH_ID)).toBe(false);
  });

  it('never lets through a URL the engine flags through a path entry (random entries and spellings)', () => {
    const seg = fc.stringMatching(/^[a-zA-Z0-9._~-]{1,12}$/).filter((s) => s !== '.' && s !== '..');
    const entryArb = fc.record({
      host: fc.constantFrom('evil.com', 'sites.example', '10.1.2.3'),
      segs: fc.array(seg, { minLength: 1, maxLength: 6 }),
      kind: fc.constantFrom('prefix', 'exact', 'query'),
    });
    // How an attacker may write the URL: another case, doubled slashes, percent-encoding, a subdomain, a port, extra path or query.
    const spellingArb = fc.record({ upper: fc.boolean(), doubleSlash: fc.boolean(), encode: fc.boolean(), sub: fc.boolean(), port: fc.boolean(), tail: fc.constantFrom('', 'x', 'more/y.php', '?q=1') });
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 5 }), spellingArb, fc.nat(4), (specs, sp, pick) => {
        const entries = specs.map((s) => `${s.host}/${s.segs.join('/')}${s.kind === 'prefix' ? '/' : s.kind === 'query' ? '.php?id=1' : '.html'}`);
        const { bl, built } = engineAndRules(entries);
        const target = entries[pick % entries.length]!;
        const [host, ...rest] = target.split('/');
        let path = `/${rest.join('/')}`;
        const q = path.indexOf('?');
        let pathOnly = q < 0 ? path : path.slice(0, q);
        const query = q < 0 ? '' : path.slice(q);
        if (sp.upper) pathOnly = pathOnly.toUpperCase();
        if (sp.doubleSlash) pathOnly = pathOnly.replaceAll('/', '//');
        if (sp.encode) pathOnly = pathOnly.replace(/[a-zA-Z0-9]/, (c) => `%${c.charCodeAt(0).toString(16)}`);
        path = pathOnly + query;
        if (sp.tail && target.endsWith('/')) path += sp.tail;
        const h = sp.sub && host !== '10.1.2.3' ? `www.${host}` : host;
        const url = `http://${h}${sp.port ? ':8080' : ''}${path}`;
        if (bl.matchUrl(url).verdict !== 'warn') return; // e.g. an upper-cased path the engine reads as another page
        expect(dnrMatches(built.rules, url, 'main_frame')?.action.type).toBe('redirect');
        expect(dnrMatches(built.rules, url, 'xmlhttprequest')?.action.type).toBe('block');
      }),
      { numRuns: 300 },
    );
  });
});
