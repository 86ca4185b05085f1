import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOUBLED_SLASH, ENCODED_PATH, MAX_PATH_CHARS, pathPattern, pathUrlFilter, planPathRules } from '../../../src/core/dnr/path-rules.ts';
import { BLOCKED_WHOLE_ID, BROWSER_LIMITS, FIREFOX_LIMITS, DOUBLED_SLASH_ID, FIRST_FILTER_ID, HOLD_ID, buildRedirectRules, redirectRules, FIRST_PATH_ID, type RuleLimits } from '../../../src/core/dnr/rules.ts';
import { finish } from '../../../src/core/steps.ts';
import { Blocklist } from '../../../src/core/engine/blocklist.ts';
import { parseEntry } from '../../../src/core/url/entry.ts';
import { meta } from '../engine/arbitraries.ts';
import { dnrMatches, urlFilterRegex } from './dnr-match.ts';

const WARNING = 'chrome-extension://abc/src/ui/warning/warning.html';

/** One regex group and one urlFilter group fit (rules.ts pathBudgets); the rest is blocked whole. */
const TINY: RuleLimits = { regexRules: 15, dynamicRules: 18, everyType: BROWSER_LIMITS.everyType };

function engineAndRules(entries: string[], limits?: RuleLimits) {
  const parsed = entries.map((e, i) => {
    const r = parseEntry(e);
    if (!r.ok) throw new Error(r.reason);
    return { expression: r.expression, kind: r.kind, line: i + 1 };
  });
  const bl = Blocklist.fromLists([{ meta: meta('l'), entries: parsed }]);
  return { bl, built: finish(redirectRules([bl], WARNING, [], limits)) };
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

  it('groups entries by pattern, most hosts first; past the regex budget by urlFilter, then whole hosts', () => {
    const entries = ['a.com/login/', 'b.com/login/', 'c.com/x/', 'c.com/y.php', 'd.com/z/', 'e.com/w/'];
    const plan = planPathRules(entries, 2, 1);
    // Ties go by pattern text: /w/ before /x/, /y.php, /z/.
    expect(plan.groups.map((g) => g.hosts)).toEqual([['a.com', 'b.com'], ['e.com']]);
    expect(plan.hosts).toEqual(['a.com', 'b.com', 'c.com', 'd.com', 'e.com']);
    expect(plan.filtered).toEqual([{ pattern: '/x/', hosts: ['c.com'] }]);
    expect(plan.held).toEqual(['c.com', 'd.com']);
    expect(plan.blockedWhole).toEqual(['c.com', 'd.com']);
    expect(planPathRules(entries, 9, 9)).toMatchObject({ filtered: [], held: [], blockedWhole: [] });
  });

  it('spells a urlFilter with no anchor or separator of its own', () => {
    expect(pathUrlFilter('/login/')).toBe('/login/');
    expect(pathUrlFilter('/a|b^c*d?q=1')).toBe('/a*b*c*d?q=1');
    expect(urlFilterRegex(pathUrlFilter('/a|b/')).test('http://x.com/A|B/c')).toBe(true);
    expect(new RegExp(DOUBLED_SLASH).test('http://x.com/a//b')).toBe(true);
    expect(new RegExp(DOUBLED_SLASH).test('http://x.com/a/b?u=http://y')).toBe(false);
  });

  it('past the budgets: frames held, urlFilter and doubled-slash blocks, whole hosts blocked, and no regex over the limit', () => {
    const entries = ['a.com/1/', 'b.com/2/', 'c.com/3/', 'c.com/4/'];
    const { built } = engineAndRules(entries, TINY);
    const byId = new Map(built.rules.map((r) => [r.id, r]));
    expect(byId.get(HOLD_ID)?.condition).toMatchObject({ resourceTypes: ['main_frame', 'sub_frame'], requestDomains: ['b.com', 'c.com'], excludedRequestMethods: ['post'] });
    expect(byId.get(HOLD_ID)?.action.type).toBe('redirect');
    expect(byId.get(DOUBLED_SLASH_ID)?.condition.requestDomains).toEqual(['b.com', 'c.com']);
    expect(byId.get(FIRST_FILTER_ID)?.condition).toMatchObject({ urlFilter: '/2/', requestDomains: ['b.com'] });
    expect(byId.get(BLOCKED_WHOLE_ID)?.condition).toMatchObject({ requestDomains: ['c.com'] });
    expect(byId.get(BLOCKED_WHOLE_ID)?.condition.regexFilter).toBeUndefined();
    // Held hosts' blocks cover frames (their POSTs); the hold outranks them for every other frame.
    for (const id of [DOUBLED_SLASH_ID, FIRST_FILTER_ID, BLOCKED_WHOLE_ID]) expect(byId.get(id)?.condition.resourceTypes).toEqual(expect.arrayContaining(['main_frame', 'sub_frame', 'xmlhttprequest', 'webtransport']));
    // Firefox reads an empty exclusion as it is (Chromium as none given, which leaves out main_frame).
    const firefox = engineAndRules(entries, { ...FIREFOX_LIMITS, regexRules: TINY.regexRules + 2, dynamicRules: TINY.dynamicRules + 2 }).built.rules;
    expect(firefox.find((r) => r.id === BLOCKED_WHOLE_ID)?.condition.excludedResourceTypes).toEqual([]);
    expect(built.rules.filter((r) => r.condition.regexFilter).length).toBeLessThanOrEqual(TINY.regexRules);
    expect(built.rules.length).toBeLessThanOrEqual(TINY.dynamicRules);
    expect(dnrMatches(built.rules, 'http://b.com/other/', 'xmlhttprequest')).toBeUndefined(); // the rest of a held host loads
    expect(dnrMatches(built.rules, 'http://b.com/other/', 'main_frame')?.id).toBe(HOLD_ID); // after the warning page judged it
    expect(dnrMatches(built.rules, 'http://c.com/any', 'xmlhttprequest')?.id).toBe(BLOCKED_WHOLE_ID);
  });

  it('a form POST to a held host: to an unlisted page it passes with its body; to a listed path, or any page of a host blocked whole, it is blocked', () => {
    const { built } = engineAndRules(['a.com/1/', 'b.com/2/', 'c.com/3/', 'c.com/4/'], TINY);
    const post = (url: string, type: 'main_frame' | 'sub_frame' = 'main_frame') => dnrMatches(built.rules, url, type, -1, false, 'post');
    expect(post('http://b.com/other/form')).toBeUndefined();
    expect(post('http://b.com/other/form', 'sub_frame')).toBeUndefined();
    expect(post('http://b.com/2/collect')?.id).toBe(FIRST_FILTER_ID);
    expect(post('http://b.com//2//collect')?.action.type).toBe('block');
    expect(post('http://c.com/anything')?.id).toBe(BLOCKED_WHOLE_ID);
    // GET: the hold still takes the page to the warning page, listed or not.
    expect(dnrMatches(built.rules, 'http://b.com/2/collect', 'main_frame')?.id).toBe(HOLD_ID);
    expect(dnrMatches(built.rules, 'http://c.com/anything', 'sub_frame')?.id).toBe(HOLD_ID);
  });

  it('builds a rule pair per pattern plus one for encoded paths, with IPv6 aliases of IP hosts', () => {
    const { built } = engineAndRules(['evil.com/', 'sites.example/view/phish/', '10.1.2.3/login/']);
    const pathRules = built.rules.filter((r) => r.id >= FIRST_PATH_ID);
    expect(pathRules).toHaveLength(6);
    expect(pathRules.every((r) => r.condition.regexFilter)).toBe(true);
    expect(dnrMatches(built.rules, 'http://[::ffff:10.1.2.3]/login/', 'xmlhttprequest')?.action.type).toBe('block');
    expect(dnrMatches(built.rules, 'http://sites.example/view/other/', 'main_frame')).toBeUndefined();
    expect(buildRedirectRules(['x.com'], WARNING).rules.some((r) => r.id >= FIRST_PATH_ID)).toBe(false);
  });

  it.each([
    ['the browsers\' limits', undefined],
    ['tiny limits (urlFilter and whole-host tiers)', TINY],
    ['Firefox, whose requestDomains misses `host.`', FIREFOX_LIMITS],
    ['Firefox at tiny limits', { ...FIREFOX_LIMITS, regexRules: TINY.regexRules + 2, dynamicRules: TINY.dynamicRules + 2 }],
  ])('never lets through a URL the engine flags through a path entry (random entries and spellings, %s)', (_name, limits) => {
    const firefox = limits?.trailingDotUnmatched === true;
    const seg = fc.stringMatching(/^[a-zA-Z0-9._~-]{1,12}$/).filter((s) => s !== '.' && s !== '..');
    const entryArb = fc.record({
      host: fc.constantFrom('evil.com', 'sites.example', '10.1.2.3'),
      segs: fc.array(seg, { minLength: 1, maxLength: 6 }),
      kind: fc.constantFrom('prefix', 'exact', 'query'),
    });
    // How an attacker may write the URL: another case, doubled slashes, percent-encoding, a subdomain, a port, extra path or query.
    const spellingArb = fc.record({ upper: fc.boolean(), doubleSlash: fc.boolean(), encode: fc.boolean(), sub: fc.boolean(), dot: fc.boolean(), port: fc.boolean(), tail: fc.constantFrom('', 'x', 'more/y.php', '?q=1') });
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 5 }), spellingArb, fc.nat(4), (specs, sp, pick) => {
        const entries = specs.map((s) => `${s.host}/${s.segs.join('/')}${s.kind === 'prefix' ? '/' : s.kind === 'query' ? '.php?id=1' : '.html'}`);
        const { bl, built } = engineAndRules(entries, limits);
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
        const h = (sp.sub && host !== '10.1.2.3' ? `www.${host}` : host) + (sp.dot && host !== '10.1.2.3' ? '.' : '');
        const url = `http://${h}${sp.port ? ':8080' : ''}${path}`;
        if (bl.matchUrl(url).verdict !== 'warn') return; // e.g. an upper-cased path the engine reads as another page
        expect(dnrMatches(built.rules, url, 'main_frame', -1, firefox)?.action.type).toBe('redirect');
        expect(dnrMatches(built.rules, url, 'xmlhttprequest', -1, firefox)?.action.type).toBe('block');
        // A form POST to it is redirected (a GET to the warning page) or blocked: never let through.
        expect(dnrMatches(built.rules, url, 'main_frame', -1, firefox, 'post')?.action.type).toMatch(/^(?:redirect|block)$/);
      }),
      { numRuns: 300 },
    );
  });
});
