import { describe, expect, it } from 'vitest';
import { buildAllowRule, buildRedirectRules, CHUNK_SIZE, isAllowRule, isRedirectedByRules, redirectHosts } from '../../../src/core/dnr/rules.ts';

const WARNING = 'chrome-extension://abc/src/ui/warning/warning.html';

describe('DNR redirect rules', () => {
  it('packs hosts into de-duplicated requestDomains chunks, in input order, with the original URL after #', () => {
    const hosts = Array.from({ length: CHUNK_SIZE + 3 }, (_, i) => `h${i}.example`);
    const rules = buildRedirectRules([...hosts, 'h1.example'], WARNING);
    expect(rules).toHaveLength(2);
    expect(rules.map((r) => r.id)).toEqual([1, 2]);
    expect(rules[0]!.condition.requestDomains).toHaveLength(CHUNK_SIZE);
    expect(rules[1]!.condition.requestDomains).toHaveLength(3);
    const all = rules.flatMap((r) => r.condition.requestDomains);
    expect(all).toEqual(hosts);
    expect(rules[0]!.action).toEqual({ type: 'redirect', redirect: { regexSubstitution: `${WARNING}#\\0` } });
    expect(rules[0]!.condition.resourceTypes).toEqual(['main_frame']);
    expect(new RegExp(rules[0]!.condition.regexFilter).test('https://x.h1.example:8443/a')).toBe(true);
  });

  it('makes no rule for an empty list and carries exclusions', () => {
    expect(buildRedirectRules([], WARNING)).toEqual([]);
    const [rule] = buildRedirectRules(['evil.com'], WARNING, ['ok.evil.com']);
    expect(rule!.condition.excludedRequestDomains).toEqual(['ok.evil.com']);
  });

  it('allows exactly one host, any port, not its subdomains', () => {
    const rule = buildAllowRule(100_000, 'evil.com');
    const re = new RegExp(rule.condition.regexFilter);
    expect(re.test('http://evil.com/')).toBe(true);
    expect(re.test('https://evil.com:8443/x')).toBe(true);
    expect(re.test('http://www.evil.com/')).toBe(false);
    expect(re.test('http://evilxcom/')).toBe(false);
    expect(re.test('http://evil.com.attacker.net/')).toBe(false);
    expect(rule.priority).toBeGreaterThan(buildRedirectRules(['a.b'], WARNING)[0]!.priority);
    expect(isAllowRule(rule)).toBe(true);
    expect(isAllowRule(buildRedirectRules(['a.b'], WARNING)[0]!)).toBe(false);
  });

  it('redirects domain and IP entries only', () => {
    const lists = [
      {
        hostEntries: () => [
          { host: 'a.com', kind: 'domain' },
          { host: 'b.com', kind: 'prefix' },
          { host: '[::1]', kind: 'ip' },
          { host: 'c.com', kind: 'exact' },
        ],
      },
    ];
    expect([...redirectHosts(lists)]).toEqual(['a.com', '[::1]']);
  });

  it('tells whole-domain and IP entries (redirected by DNR) from path entries', () => {
    expect(isRedirectedByRules('evil.com/')).toBe(true);
    expect(isRedirectedByRules('1.2.3.4/')).toBe(true);
    expect(isRedirectedByRules('[2001:db8::1]/')).toBe(true);
    expect(isRedirectedByRules('evil.com/login/')).toBe(false);
    expect(isRedirectedByRules('evil.com/page.html?q=1')).toBe(false);
  });
});
