import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../../src/core/url/canonicalize.ts';
import { DOCUMENT_VECTORS, GO_CLIENT_VECTORS, IPV4_VECTORS, NO_HOST_INPUTS } from './sb-vectors.ts';

describe('canonicalize: Safe Browsing v4 document vectors', () => {
  it('has all 33 vectors of the document, including the tab/CR/LF one', () => {
    expect(DOCUMENT_VECTORS).toHaveLength(33);
    expect(DOCUMENT_VECTORS.some(([input]) => input === 'http://www.google.com/foo\tbar\rbaz\n2')).toBe(true);
  });
  it.each(DOCUMENT_VECTORS)('%j -> %s', (input, expected) => {
    expect(canonicalize(input)).toBe(expected);
  });
});

describe('canonicalize: Google Go client vectors', () => {
  it.each(GO_CLIENT_VECTORS)('%j -> %s', (input, expected) => {
    expect(canonicalize(input)).toBe(expected);
  });
  it.each(NO_HOST_INPUTS)('%j has no canonical form', (input) => {
    expect(canonicalize(input)).toBeNull();
  });
});

describe('canonicalize: host rules', () => {
  it.each(IPV4_VECTORS)('IPv4 %s -> %s', (host, quad) => {
    expect(canonicalize(`http://${host}/`)).toBe(`http://${quad}/`);
  });
  it('keeps non-IPv4 numeric-looking hosts as names', () => {
    expect(canonicalize('http://1.2.3.256/')).toBe('http://1.2.3.256/');
    expect(canonicalize('http://1.2.3.4.5/')).toBe('http://1.2.3.4.5/');
    expect(canonicalize('http://1.2.3.09/')).toBe('http://1.2.3.09/');
  });
  it('strips and collapses dots, lower-cases, drops userinfo and port', () => {
    expect(canonicalize('http://..A..B..COM../x')).toBe('http://a.b.com/x');
    expect(canonicalize('https://user:pass@Evil.COM:8443/login')).toBe('https://evil.com/login');
  });
  it('turns IDN and UTS #46 mapped hosts into punycode', () => {
    expect(canonicalize('http://ｅｘａｍｐｌｅ。com/')).toBe('http://example.com/');
    expect(canonicalize('http://пример.рф/')).toBe('http://xn--e1afmkfd.xn--p1ai/');
    expect(canonicalize('http://www.%C3%BCmlat.com/')).toBe('http://www.xn--mlat-zra.com/');
    expect(canonicalize('http://i❤.ws/')).toBe('http://xn--i-7iq.ws/');
  });
  it('never lets a non-ASCII look-alike of URL syntax split the host', () => {
    expect(canonicalize('http://evil.com＠good.com/')).toBe('http://evil.com%EF%BC%A0good.com/');
    expect(canonicalize('http://evil.com／good.com/')).toBe('http://evil.com%EF%BC%8Fgood.com/');
  });
  it('normalises IPv6, mapping IPv4-mapped addresses to the dotted quad', () => {
    expect(canonicalize('http://[2001:DB8:0:0::1]:8080/')).toBe('http://[2001:db8::1]/');
    expect(canonicalize('http://[::ffff:1.2.3.4]/a')).toBe('http://1.2.3.4/a');
    expect(canonicalize('http://[not-v6]/')).toBeNull();
  });
  it('accepts underscores in host names', () => {
    expect(canonicalize('http://a_b.evil.com/')).toBe('http://a_b.evil.com/');
  });
});

describe('canonicalize: path, query and escaping', () => {
  it('resolves dot segments and slashes in the path only', () => {
    expect(canonicalize('http://a.com/a/./b/../c//d/')).toBe('http://a.com/a/c/d/');
    expect(canonicalize('http://a.com/a/..')).toBe('http://a.com/');
    // `..` removes the empty component between `//`, as the document's order and WHATWG agree.
    expect(canonicalize('http://a.com/a//..')).toBe('http://a.com/a/');
    expect(canonicalize('http://a.com/%2e%2E/a/%2e/b')).toBe('http://a.com/a/b');
    expect(canonicalize('http://a.com/x?a/../b//c')).toBe('http://a.com/x?a/../b//c');
  });
  it('escapes control, space, non-ASCII, # and % bytes with uppercase hex', () => {
    expect(canonicalize('http://a.com/a b\x7f%7e%ff')).toBe('http://a.com/a%20b%7F~%FF');
    expect(canonicalize('http://a.com/é')).toBe('http://a.com/%C3%A9');
  });
  it('assumes http when there is no scheme, and reads host:port as a host', () => {
    expect(canonicalize('evil.com:8080/x')).toBe('http://evil.com/x');
  });
  it('reads http:evil.com as the browser does', () => {
    expect(canonicalize('http:evil.com/x')).toBe('http://evil.com/x');
  });
  it('has no canonical form for schemes that are never judged', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'about:blank', 'chrome://settings', 'file:///etc/passwd']) {
      expect(canonicalize(url)).toBeNull();
    }
  });
});
