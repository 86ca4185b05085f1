import { describe, expect, it } from 'vitest';
import { finish } from '../../../src/core/steps.ts';
import {
  BUCKET_HOSTS,
  bucketCount,
  bucketOf,
  buildAllowRule,
  buildRedirectRules,
  FIRST_BLOCK_ID,
  FIRST_REDIRECT_ID,
  FRAME_TYPES,
  SLICE_HOSTS,
  allRuleIds,
  ipv4Aliases,
  isAllowRule,
  dnrRedirectsBefore,
  redirectRules,
  isPassRule,
  passableUrl,
  passRules,
  TRAILING_DOT_ID,
  BROWSER_LIMITS, FIREFOX_LIMITS,
} from '../../../src/core/dnr/rules.ts';
import { dnrMatches, urlFilterRegex } from './dnr-match.ts';

const WARNING = 'chrome-extension://abc/src/ui/warning/warning.html';
const hosts = (n: number) => Array.from({ length: n }, (_, i) => `h${i}.example`);
const redirects = (rules: ReturnType<typeof buildRedirectRules>['rules']) => rules.filter((r) => r.action.type === 'redirect');

describe('DNR redirect rules', () => {
  it('puts a small list in one rule pair, in input order: frames to the warning page with the original URL after #, every other request blocked', () => {
    const few = ['b.example', 'a.example', '[2001:db8::1]'];
    const [rule, block, ...more] = buildRedirectRules(few, WARNING).rules;
    expect(more).toEqual([]);
    expect(rule!.id).toBe(FIRST_REDIRECT_ID);
    expect(rule!.condition.requestDomains).toEqual(few);
    expect(rule!.action).toEqual({ type: 'redirect', redirect: { regexSubstitution: `${WARNING}#\\0` } });
    expect(rule!.condition.resourceTypes).toEqual(['main_frame', 'sub_frame']);
    expect(new RegExp(rule!.condition.regexFilter!).test('https://x.b.example:8443/a')).toBe(true);
    expect(block).toEqual({
      id: FIRST_BLOCK_ID,
      priority: rule!.priority,
      action: { type: 'block' },
      // No type list: types one browser lacks would make the other reject the rule, and a new type is covered.
      condition: { requestDomains: few, excludedResourceTypes: FRAME_TYPES },
    });
  });

  it('lists the IPv6 spellings that reach a listed IPv4 host next to it', () => {
    expect(ipv4Aliases('127.0.0.2')).toEqual(['[::ffff:7f00:2]', '[64:ff9b::7f00:2]', '[::7f00:2]']);
    expect(new URL('http://[::ffff:127.0.0.2]/').hostname).toBe(ipv4Aliases('127.0.0.2')[0]); // what a typed mapped address becomes
    // Each serialises to itself, as Firefox requires of a requestDomains entry.
    for (const a of ipv4Aliases('127.0.0.2')) expect(new URL(`http://${a}/`).hostname).toBe(a);
    expect(ipv4Aliases('evil.com')).toEqual([]);
    expect(buildRedirectRules(['1.2.3.4'], WARNING).rules[0]!.condition.requestDomains).toEqual(['1.2.3.4', ...ipv4Aliases('1.2.3.4')]);
  });

  it('spreads a big list over a power of two of rules by host hash, each host once, input order kept', () => {
    const many = hosts(BUCKET_HOSTS + 3);
    const all2 = buildRedirectRules(many, WARNING).rules;
    const rules = redirects(all2);
    expect(bucketCount(many.length)).toBe(2);
    expect(rules.map((r) => r.id)).toEqual([FIRST_REDIRECT_ID, FIRST_REDIRECT_ID + 1]);
    expect(all2.filter((r) => r.action.type === 'block').map((r) => [r.id, r.condition.requestDomains])).toEqual(rules.map((r) => [r.id - FIRST_REDIRECT_ID + FIRST_BLOCK_ID, r.condition.requestDomains]));
    const all = rules.flatMap((r) => r.condition.requestDomains);
    expect(all.length).toBe(many.length);
    expect(new Set(all)).toEqual(new Set(many));
    for (const r of rules) {
      const d = r.condition.requestDomains ?? [];
      expect(d.every((h) => bucketOf(h, 2) === r.id - FIRST_REDIRECT_ID)).toBe(true);
      const inRule = new Set(d);
      expect(d).toEqual(many.filter((h) => inRule.has(h))); // order kept
      expect(d.length).toBeGreaterThan(BUCKET_HOSTS * 0.4);
    }
  });

  it('keeps a host in its rule whatever else the list holds', () => {
    expect(bucketCount(BUCKET_HOSTS)).toBe(1);
    expect(bucketCount(4 * BUCKET_HOSTS)).toBe(4);
    expect(bucketCount(4 * BUCKET_HOSTS + 1)).toBe(8);
    expect(bucketCount(1e12)).toBe(512);
    for (const h of ['evil.com', 'a.b.c.example', '1.2.3.4']) {
      const b = bucketOf(h, 64);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(64);
      expect(bucketOf(h, 32)).toBe(b % 32); // halving the rules merges pairs
    }
  });

  it('where requestDomains misses `host.` (Firefox), sends such frames to the warning page with the whole URL and blocks the rest', () => {
    const source = { size: 1, dnrEntries: () => ({ hosts: ['bitwoll.com'], paths: [] }) };
    const firefox = finish(redirectRules([source], WARNING, [], FIREFOX_LIMITS)).rules;
    const chromium = finish(redirectRules([source], WARNING)).rules;
    expect(chromium.some((r) => r.id === TRAILING_DOT_ID)).toBe(false);
    for (const url of ['http://bitwoll.com./x?q=1', 'https://www.bitwoll.com.:8443/', 'http://bitwoll.com..', 'http://u:p@bitwoll.com.#f']) {
      expect(dnrMatches(chromium, url, 'xmlhttprequest', -1, true)).toBeUndefined(); // what got through before
      const frame = dnrMatches(firefox, url, 'main_frame', -1, true);
      expect(frame?.id).toBe(TRAILING_DOT_ID);
      const href = new URL(url).href.replace(/#.*/, '');
      const sub = frame?.action.type === 'redirect' ? frame.action.redirect.regexSubstitution : '';
      expect(href.replace(new RegExp(frame?.condition.regexFilter ?? '', 'i'), sub.replace('\\0', () => '$&'))).toBe(`${WARNING}#${href}`);
      expect(dnrMatches(firefox, url, 'xmlhttprequest', -1, true)?.id).toBe(TRAILING_DOT_ID + 1);
    }
    for (const url of ['http://bitwoll.com/', 'http://ok.example/a.b.', 'http://ok.example/?h=x.', 'http://u.x@ok.example/', 'http://[::1]:8/']) {
      expect([TRAILING_DOT_ID, TRAILING_DOT_ID + 1]).not.toContain(dnrMatches(firefox, url, 'xmlhttprequest', -1, true)?.id);
    }
    expect(finish(redirectRules([], WARNING, [], FIREFOX_LIMITS)).rules).toEqual([]);
  });

  it('gives a bucket the same digest whatever order its hosts come in (compact table order vs list order: no reinstall)', () => {
    const list = hosts(2000);
    const a = buildRedirectRules(list, WARNING).digests;
    const b = buildRedirectRules([...list].reverse(), WARNING).digests;
    expect(b).toEqual(a);
    expect(buildRedirectRules([...list.slice(1), 'other.example'], WARNING).digests).not.toEqual(a);
  });

  it('makes no rule for an empty list and carries exclusions', () => {
    expect(buildRedirectRules([], WARNING)).toEqual({ rules: [], digests: {} });
    const pair = buildRedirectRules(['evil.com'], WARNING, ['ok.evil.com']).rules;
    expect(pair.map((r) => r.condition.excludedRequestDomains)).toEqual([['ok.evil.com'], ['ok.evil.com']]);
    const ids = allRuleIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.max(...ids)).toBeLessThan(100_000); // below the session allow rules
  });

  it('allows exactly one host, any port, every request type, not its subdomains', () => {
    const rule = buildAllowRule(100_000, 'evil.com');
    const re = new RegExp(rule.condition.regexFilter!);
    expect(re.test('http://evil.com/')).toBe(true);
    expect(re.test('wss://evil.com/socket')).toBe(true);
    expect(rule.condition.resourceTypes).toEqual(expect.arrayContaining(['main_frame', 'sub_frame', 'xmlhttprequest', 'websocket', 'image', 'other']));
    expect(re.test('https://evil.com:8443/x')).toBe(true);
    expect(re.test('http://www.evil.com/')).toBe(false);
    expect(re.test('http://evilxcom/')).toBe(false);
    expect(re.test('http://evil.com.attacker.net/')).toBe(false);
    expect(rule.priority).toBeGreaterThan(buildRedirectRules(['a.b'], WARNING).rules[0]!.priority);
    expect(isAllowRule(rule)).toBe(true);
    expect(isAllowRule(buildRedirectRules(['a.b'], WARNING).rules[0]!)).toBe(false);
  });

  it('takes each host once: the largest list as it is, then the others, in slices', () => {
    const source = (hosts: string[]) => ({ size: hosts.length, dnrEntries: (a: number, b: number) => ({ hosts: hosts.slice(a, b), paths: [] }) });
    const domains = (sources: ReturnType<typeof source>[]) => redirects(finish(redirectRules(sources, WARNING)).rules).flatMap((r) => r.condition.requestDomains);
    expect(domains([])).toEqual([]);
    expect(domains([source(['a.com', 'b.com'])])).toEqual(['a.com', 'b.com']);
    expect(domains([source(['x.com', 'a.com']), source(['a.com', 'b.com', 'c.com', 'd.com']), source(['d.com', 'e.com'])])).toEqual([
      'b.com', 'c.com', 'x.com', 'a.com', 'd.com', 'e.com',
    ]);
    const steps = redirectRules([source(hosts(2 * SLICE_HOSTS + 1))], WARNING);
    let slices = 0;
    while (!steps.next().done) slices++;
    expect(slices).toBeGreaterThanOrEqual(6); // reading and bucketing, 3 slices each
  });

  it('knows what DNR redirects before the request, also while new rules are being installed', () => {
    expect(dnrRedirectsBefore()).toBe(true); // rules in force: every entry, path entries over the regex budget through the hold
    expect(dnrRedirectsBefore(null)).toBe(false); // new entry, not in the installed rules yet
    expect(dnrRedirectsBefore('old.com/')).toBe(true); // the installed rules have it
  });


  it('a pass lets exactly one page through, in one tab, as a frame, with or without a fragment', () => {
    const url = passableUrl('http://held.test/a*b^c|d?q=1');
    expect(url).toBe('http://held.test/a%2Ab%5Ec%7Cd?q=1');
    const rules = passRules(7, url);
    expect(rules.every(isPassRule)).toBe(true);
    expect(rules.some(isAllowRule)).toBe(false); // not a "Continue anyway" of the host
    expect(passRules(7, 'http://held.test/other').map((r) => r.id)).toEqual(rules.map((r) => r.id)); // the tab's last pass is replaced
    expect(passRules(8, url).map((r) => r.id)).not.toEqual(rules.map((r) => r.id));
    for (const r of rules) expect(r.condition).toMatchObject({ tabIds: [7], resourceTypes: FRAME_TYPES, requestDomains: ['held.test'], isUrlFilterCaseSensitive: true });
    const passes = (u: string) => rules.some((r) => urlFilterRegex(r.condition.urlFilter!, true).test(u));
    expect(passes(url)).toBe(true);
    expect(passes(`${url}#frag`)).toBe(true);
    for (const other of [`${url}x`, `${url}/`, url.toUpperCase(), 'http://held.test/a%2Ab%5Ec%7Cd?q=12', 'http://held.test/a%2Ab%5Ec%7Cd']) expect(passes(other)).toBe(false);
  });
});
