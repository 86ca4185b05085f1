import { describe, expect, it } from 'vitest';
import { bySubdomain, byServiceLabel } from '../../../src/core/lookalike/rule-subdomain.ts';
import { luresIn } from '../../../src/core/lookalike/lure.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { index, parts } from './rules.helpers.ts';

const sub = (host: string) => {
  const p = parts(host);
  return bySubdomain(index, p, luresIn(index, p));
};

describe('brand in a subdomain', () => {
  it.each([
    ['microsoft-verify.glitch.me', 'microsoft.com', 'glitch.me'],
    ['paypal-login.webedu.me', 'paypal.com', 'webedu.me'],
    ['paypal-login.pixeltogether.com', 'paypal.com', 'pixeltogether.com'],
    ['instagram.irancell-10g-free.example', 'instagram.com', 'irancell-10g-free.example'],
  ])('%s imitates %s, in front of %s', (host, imitates, site) => {
    expect(sub(host)).toEqual({ imitates, brand: expect.any(String), rule: 'subdomain', part: site });
    expect(lookalike(index, host)).toMatchObject({ imitates, rule: 'subdomain' });
  });

  it.each(['microsoft.eventionapp.com', 'apple.dnsabr.com', 'amazon-email.branch.rocks', 'secure.office-example.com', 'live.polycom.com'])(
    'a brand alone or with a service word needs a lure: %s',
    (host) => {
      expect(sub(host)).toBeNull();
    },
  );

  it.each([
    ['outlook.mailsession.com', 'outlook.com'],
    ['okta.outlook.nerdwriter.com', 'outlook.com'],
    ['hotmail.docusmart.info', 'hotmail.com'],
    ['o365.zicar.info', 'microsoft.com'], // a product word stands for the brand's first domain
    ['aol.pagelock.host', 'aol.com'],
    ['gmail.h5ma.cn', 'gmail.com'],
    ['onedrive.wheatblightresearch.org', 'onedrive.com'], // OneDrive signs in with the Microsoft account
  ])('a sign-in service name alone in front of another site is enough: %s imitates %s', (host, imitates) => {
    expect(byServiceLabel(index, parts(host))).toMatchObject({ imitates, rule: 'subdomain' });
    expect(lookalike(index, host)).toMatchObject({ imitates, rule: 'subdomain' });
  });

  it.each([
    ['naver.unibok.kr', 'naver.com'],
    ['top.naver.onekda.com', 'naver.com'],
    ['daum.unikortv.com', 'daum.net'], // a word label of such a portal too
    ['navers.de-file.online', 'naver.com'], // its plural too
  ])('a portal that runs no national sites, alone in front of another site: %s imitates %s', (host, imitates) => {
    expect(sub(host)).toMatchObject({ imitates, rule: 'subdomain' });
  });

  it('a distinctive brand alone in front of a site under an ending sold in bulk', () => {
    expect(sub('facebook.verylegit.link')).toMatchObject({ imitates: 'facebook.com', rule: 'subdomain' });
    expect(sub('paypal.checkout-now.top')).toMatchObject({ imitates: 'paypal.com' });
    expect(sub('live.fastsports.store')).toBeNull(); // a word brand: anyone's stream
    expect(sub('paypal.thunderstarter.com')).toBeNull(); // elsewhere a customer's space
  });

  it('a portal label stays quiet on the portal owner\'s own sites', () => {
    expect(lookalike(index, 'naver.daum.net')).toBeNull();
    expect(lookalike(index, 'daum.kakaocdn.net')).toBeNull();
  });

  it('reads only bare service labels, on sites the brand does not own', () => {
    expect(byServiceLabel(index, parts('outlook-weather.example.com'))).toBeNull();
    expect(lookalike(index, 'outlook.office365.com')).toBeNull();
    expect(lookalike(index, 'microsoft.eventionapp.com')).toBeNull(); // the company's name, not a service's
  });

  it('leaves sites on shared hosts to the label rules', () => {
    expect(lookalike(index, 'login-microsoft.azurewebsites.net')).toMatchObject({ imitates: 'microsoft.com', rule: 'embedded-brand' });
  });
});
