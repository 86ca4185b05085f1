import { describe, expect, it } from 'vitest';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { compoundTarget } from '../../../src/core/lookalike/rule-compound.ts';
import { looseFold } from '../../../src/core/lookalike/fold.ts';
import { index } from './rules.helpers.ts';

const glued = (token: string) => compoundTarget(index, token, looseFold(token))?.domain ?? null;

describe('brand glued into a compound label', () => {
  it.each([
    ['googleeplay', 'google.com'],
    ['chromegoogle', 'google.com'],
    ['paypalbtc', 'paypal.com'],
    ['amazonbalance', 'amazon.com'],
    ['amazon8898', 'amazon.com'],
    ['selfmicrosofrtenabletrue', 'microsoft.com'],
    ['mymicrosoftaccount', 'microsoft.com'],
    ['forkdeltagithub', 'github.com'],
    ['applecenter', 'apple.com'],
    ['rrnaver', 'naver.com'], // a stray prefix before a distinctive brand that ends the name
    ['cnaver', 'naver.com'],
    ['sslnaver', 'naver.com'],
    ['xpaypallogin', 'paypal.com'], // or one whose rest goes on to the credential step
    ['sslnaverlogin', 'naver.com'],
    ['naverauthority', 'naver.com'], // a rest holding a credential word
    ['facebookonlinenotice', 'facebook.com'], // sign-in words are glue
    ['appleinc', 'apple.com'], // and company-form words
    ['navercorp', 'naver.com'],
    ['accgmail', 'gmail.com'], // and account's abbreviations, even before a name built on a word
    ['paypalacct', 'paypal.com'],
    ['amazoncojp', 'amazon.com'], // a national domain spelled into the name
    ['paypalcouk', 'paypal.com'],
    ['appleidcojp', 'apple.com'],
    ['yandexpassport', 'yandex.ru'], // the brands' sign-in service is a passport
    ['naverssl', 'naver.com'], // ssl is glue, as secure is
    ['naverpwd', 'naver.com'], // and pwd, the password's abbreviation, a sign-in word
    ['amaoznbalance', 'amazon.com'], // two letters swapped or one doubled, glue around as for the brand
    ['naevrhelp', 'naver.com'],
    ['payppalbtc', 'paypal.com'],
    ['cnaevr', 'naver.com'],
    ['faceookonlinenotice', 'facebook.com'], // a slip, a rest that holds a long lure word
    ['appleservice93', 'apple.com'], // a number may end the glue
    ['hotmailloginsigninup', 'hotmail.com'], // and a few stray letters, after glue holding a credential word
  ])('%s holds %s', (token, domain) => {
    expect(glued(token)).toBe(domain);
  });

  it.each(['googleplex', 'hicloud', 'medicalcloud', 'shotmail', 'linkedindiscount', 'pineapple', 'applebees', 'gmailxyz', 'gmailmyxyz', 'outlookindia', 'navercom', 'cnaverly', 'xapple', 'snaverx', 'accugmail', 'applecoin', 'naevrly', 'paypiebtc', 'anaverx', 'cryptopayapi', 'applebees93'])(
    '%s does not',
    (token) => {
      expect(glued(token)).toBeNull();
    },
  );

  it.each(['9to5google', '24x7google'])('a name that starts with a number is its own name, not a word before the brand: %s', (token) => {
    expect(glued(token)).toBeNull();
  });

  it.each([
    ['payepalchecker', 'paypal.com'], // one letter added, a sign-in word glued on
    ['gogglelogin', 'google.com'], // the first gram is gone: found by the last
    ['loginpaypall', 'paypal.com'],
  ])('a 6-8 letter brand with one slip and only a lure word glued on: %s holds %s', (token, domain) => {
    expect(glued(token)).toBe(domain);
  });

  it.each([
    ['appledecuentaverigondeng', 'apple.com'], // a short filler, then a credential word
    ['githubloginhelper', 'github.com'],
  ])('a plain brand followed by a credential word and anything: %s holds %s', (token, domain) => {
    expect(glued(token)).toBe(domain);
  });

  it.each(['applebeeslogin', 'applesaucesecure', 'appletonaccounting', 'gmaildelogin'])('not past a word of its own, nor for names built on a word: %s', (token) => {
    expect(glued(token)).toBeNull();
  });

  it.each([
    ['applaccount', 'apple.com'], // a dropped letter, a plain brand
    ['navrlogin', 'naver.com'],
    ['securenavver', 'naver.com'], // an added one
  ])('a 5-letter brand with a dropped or added letter and a credential word glued on: %s holds %s', (token, domain) => {
    expect(glued(token)).toBe(domain);
  });

  it.each(['applyaccount', 'ampleaccount', 'applsupport', 'applshop', 'gmallogin'])(
    'not a changed letter (`apply` is a word), nor with no credential word, nor for names built on a word: %s',
    (token) => {
      expect(glued(token)).toBeNull();
    },
  );

  it.each(['goggleplay', 'paypaxshop', 'gogglesstore', 'amazinxlogin', 'iclondlogin'])(
    'no slip without a lure, nor for names built on a word: %s',
    (token) => {
      expect(glued(token)).toBeNull();
    },
  );

  it('names no brand for a list of brands', () => {
    expect(glued('microsoftazureamazonawsibmapplenvidiaoracleciscoadobe')).toBeNull();
    expect(glued('paypalamazon')).toBeNull();
    expect(glued('microsoftonlinelogin')).toBe('microsoftonline.com'); // two names of one brand are still that brand
  });

  it('prefers the longer brand', () => {
    expect(glued('loginmicrosoftonlineverify')).toBe('microsoftonline.com');
  });
});

