import { describe, expect, it } from 'vitest';
import { luresIn, misspeltLure } from '../../../src/core/lookalike/lure.ts';
import { isServiceName } from '../../../src/core/lookalike/rule-service-name.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { index, parts } from './rules.helpers.ts';

describe('lure words', () => {
  it('finds sign-in, bait and product words in the label and hyphenated subdomains', () => {
    expect(luresIn(index, parts('apple-id-verify.com'))).toMatchObject({ lure: true, signIn: true });
    expect(luresIn(index, parts('instagram.irancell-10g-free.rf.gd'))).toMatchObject({ lure: true, signIn: false });
    expect(luresIn(index, parts('apple-service93.ru')).signIn).toBe(true);
    expect([...luresIn(index, parts('ios-icloud.us')).products]).toEqual([['Apple', ['ios', 'icloud']]]);
    // A product word with glue words glued on names its brand too.
    expect([...luresIn(index, parts('apple-findmyiphone.live')).products]).toEqual([['Apple', ['apple', 'findmyiphone']]]);
    expect(lookalike(index, 'apple-findmyiphone.live')).toMatchObject({ imitates: 'apple.com' });
    expect(luresIn(index, parts('apple-iphonecase.com')).products.get('Apple')).toEqual(['apple']); // `case` is no glue
  });
  it('a bare subdomain label with a credential word glued in, or a plural, is a bare lure', () => {
    expect(luresIn(index, parts('nidlogin.naver.corper.be')).bareLure).toBe(true);
    expect(luresIn(index, parts('logins.example.com')).bareLure).toBe(true);
    expect(lookalike(index, 'nidlogin.naver.corper.be')).toMatchObject({ imitates: 'naver.com', rule: 'subdomain' });
    expect(luresIn(index, parts('static.naver.corper.be')).bareLure).toBe(false);
  });
  it('reads sign-in words in the languages kits are localised to, and the contact and unblocking pages', () => {
    expect(luresIn(index, parts('apple-connexion.com')).signIn).toBe(true);
    expect(luresIn(index, parts('outlook-iniciar-sesion.com')).signIn).toBe(true);
    expect(luresIn(index, parts('peringatan-akun-outlook.com')).signIn).toBe(true); // Indonesian
    expect(lookalike(index, 'id-servicioapple-noentry07998.com')).toMatchObject({ imitates: 'apple.com' }); // service in Spanish, glued
    expect(lookalike(index, 'contact-apple.com')).toMatchObject({ imitates: 'apple.com' });
    expect(lookalike(index, 'contact-us-unblocking-fb.xyz')).toMatchObject({ imitates: 'facebook.com' });
    expect(lookalike(index, 'correogmail.me')).toMatchObject({ imitates: 'gmail.com' });
    expect(lookalike(index, 'apple-restore.com')).toBeNull(); // English notice words name services' own pages
    expect(luresIn(index, parts('xbox-giveaway-claim.com')).lure).toBe(true); // prize-scam bait
    expect(lookalike(index, 'apple-airdrop-winner.com')).toMatchObject({ imitates: 'apple.com' });
  });
  it("a plain brand next to a service's product word names its service, not on a shared host", () => {
    expect(luresIn(index, parts('apple-cloud.app')).digital).toBe(true);
    expect(lookalike(index, 'apple-cloud.app')).toMatchObject({ imitates: 'apple.com' });
    expect(lookalike(index, 'github-app.com')).toMatchObject({ imitates: 'github.com' });
    expect(lookalike(index, 'github-app.vercel.app')).toBeNull(); // a developer's tool
    expect(lookalike(index, 'apple-farm-shop.com')).toBeNull(); // other glue: a shop or a farm
    expect(lookalike(index, 'office-cloud.com')).toBeNull(); // a word brand needs a sign-in word still
  });
  it('ignores a bare subdomain label: any site has a login. host', () => {
    expect(luresIn(index, parts('login.example.com')).lure).toBe(false);
  });
  it('a plain or word brand as a token needs one', () => {
    expect(lookalike(index, 'github-readme-stats.vercel.app')).toBeNull();
    expect(lookalike(index, 'github-login.vercel.app')).toMatchObject({ imitates: 'github.com' });
    expect(lookalike(index, 'ios-icloud.us')).toMatchObject({ imitates: 'icloud.com' });
    expect(lookalike(index, 'apple-icloud.live')).toMatchObject({ brand: 'Apple' }); // two of its names lure for each other
    expect(lookalike(index, 'outlook-outlook.example')).toBeNull(); // not its own name twice
    expect(lookalike(index, 'nid-login.com')).toMatchObject({ imitates: 'naver.com' });
  });
  it('a brand built on a word needs none under its own ending: its domain with a word hyphenated on', () => {
    expect(lookalike(index, 'privacy-gmail.com')).toMatchObject({ imitates: 'gmail.com' });
    expect(lookalike(index, 'read-hanmail.net')).toMatchObject({ imitates: 'hanmail.net' });
    expect(lookalike(index, 'privacy-gmail.org')).toBeNull(); // another ending
    expect(lookalike(index, 'apple-pie.com')).toBeNull(); // not built on a word: `apple` stays a plain token
    expect(lookalike(index, 'kakao-mail.com')).toBeNull(); // a service word's business (below)
  });
});

