import { describe, expect, it } from 'vitest';
import { parseDomains, parseEntries, parseLogins, parseSettingsFile } from '../../../src/ui/options/validate.ts';
import { parsePolicy } from '../../../src/core/policy/index.ts';

describe('options fields', () => {
  it('reads entries in any list format, with name:line errors for the refused lines', () => {
    const r = parseEntries('bitwoll.com\n\nhttp://Evil.test/login\nnot an entry\n0.0.0.0 hosts.test\nbitwoll.com\n', 'blocked');
    expect(r.values).toEqual(['bitwoll.com/', 'evil.test/login', 'hosts.test/']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^blocked:4: /);
  });

  it('saves only values the policy parser accepts', () => {
    const r = parseEntries('a.test\nb.test/path?q=1\n', 'blocked');
    expect(parsePolicy({ blockedEntries: r.values }).problems).toEqual([]);
    const d = parseDomains('example.com\nEXAMPLE.com\nhttp://x.test/a\n# note\nmybank.test', 'protected');
    expect(d.values).toEqual(['example.com', 'mybank.test']);
    expect(d.errors).toEqual(['protected:3: not a domain name alone (no path, no IP address)']);
    expect(parsePolicy({ protectedDomains: d.values }).problems).toEqual([]);
  });

  it('reads protected sign-in pages as the policy does, with name:line errors', () => {
    const r = parseLogins('https://Login.Example.org/\nftp://x.test\nhttps://sso.example.org/adfs/\nhttps://login.example.org', 'logins');
    expect(r.values).toEqual(['https://login.example.org', 'https://sso.example.org/adfs/']);
    expect(r.errors).toEqual(['logins:2: not an http(s) origin such as https://login.example.org']);
  });

  it('accepts a settings file only when it is a JSON object', () => {
    expect(parseSettingsFile('{"blockedEntries":["a.test/"]}')).toEqual({ ok: true, value: { blockedEntries: ['a.test/'] } });
    expect(parseSettingsFile('[1]')).toEqual({ ok: false, error: 'not a JSON object' });
    expect(parseSettingsFile('{oops').ok).toBe(false);
  });
});
