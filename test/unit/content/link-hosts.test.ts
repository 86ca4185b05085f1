// The string fast paths must read every href exactly as the URL parser does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostOfHref, plainAbsoluteHost, quickHost, resolveHost, type Base, type HostCache } from '../../../src/content/link-hosts.ts';

const base: Base = { url: 'https://page.example/dir/index.html', host: 'page.example' };

describe('fast paths agree with the URL parser', () => {
  it.each([
    'https://evil.test/x', 'http://evil.test', 'https://evil.test:8443/', 'HTTPS://EVIL.TEST/', '//evil.test/a',
    'https://evil.test.', 'https://0x7f.1/', 'https://1.2.3.4/', 'https://user@evil.test/', 'https://good.test@evil.test/',
    'https://evil.test\\@good.test/', 'http:evil.test', 'http:\\\\evil.test', ' \t//evil.test', '/\t/evil.test',
    'https://ev\til.test/', 'https://xn--micrsoft-qbh.com/', 'https://micrоsoft.com/', 'https://evil%2etest/',
    'https://[::1]/', 'mailto:a@b.test', 'javascript:alert(1)', 'tel:123', 'page.html', '../x', '?q', '#f', '/p',
    'https://evil.test:99999/', 'https://a..b/', 'https://-a.test/', 'data:text/html,x', 'ftp://evil.test/',
  ])('%j', (href) => {
    expect(hostOfHref(href, base)).toBe(resolveHost(href, base.url));
  });

  it('for random hrefs built from tricky pieces', () => {
    const piece = fc.constantFrom(
      'http', 'https', 'HTTP', ':', '/', '//', '\\', '\t', '\n', ' ', '@', '.', '..', '%2e', '0x7f', '1', '255', 'a', 'evil',
      'test', 'xn--e1a', 'і', ':80', '?', '#', '-', 'mailto:', 'javascript:', '[', ']', '::1',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const href = parts.join('');
        expect(hostOfHref(href, base)).toBe(resolveHost(href, base.url));
      }),
      { numRuns: 3000 },
    );
  });

  it('the same through a host cache shared by every href of a page', () => {
    const cache: HostCache = new Map();
    const piece = fc.constantFrom('http://', 'https://', 'a', 'B', 'test', '.', '-', '1', ':', '80', '99999', '/', '?', '#', '@', '\\', 'xn--e1a', '%41');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const href = parts.join('');
        const plain = plainAbsoluteHost(href, cache);
        if (plain !== undefined) expect(plain).toBe(resolveHost(href, base.url));
      }),
      { numRuns: 5000 },
    );
    expect(cache.size).toBeGreaterThan(2); // the cache did answer
  });
});

describe('quickHost', () => {
  it('answers the common shapes without the parser', () => {
    expect(plainAbsoluteHost('https://evil.test/path')).toBe('evil.test');
    expect(plainAbsoluteHost('https://1.2.3.4/')).toBeUndefined();
    expect(quickHost('page.html', base)).toBe('page.example');
    expect(quickHost('mailto:x@y.test', base)).toBeNull();
    expect(quickHost('/\\evil.test', base)).toBeUndefined();
  });
});
