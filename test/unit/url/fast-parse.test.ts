import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { browserReadsAsDocument, parsePlainHttp } from '../../../src/core/url/fast-parse.ts';
import { parseSb } from '../../../src/core/url/sb-parse.ts';

const pathChar = fc.constantFrom(...'ab/.?#&=-_~"<>{}`|^!\'()*+,;:@[]'.split(''), '%41', '\\', ' ', '..', '//');
const plainish = fc
  .tuple(fc.constantFrom('http://', 'https://'), fc.domain(), fc.string({ unit: pathChar, maxLength: 25 }))
  .map(([scheme, host, rest]) => scheme + host + rest);

/** The general pipeline: a leading space makes the fast path decline, and is trimmed. */
const general = (url: string) => parseSb(` ${url}`);

describe('parsePlainHttp', () => {
  it('takes a plain URL and leaves it as it is', () => {
    expect(parsePlainHttp('https://a-b_c.example.com/x/y.html?q=1&r=/..//#frag')).toEqual({
      scheme: 'https',
      host: 'a-b_c.example.com',
      path: '/x/y.html',
      query: 'q=1&r=/..//',
      hadScheme: true,
    });
    expect(parsePlainHttp('http://example.com')).toMatchObject({ path: '/', query: null });
    expect(parsePlainHttp('http://example.com?')).toMatchObject({ path: '/', query: '' });
  });
  it.each([
    'HTTP://example.com/',
    'http://Example.com/',
    'http://1.2.3.4/',
    'http://example.com:80/',
    'http://u@example.com/',
    'http://example.com/a//b',
    'http://example.com/a/./b',
    'http://example.com/%41',
    'http://example.com/a\\b',
    'http://example.com/a b',
    'http://example..com/',
    'http://.example.com/',
    'http://example.com./',
    'ftp://example.com/',
    ' http://example.com/',
  ])('declines %j', (url) => {
    expect(parsePlainHttp(url)).toBeNull();
  });
  it('equals the general pipeline whenever it answers', () => {
    fc.assert(
      fc.property(plainish, (url) => {
        const fast = parsePlainHttp(url);
        if (fast !== null) expect(fast).toEqual(general(url));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 3000) },
    );
  });
});

describe('browserReadsAsDocument', () => {
  it('holds for plain hosts with escapes or dot segments, not for backslashes or odd hosts', () => {
    expect(browserReadsAsDocument('http://example.com/a/../%2e%2e/b?%41')).toBe(true);
    expect(browserReadsAsDocument('http://example.com\\evil.com/')).toBe(false);
    expect(browserReadsAsDocument('http://u:p@example.com/')).toBe(false);
    expect(browserReadsAsDocument('http://0x7f.1/')).toBe(false);
  });
  it('implies the WHATWG reading canonicalises to the document reading', () => {
    fc.assert(
      fc.property(plainish, (url) => {
        if (!browserReadsAsDocument(url)) return;
        const u = new URL(url);
        const query = u.search || (u.href.split('#')[0]!.endsWith('?') ? '?' : '');
        expect(parseSb(`${u.protocol}//${u.hostname}${u.pathname}${query}`)).toEqual(general(url));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 3000) },
    );
  });
});
