import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../../src/core/url/entry.ts';

describe('parseEntry', () => {
  it.each([
    ['example.com', 'example.com/', 'domain'],
    ['Example.COM.', 'example.com/', 'domain'],
    ['example.com/path/', 'example.com/path/', 'prefix'],
    ['example.com/page.html', 'example.com/page.html', 'exact'],
    ['example.com/page.html?q=1', 'example.com/page.html?q=1', 'exact'],
    ['https://evil.com/login', 'evil.com/login', 'exact'],
    ['https://user@evil.com:8443/', 'evil.com/', 'domain'],
    ['ümlat.com', 'xn--mlat-zra.com/', 'domain'],
    ['a_b.evil.com', 'a_b.evil.com/', 'domain'],
    ['1.2.3.4', '1.2.3.4/', 'ip'],
    ['0x01020304', '1.2.3.4/', 'ip'],
    ['2001:DB8::1', '[2001:db8::1]/', 'ip'],
    ['[2001:db8::1]', '[2001:db8::1]/', 'ip'],
    ['::ffff:1.2.3.4', '1.2.3.4/', 'ip'],
    ['1.2.3.4/admin/', '1.2.3.4/admin/', 'prefix'],
    ['www.ck', 'www.ck/', 'domain'],
  ])('%j -> %s (%s)', (text, expression, kind) => {
    expect(parseEntry(text)).toMatchObject({ ok: true, expression, kind });
  });

  it('reports the canonical host', () => {
    expect(parseEntry('https://Sub.Evil.com/x')).toMatchObject({ ok: true, host: 'sub.evil.com' });
  });

  it.each(['com', 'co.uk', 'github.io', 'foo.ck', 'рф'])('refuses the bare public suffix %s', (text) => {
    const r = parseEntry(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/public suffix/);
  });

  it.each([
    ['', /empty/],
    ['mailto:x@evil.com', /not a web address/],
    ['javascript:alert(1)', /not a web address/],
    ['http:///nohost', /no host/],
    ['evil .com', /not a valid host name/],
    ['*.evil.com', /not a valid host name/],
    ['a'.repeat(64) + '.com', /not a valid host name/],
  ])('refuses %j', (text, reason) => {
    const r = parseEntry(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
