import { describe, expect, it } from 'vitest';
import { bySubdomain } from '../../../src/core/lookalike/rule-subdomain.ts';
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
    ['paypal-login.000webhostapp.com', 'paypal.com', '000webhostapp.com'],
    ['paypal-login.weebly.com', 'paypal.com', 'weebly.com'],
    ['instagram.irancell-10g-free.rf.gd', 'instagram.com', 'rf.gd'],
  ])('%s imitates %s, in front of %s', (host, imitates, site) => {
    expect(sub(host)).toEqual({ imitates, brand: expect.any(String), rule: 'subdomain', part: site });
    expect(lookalike(index, host)).toMatchObject({ imitates, rule: 'subdomain' });
  });

  it.each(['microsoft.eventionapp.com', 'gmail.h5ma.cn', 'amazon-email.branch.rocks', 'secure.office-example.com'])(
    'a brand alone or with a service word needs a lure: %s',
    (host) => {
      expect(sub(host)).toBeNull();
    },
  );

  it('leaves sites on shared hosts to the label rules', () => {
    expect(lookalike(index, 'login-microsoft.azurewebsites.net')).toMatchObject({ imitates: 'microsoft.com', rule: 'embedded-brand' });
  });
});