describe("a sign-in service's own name hyphenated to anything", () => {
  it('is an imitation in the registrable label, not on a developers\' platform', () => {
    expect(lookalike(index, 'icloud-care.us')).toMatchObject({ imitates: 'icloud.com', rule: 'embedded-brand' });
    expect(lookalike(index, 'icloud-sync.vercel.app')).toBeNull(); // a tool named after the service it works with
    expect(lookalike(index, 'gmail-cleaner.org')).toBeNull(); // a mail service's: throwaway mail names hold it
    expect(lookalike(index, 'outlook-magazine.com')).toBeNull(); // a word brand's service: anyone's outlook
    expect(lookalike(index, 'icloud.us')).toBeNull(); // alone, the foreign-ending rules judge it
  });
});

describe('service names', () => {
  it.each([['kakao', 'mail'], ['facebook', 'email'], ['icloudmail']])('%s + %s names a mail service', (...tokens) => {
    expect(isServiceName(index, tokens)).toBe(true);
  });
  it('are quiet unless a lure stands by', () => {
    expect(lookalike(index, 'kakao-mail.com')).toBeNull();
    expect(lookalike(index, 'kakao-mail-login.com')).toMatchObject({ imitates: 'kakao.com' });
    expect(isServiceName(index, ['secure', 'mail'])).toBe(false);
  });
  it("are no service's name when the ending reads as the brand's own with a country added", () => {
    expect(isServiceName(index, ['yahoomail'], 'com.co')).toBe(false);
    expect(isServiceName(index, ['yahoomail'], 'com')).toBe(true);
    expect(isServiceName(index, ['kakao', 'mail'], 'co.kr')).toBe(true); // kakao.com's ending is com
    expect(lookalike(index, 'yahoomail.com.co')).toMatchObject({ imitates: 'yahoo.com' });
    expect(lookalike(index, 'google-mail.com.co')).toMatchObject({ brand: 'Google' });
    expect(lookalike(index, 'facebookmail.com')).toBeNull();
  });
  it('are no service\'s name under an ending sold in bulk', () => {
    expect(isServiceName(index, ['navermail'], 'click')).toBe(false);
    expect(isServiceName(index, ['navermail'], 'com')).toBe(true);
    expect(lookalike(index, 'navermail.click')).toMatchObject({ imitates: 'naver.com' });
    expect(lookalike(index, 'kakaomail.site')).toMatchObject({ brand: 'Kakao' });
    expect(lookalike(index, 'kakao-mail.net')).toBeNull();
  });
});