describe("a brand glued to the account-notice words and to its own other names", () => {
  it.each([
    ['paypalwebscr', 'paypal.com'],
    ['paypallimited', 'paypal.com'],
    ['manageapplesupportverification', 'apple.com'],
    ['appleidinformation', 'apple.com'],
    ['navernotification', 'naver.com'],
  ])('account-notice words are glue: %s names %s', (token, domain) => {
    expect(glued(token)).toBe(domain);
  });

  it.each([
    ['appleicloud', 'icloud.com'], // icloud after its apple
    ['icloudserviceapple', 'icloud.com'],
    ['applelcloud', 'icloud.com'],
  ])("the brand's other names are glue for it: %s names %s", (token, domain) => {
    expect(glued(token)).toBe(domain);
  });

  it.each(['applemanagementgroup', 'googleinformatics', 'pineappleicloud'])('%s does not', (token) => {
    expect(glued(token)).toBeNull();
  });

  it('its owner gluing its own names is owned data (daumkakao.io was Daum Kakao’s)', () => {
    expect(lookalike(index, 'aem-collector.daumkakao.io')).toBeNull();
  });
});

describe('compound readings: a slip at the brand end, and the brand in the plural', () => {
  it.each([
    ['accountsgooglc', 'google.com'], // c for e, not googl then a stray c
    ['helpnavers', 'naver.com'],
    ['appleiclouds', 'icloud.com'],
    ['supportpaypals', 'paypal.com'],
  ])('%s names %s', (token, domain) => {
    expect(glued(token)).toBe(domain);
  });

  it.each(['pineapples', 'applesauce', 'googleplexes'])('%s does not', (token) => {
    expect(glued(token)).toBeNull();
  });
});

describe('a number after a brand not built on a word', () => {
  it.each([
    ['apple8898', 'apple.com'],
    ['naver1', 'naver.com'],
    ['yahoo365', 'yahoo.com'],
  ])('%s names %s', (token, domain) => {
    expect(glued(token)).toBe(domain);
  });

  it.each(['icloud2', 'gmail12', 'hotmail365', 'apple12345'])('%s does not: built on a word, or a long number', (token) => {
    expect(glued(token)).toBeNull();
  });
});

describe('slips glued to lure words: a plain brand of 6+ letters, and swaps in 5 letters', () => {
  it.each([
    ['gitthublogin', 'github.com'],
    ['verifygithbu', 'github.com'],
    ['yahoologinn', 'yahoo.com'],
    ['loginnavre', 'naver.com'], // a swap in 5 letters, found by the last gram
    ['loginappel', 'apple.com'],
    ['ayhoologin', 'yahoo.com'], // the first two swapped, read as the swap and not as a stray a
  ])('%s names %s', (token, domain) => {
    expect(glued(token)).toBe(domain);
  });

  it.each(['applylogin', 'gitlablogin', 'loginnavel'])('%s does not: a changed letter in 5, no lure, or another name', (token) => {
    expect(glued(token)).toBeNull();
  });
});

describe('a distinctive brand after credential glue', () => {
  it('may be followed by anything', () => {
    expect(lookalike(index, 'verifypaypalgateway.com')).toMatchObject({ imitates: 'paypal.com', rule: 'embedded-brand' });
    expect(lookalike(index, 'loginnaverportal.com')).toMatchObject({ imitates: 'naver.com' });
  });
  it('not a plain or word brand, nor after other glue', () => {
    expect(lookalike(index, 'verifyappletree.com')).toBeNull(); // apple is a word
    expect(lookalike(index, 'shoppaypalgateway.com')).toBeNull(); // no credential word before it
  });
});
