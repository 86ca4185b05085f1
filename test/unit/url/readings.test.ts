import { describe, expect, it } from 'vitest';
import { readUrl, type UrlReading } from '../../../src/core/url/readings.ts';

const r = (host: string, path = '/', query: string | null = null): UrlReading => ({ host, path, query });

describe('readUrl: one reading when the document and the browser agree', () => {
  it('reads a clean https URL once', () => {
    expect(readUrl('https://www.example.com/a/b.html?x=1')).toEqual({
      canonical: 'https://www.example.com/a/b.html?x=1',
      host: 'www.example.com',
      readings: [r('www.example.com', '/a/b.html', 'x=1')],
    });
  });
  it.each([
    ['http:evil.com', 'evil.com'],
    ['http://user:pw@evil.com:8080/', 'evil.com'],
    ['http://ｅｖｉｌ.com/', 'evil.com'],
    ['http://evil。com/', 'evil.com'],
    ['http://ev\u00adil.com/', 'evil.com'],
    ['http://a_b.evil.com/', 'a_b.evil.com'],
    ['HTTP://EVIL.COM/', 'evil.com'],
    ['http://0x7f.1/', '127.0.0.1'],
  ])('%j -> host %s', (url, host) => {
    expect(readUrl(url).readings).toEqual([r(host)]);
  });
});

describe('readUrl: the browser reading differs from the raw-text one', () => {
  it('follows backslashes as slashes', () => {
    const { readings, canonical } = readUrl('http://evil.com\\login');
    expect(canonical).toBe('http://evil.com\\login/');
    expect(readings).toContainEqual(r('evil.com', '/login'));
  });
  it('sees the host a backslash-before-@ trick really reaches', () => {
    const { readings } = readUrl('http://good.com\\@evil.com/');
    expect(readings).toContainEqual(r('evil.com'));
    expect(readings).toContainEqual(r('good.com', '/@evil.com/'));
  });
  it('sees both hosts of an escaped-slash-before-@ trick', () => {
    const { readings } = readUrl('http://evil.com%2F@good.com/');
    expect(readings).toContainEqual(r('evil.com', '/@good.com/'));
    expect(readings).toContainEqual(r('good.com'));
  });
  it('keeps the document reading of a URL the browser refuses', () => {
    expect(readUrl('http://host%23.com/')).toEqual({
      canonical: 'http://host%23.com/',
      host: 'host%23.com',
      readings: [r('host%23.com')],
    });
  });
  it('reads percent-escapes in the host and path the same way in both', () => {
    expect(readUrl('http://ev%69l.com/%7Ex/%2e%2E/y').readings).toEqual([r('evil.com', '/y')]);
  });
  it('reads extra slashes after the scheme as the browser does', () => {
    expect(readUrl('http:///evil.com/x')).toEqual({ canonical: null, host: 'evil.com', readings: [r('evil.com', '/x')] });
  });
});

describe('readUrl: IP hosts', () => {
  it('normalises IPv6 in brackets', () => {
    expect(readUrl('http://[2001:DB8::0:1]:80/x').readings).toEqual([r('[2001:db8::1]', '/x')]);
  });
  it('reads IPv4-mapped IPv6 as the IPv4 address', () => {
    expect(readUrl('http://[::ffff:1.2.3.4]/').readings).toEqual([r('1.2.3.4')]);
    expect(readUrl('http://[::ffff:0102:0304]/').host).toBe('1.2.3.4');
  });
});

describe('readUrl: schemes', () => {
  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'about:blank', 'mailto:a@evil.com', 'chrome://settings', 'blob:null/1234', 'file:///etc/hosts'])(
    'never judges %s',
    (url) => {
      expect(readUrl(url)).toEqual({ canonical: null, host: null, readings: [] });
    },
  );
  it('judges blob: URLs by their inner URL', () => {
    expect(readUrl('blob:https://evil.com/6d1c-44')).toEqual({
      canonical: 'https://evil.com/6d1c-44',
      host: 'evil.com',
      readings: [r('evil.com', '/6d1c-44')],
    });
  });
  it.each(['ftp://evil.com/', 'ws://evil.com/', 'wss://evil.com/', 'ftps://evil.com/'])('judges %s', (url) => {
    expect(readUrl(url).readings).toEqual([r('evil.com')]);
  });
  it('reads a bare host as http, also for the browser reading', () => {
    expect(readUrl('evil.com/login').canonical).toBe('http://evil.com/login');
    expect(readUrl('evil.com\\login').readings).toContainEqual(r('evil.com', '/login'));
  });
  it('reads host:port without a scheme as a host', () => {
    expect(readUrl('evil.com:8080/x').readings).toEqual([r('evil.com', '/x')]);
  });
});
