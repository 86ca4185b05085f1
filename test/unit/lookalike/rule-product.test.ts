import { describe, expect, it } from 'vitest';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { productTarget } from '../../../src/core/lookalike/rule-product.ts';
import { index } from './rules.helpers.ts';

const none = { signIn: false, freeSite: false };
const product = (token: string, context = none) => productTarget(index, token, context)?.domain ?? null;

describe("a brand's product word standing for the brand", () => {
  it('a two-letter abbreviation glued to glue words may end in a number, not be one alone', () => {
    expect(product('peringatanfb2018')).toBe('facebook.com'); // Indonesian for warning, a sign-in word
    expect(product('appsfb77')).toBe('facebook.com');
    expect(product('ms1')).toBeNull(); // a server's name
    expect(lookalike(index, 'ms1.morganstanley.com')).toBeNull();
  });

  it('azure and windows stand for Microsoft next to a sign-in word, not spelled into another name', () => {
    expect(lookalike(index, 'azure-portal-login.com')).toMatchObject({ imitates: 'microsoft.com' });
    expect(lookalike(index, 'windows-support-alert.com')).toMatchObject({ imitates: 'microsoft.com' });
    expect(lookalike(index, 'windows-and-doors.com')).toBeNull();
    expect(lookalike(index, 'edge.azureedge.net.example.com')).toBeNull(); // azureedge.net is no azure.net with letters added
  });

  it('alone, only next to a sign-in word or on a free site', () => {
    expect(product('nid')).toBeNull();
    expect(product('nid', { signIn: true, freeSite: false })).toBe('naver.com');
    expect(product('nid', { signIn: false, freeSite: true })).toBe('naver.com');
  });

  it.each([
    ['helpnid', 'naver.com'], // a sign-in word glued on
    ['owalogin', 'microsoft.com'],
    ['iphonesupport', 'apple.com'],
    ['metasupportmail', 'facebook.com'], // the sign-in word inside a longer glued rest
    ['m365login', 'microsoft.com'], // Microsoft 365's short name
    ['mshelpdesk', 'microsoft.com'], // a help desk is glue with a sign-in word in it
    ['gpayverify', 'google.com'], // Google Pay's and G Suite's short names
    ['gsuitelogin', 'google.com'],
    ['azurelogin', 'microsoft.com'], // Microsoft's cloud and its system: their sign-ins are Microsoft's
    ['windowssupport', 'microsoft.com'],
  ])('glued to a sign-in word: %s names %s', (token, domain) => {
    expect(product(token)).toBe(domain);
  });

  it('glued to other glue words, only with a sign-in word or a free site around', () => {
    expect(product('nidcorp')).toBeNull();
    expect(product('nidcorp', { signIn: false, freeSite: true })).toBe('naver.com');
    expect(lookalike(index, 'nidcorp.n-e.kr')).toMatchObject({ imitates: 'naver.com' });
  });

  it.each(['nidus', 'iosevka', 'memberdrive', 'primelogin', 'teamslogin', 'metadata', 'metaverse'])('%s names no brand', (token) => {
    // Not glue around it; or the product word is a glue word itself (drive, prime, teams).
    expect(product(token)).toBeNull();
  });
});

describe('a two-letter product word glued to glue words only (gluedAbbreviation)', () => {
  it.each([
    ['appsfb', 'facebook.com'],
    ['appappfbfb', 'facebook.com'], // written twice
    ['igsecurity', 'facebook.com'], // Instagram's ig names Meta
    ['mobilefb', 'facebook.com'],
    ['fbloginsecure', 'facebook.com'],
    ['periingatanfb1923', 'facebook.com'], // a lure word misspelt as phishers misspell them may lead
    ['verfyfb', 'facebook.com'],
  ])('%s names %s', (token, domain) => {
    expect(product(token)).toBe(domain);
  });

  it.each(['fbi', 'fbxyz', 'bigapp', 'signal', 'fbrandom', 'appsfbx', 'msgs', 'fbmail', 'msmail', 'igemail', 'veritasfb', 'confirms'])('%s does not: other letters or a service word are glued on, or a lure word lends it a letter', (token) => {
    expect(product(token)).toBeNull();
  });

  it('on the eval lures it names Meta', () => {
    expect(lookalike(index, 'appsfb.appsyoutubefb.xyz')).toMatchObject({ brand: 'Meta', rule: 'subdomain' });
    expect(lookalike(index, 'igsecurity.email')).toMatchObject({ brand: 'Meta', rule: 'embedded-brand' });
    expect(lookalike(index, 'mobilefb.hol.es')).toMatchObject({ brand: 'Meta' });
  });
});
