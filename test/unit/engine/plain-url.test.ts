import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlainUrl } from '../../../src/core/engine/plain-url.ts';
import { readUrl } from '../../../src/core/url/readings.ts';
import { syntheticDomains, syntheticUrls } from '../../../scripts/bench/synthetic.ts';

function expectAgreement(url: string): boolean {
  const plain = readPlainUrl(url);
  if (plain === null) return false;
  const full = readUrl(url);
  expect({ canonical: plain.canonical, host: plain.reading.host, readings: [plain.reading] }, url).toEqual(full);
  return true;
}

const piece = fc.constantFrom(
  'http://', 'https://', 'HTTP://', 'ftp://', 'www.', 'evil', 'Evil', 'com', '.', '..', '/', '//', '/./', '/../', '?', '#', '%', '%2e', '%41',
  ' ', '\t', '\\', '@', ':80', '1', '0x7f', '123', 'xn--', 'a-b', '_', '~', '=', '&', "'", '"', '<', 'é', '\u3002', '.well-known', 'index.html',
  '(', ')', '*', '+', ',', ';', '!', '$', '[', ']', '{', '|', '^', '`',
);
const urlish = fc.array(piece, { maxLength: 14 }).map((p) => p.join(''));
const httpish = fc.tuple(fc.constantFrom('http://', 'https://'), urlish).map(([s, rest]) => s + rest);
/** Mostly plain URLs with the odd piece inside, so the fast path answers often. */
const label = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('www', 'evil', 'a-b', 'c_d', 'x1', 'com', 'uk') }, { weight: 1, arbitrary: piece });
const segment = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('a', 'B', 'x.html', "it's", '~u', '=', ':@', '', '(x)', 'a*b+c', ',;', '!$') }, { weight: 1, arbitrary: piece });
const almostPlain = fc
  .tuple(
    fc.constantFrom('http://', 'https://'),
    fc.array(label, { minLength: 1, maxLength: 4 }),
    fc.array(segment, { maxLength: 4 }),
    fc.option(fc.array(segment, { maxLength: 3 }), { nil: null }),
    fc.option(urlish, { nil: null }),
  )
  .map(([s, host, path, query, hash]) => `${s}${host.join('.')}/${path.join('/')}${query ? `?${query.join('&')}` : ''}${hash === null ? '' : `#${hash}`}`);

describe('plain URL fast path', () => {
  it('agrees with readUrl whenever it answers (random URL-ish strings)', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.oneof(urlish, httpish, almostPlain), (url) => {
        if (expectAgreement(url)) answered++;
      }),
      { numRuns: 4000 },
    );
    expect(answered).toBeGreaterThan(400);
  });

  it('answers for the typical URL and agrees', () => {
    const urls = [
      'https://www.evil.com/login?next=/account#top',
      'http://evil.com/?',
      'http://evil.com/#',
      'https://a-b.c_d.example.co.uk/x/y/z.html',
      ...syntheticUrls(2000, syntheticDomains(100, 1), 0.1, 2),
    ];
    for (const url of urls) expect(expectAgreement(url), url).toBe(true);
  });

  it('declines what needs the full pipeline', () => {
    for (const url of ['http://evil.com', 'http://evil.com?q', 'HTTP://evil.com/', 'http://Evil.com/', 'http://evil.com./', 'http://1.2.3.4/', 'http://evil.com/a/../b', 'http://evil.com/%41', 'http://evil.com:80/', 'http://u@evil.com/', 'http://xn--80ak6aa92e.com/', 'http://evil.com/a b', 'http://evil.com\\x']) {
      expect(readPlainUrl(url), url).toBeNull();
    }
  });
});
