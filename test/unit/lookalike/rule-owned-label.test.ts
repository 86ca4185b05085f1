import { describe, expect, it } from 'vitest';
import { byOwnedLabel } from '../../../src/core/lookalike/rule-owned-label.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { index, parts } from './rules.helpers.ts';

const rule = (host: string) => byOwnedLabel(index, parts(host));

describe("an owned domain's label under an ending the brand does not own (rule-owned-label.ts)", () => {
  it.each([
    ['fbcdn.store', 'facebook.com'], // a product word with more glued on
    ['googleapis.xyz', 'google.com'], // the brand's label with more
    ['kakaocdn.top', 'daum.net'], // another of its names
    ['msauth.online', 'microsoft.com'],
  ])('%s imitates %s', (host, imitates) => {
    expect(rule(host)).toMatchObject({ imitates, rule: 'foreign-tld' });
    expect(lookalike(index, host)).toMatchObject({ imitates });
  });

  it.each([
    'fbcdn.net', // owned
    'android.xyz', // a product word alone may be anyone's
    'twitch.xyz', // an owned name that is no brand name
    'band.top',
    'fbcdn.de', // a country's ending: left to the brand's national names
    'protonvpn.org', // an ordinary word with more glued on
    'fbcdn.github.io', // a shared host's site
  ])('%s is not', (host) => {
    expect(lookalike(index, host)).toBeNull();
  });
});
