// Which hosts a list may name: registries never, hosting services only when the
// admin says so, a host that is a suffix only through a PSL wildcard always.
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../../src/core/url/entry.ts';
import { suffixProblem } from '../../../src/core/url/public-suffix.ts';

const code = (host: string, allow: string[] = []): string | null => suffixProblem(host, { allowSuffixes: new Set(allow) })?.code ?? null;

describe('suffixProblem', () => {
  it.each(['com', 'co.uk', 'xn--p1ai', 'foo.ck', 'x.kawasaki.jp'])('refuses the registry %s, also through an ICANN wildcard', (host) => {
    expect(code(host)).toBe('public-suffix');
    expect(code(host, [host])).toBe('public-suffix');
  });
  it.each(['github.io', 'cloudapp.net', 'support.site', 'blogspot.com', 'web.app', 'pages.dev', 'workers.dev', 'azurewebsites.net', 'compute-1.amazonaws.com'])(
    'refuses the hosting service %s unless allowed by name',
    (host) => {
      expect(code(host)).toBe('hosting-suffix');
      expect(code(host, [host])).toBeNull();
      expect(code(host, ['other.example'])).toBe('hosting-suffix');
    },
  );
  it.each([
    'ec2-3-227-136-78.compute-1.amazonaws.com', // a suffix only through *.compute-1.amazonaws.com
    'ec2-13-112-69-225.ap-northeast-1.compute.amazonaws.com',
    'x.github.io', 'x.blogspot.com', 'x.web.app', 'x.pages.dev', 'x.workers.dev', 'x.azurewebsites.net', 'x.cloudapp.net',
    'example.com', 'www.ck', 'city.kawasaki.jp', 'easytaxvn', 'corp.internal',
  ])('accepts the host %s', (host) => {
    expect(code(host)).toBeNull();
  });
  it('says how to allow a hosting service', () => {
    expect(suffixProblem('github.io')?.message).toMatch(/--allow-suffix github\.io.*# allow suffix: github\.io/);
  });
});

describe('parseEntry and suffixes', () => {
  it('lists a wildcard-suffix host as a domain entry', () => {
    expect(parseEntry('ec2-3-227-136-78.compute-1.amazonaws.com')).toMatchObject({ ok: true, kind: 'domain', expression: 'ec2-3-227-136-78.compute-1.amazonaws.com/' });
  });
  it('accepts a path on a hosting service (pages on its sites, not the whole service), never on a registry', () => {
    expect(parseEntry('github.io/health-records-x-ray/')).toMatchObject({ ok: true, kind: 'prefix' });
    expect(parseEntry('https://github.io/')).toMatchObject({ ok: false, code: 'hosting-suffix' });
    expect(parseEntry('co.uk/login/')).toMatchObject({ ok: false, code: 'public-suffix' });
  });
  it('takes the allowed names from its options', () => {
    expect(parseEntry('github.io', { allowSuffixes: new Set(['github.io']) })).toMatchObject({ ok: true, expression: 'github.io/' });
  });
});
