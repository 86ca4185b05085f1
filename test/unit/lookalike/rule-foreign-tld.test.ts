import { describe, expect, it } from 'vitest';
import { byForeignTld } from '../../../src/core/lookalike/rule-foreign-tld.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { index, parts } from './rules.helpers.ts';

const tld = (host: string) => byForeignTld(index, parts(host));

describe('brand under a foreign TLD', () => {
  it.each([
    ['paypal.xyz', 'paypal.com', 'xyz'],
    ['gmail.co', 'gmail.com', 'co'],
    ['microsoftonline.club', 'microsoftonline.com', 'club'],
    ['login.github.io.ai', null, null],
  ])('%s', (host, imitates, ending) => {
    const r = tld(host);
    if (imitates) expect(r).toMatchObject({ imitates, rule: 'foreign-tld', part: ending });
    else expect(r).toBeNull();
  });

  it.each(['google.de', 'yahoo.co.jp', 'hotmail.fr', 'docusign.co.uk', 'microsoft.github.io', 'live.xyz', 'hotmail.con'])(
    'leaves %s to its owner or the blocklists',
    (host) => {
      expect(tld(host)).toBe('own');
    },
  );

  it.each([
    ['naver.co.in', 'naver.com', 'co.in'],
    ['naver.com.mx', 'naver.com', 'com.mx'],
    ['naver.com.se', 'naver.com', 'com.se'], // a private suffix that spells the brand's own domain
    ['daum.net.pl', 'daum.net', 'net.pl'], // a word brand too, its whole domain spelled
  ])('an owner without national sites: %s imitates %s', (host, imitates, ending) => {
    expect(tld(host)).toMatchObject({ imitates, rule: 'foreign-tld', part: ending });
  });

  it.each(['google.com.mx', 'naver.github.io', 'daum.de'])('national sites and shared hosts stay: %s', (host) => {
    expect(tld(host)).toBe('own');
  });

  it("an owner's own national site is owned (brands.json), so never judged", () => {
    expect(lookalike(index, 'naver.jp')).toBeNull();
  });

  it('is not asked about other labels', () => {
    expect(tld('example.xyz')).toBeNull();
  });
});

describe('short names that are no word (brands.json shortNames)', () => {
  it('1drv, OneDrive share links, is distinctive despite its four letters', () => {
    expect(tld('1drv.xyz')).toMatchObject({ imitates: '1drv.ms', brand: 'Microsoft', rule: 'foreign-tld' });
    expect(lookalike(index, '1drv.ms')).toBeNull();
    expect(tld('okta.xyz')).toBe('own'); // a four-letter word brand stays a word
  });
});
