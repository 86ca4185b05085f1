import { describe, expect, it } from 'vitest';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { byEmbeddedDomain } from '../../../src/core/lookalike/rule-embedded-domain.ts';
import { index, parts } from './rules.helpers.ts';

const embedded = (host: string) => byEmbeddedDomain(index, parts(host))?.imitates ?? null;

describe('a protected domain spelled inside the host', () => {
  it.each([
    ['outlook.com.evil.net', 'outlook.com'],
    ['live-com.net', 'live.com'],
    ['navers.com-checking.link', 'naver.com'], // letters added to a distinctive brand before its own ending
    ['nld.naverwebs.com-password.link', 'naver.com'],
  ])('%s holds %s', (host, imitates) => {
    expect(embedded(host)).toBe(imitates);
  });

  it.each(['lives.com-checking.link', 'navers.org-checking.link', 'navercom.example', 'outlooks.com-checking.link'])(
    '%s does not: a word brand, another ending, or no ending after it',
    (host) => {
      expect(embedded(host)).toBeNull();
    },
  );
});

describe('a distinctive brand split in two by a dot or a hyphen', () => {
  it.each([
    ['pay.pal.assistenzacliene-conto.com', 'paypal.com', 'pay.pal'],
    ['micro-soft-login.com', 'microsoft.com', 'micro-soft'],
  ])('%s holds %s, written %s', (host, imitates, part) => {
    expect(byEmbeddedDomain(index, parts(host))).toMatchObject({ imitates, rule: 'embedded-brand', part });
  });

  it.each(['hot.mail.example.com', 'p.aypal.example.com', 'pay.pals.example.com', 'pay.pal.example'])(
    '%s does not: a name built on a word, an initial, other letters, a site\'s own host name (pay. of pal.example)',
    (host) => {
      expect(embedded(host)).toBeNull();
    },
  );
});

describe('an owned domain named by a product word, spelled inside the host', () => {
  it('stands for the brand (m-fb.com-----caseid: fb.com is Meta\'s)', () => {
    expect(byEmbeddedDomain(index, parts('m-fb.com-----caseid-pmdjowcsat.cvsynergy.com'))).toMatchObject({
      imitates: 'facebook.com',
      brand: 'Meta',
      part: 'fb.com',
    });
    expect(embedded('appleid.com.evil.net')).toBe('apple.com');
  });

  it('not an owned domain named otherwise (a CDN), nor the owned domain itself', () => {
    expect(embedded('x.fbcdn.net.example.com')).toBeNull();
    expect(embedded('fb-community.example.com')).toBeNull();
  });
});

describe('a brand with a national ending spelled after it', () => {
  it.each([
    ['apple-co-jp.com', 'apple.com'],
    ['apple.co.jp.evil.com', 'apple.com'],
    ['github-co-uk.net', 'github.com'],
  ])('%s imitates %s', (host, imitates) => {
    expect(lookalike(index, host)).toMatchObject({ imitates, rule: 'embedded-brand' });
  });

  it.each(['apple-co-op.com', 'live-co-uk.net', 'apple.co.jp', 'x.apple.co.jp'])('%s stays quiet', (host) => {
    // Not a country, a word brand (office, live), or the brand's own national site.
    expect(lookalike(index, host)).toBeNull();
  });
});