describe('lure words added for the recall pass', () => {
  it('a plural sign-in word is one (`updates`), and shared-document words are bait', () => {
    expect(luresIn(index, parts('office-updates.info')).signIn).toBe(true);
    expect(luresIn(index, parts('proton-viewer.com'))).toMatchObject({ lure: true, signIn: false });
    expect(lookalike(index, 'proton-pdf.online')).toMatchObject({ imitates: 'proton.me' });
    expect(lookalike(index, 'proton-technologies.com')).toBeNull();
  });
  it('a sign-in word in another language is one (`centro`, `centre` as `center`)', () => {
    expect(luresIn(index, parts('apple-centro.com')).signIn).toBe(true);
    expect(lookalike(index, 'apple-centro.com')).toMatchObject({ imitates: 'apple.com' });
    expect(lookalike(index, 'apple-centre.com')).toMatchObject({ imitates: 'apple.com' });
    expect(lookalike(index, 'apple-centrum.com')).toBeNull();
  });
  it('a plain brand next to a company-form word poses as its company; an ordinary-word brand names some company', () => {
    expect(luresIn(index, parts('apple-inc.us')).company).toBe(true);
    expect(lookalike(index, 'apple-inc.us')).toMatchObject({ imitates: 'apple.com', rule: 'embedded-brand', part: 'apple' });
    expect(lookalike(index, 'github-ltd.com')).toMatchObject({ imitates: 'github.com' });
    expect(lookalike(index, 'office-inc.com')).toBeNull(); // `office` is a word
    expect(lookalike(index, 'live-corp.com')).toBeNull();
    expect(lookalike(index, 'apple-incubator.com')).toBeNull(); // a whole token only
    expect(lookalike(index, 'apple.inc-example.com')).toBeNull(); // a bare brand label is a customer's space
  });
  it('a sign-in word hyphenated as English writes it is one (`sign-in`, `log-in`)', () => {
    expect(luresIn(index, parts('apple-sign-in.com')).signIn).toBe(true);
    expect(lookalike(index, 'apple-sign-in.com')).toMatchObject({ imitates: 'apple.com' });
    expect(lookalike(index, 'office-log-in.net')).toMatchObject({ imitates: 'office.com' });
    expect(luresIn(index, parts('apple-sign.com')).signIn).toBe(false);
    expect(luresIn(index, parts('in-x.apple-sign.com')).signIn).toBe(false); // not across labels
    expect(luresIn(index, parts('sign-in.example.com')).signIn).toBe(true); // a hyphenated subdomain label's
  });
  it('a credential word glued into a token is a sign-in word', () => {
    expect(luresIn(index, parts('apple-authsecure.com')).signIn).toBe(true);
    expect(luresIn(index, parts('apple-servicecenter.com')).signIn).toBe(false);
  });
  it('a sign-in word with l for i is one (`ld` for `id`)', () => {
    expect(luresIn(index, parts('ld-apple.us')).signIn).toBe(true);
    expect(lookalike(index, 'ld-apple.us')).toMatchObject({ imitates: 'apple.com' });
    expect(lookalike(index, 'lx-apple.us')).toBeNull();
  });
  it('a name under a free ending or on a free host is a lure', () => {
    expect(luresIn(index, parts('daum-vpn.ml')).lure).toBe(true);
    expect(luresIn(index, parts('daum-vpn.hol.es')).lure).toBe(true);
    expect(luresIn(index, parts('daum-vpn.com')).lure).toBe(false);
  });
  it('on a free site a product word alone names its brand, as next to a sign-in word', () => {
    expect(luresIn(index, parts('nid-mail.pe.hu'))).toMatchObject({ freeSite: true, signIn: false });
    expect(lookalike(index, 'nid-mail.pe.hu')).toMatchObject({ imitates: 'naver.com' });
    expect(lookalike(index, 'nid-mail.com')).toBeNull();
  });
});

describe('a misspelt lure word (misspeltLure)', () => {
  it.each([
    ['verfy', 'signIn'],
    ['vrification', 'signIn'],
    ['potection', 'signIn'],
    ['acount', 'signIn'],
    ['secuirty', 'signIn'],
    ['vewer', 'bait'],
    ['giveawy', 'bait'],
  ])('%s reads as a %s word', (token, kind) => {
    expect(misspeltLure(token)).toBe(kind);
  });

  it.each(['verify', 'verity', 'novice', 'mail', 'login', 'loin', 'secret', 'views', 'protest', 'xerify'])('%s is not one (exact, a short word, or another word)', (token) => {
    expect(misspeltLure(token)).toBeNull();
  });

  it('makes the brand next to it a lure', () => {
    expect(lookalike(index, 'outlook-verfy.net')).toMatchObject({ imitates: 'outlook.com' });
    expect(lookalike(index, 'proton-vewer.com')).toMatchObject({ brand: 'Proton' });
    expect(lookalike(index, 'acount.daum.unikortv.com')).toMatchObject({ imitates: 'daum.net', rule: 'subdomain' });
    expect(lookalike(index, 'outlook-weather.net')).toBeNull();
  });
});

describe('business-page phishing words', () => {
  it.each([
    ['metabusinesshelp.com', 'Meta'],
    ['fbbusinesshelp.com', 'Meta'],
    ['instagram-copyright-appeal.com', 'Meta'],
    ['facebook-violation.com', 'Meta'],
    ['fb-appeal.com', 'Meta'],
    ['meta-violation.com', 'Meta'],
  ])('%s imitates %s', (host, brand) => {
    expect(lookalike(index, host)).toMatchObject({ brand });
  });

  it.each(['businessoffice.com', 'office-business.com', 'copyright.com', 'copyright-office.com', 'verified-office.com', 'office-badge.com'])('%s does not', (host) => {
    expect(lookalike(index, host)).toBeNull();
  });
});
