import { describe, expect, it } from 'vitest';
import { typoTarget } from '../../../src/core/lookalike/rule-typo.ts';
import { looseFold } from '../../../src/core/lookalike/fold.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { index } from './rules.helpers.ts';

const typo = (token: string) => typoTarget(index, looseFold(token))?.domain ?? null;

describe('edit distance per token', () => {
  it.each([
    ['gitnub', 'github.com'],
    ['girhub', 'github.com'],
    ['googl', 'google.com'],
    ['office356', 'office365.com'],
    ['fecebook', 'facebook.com'],
    ['micorsoft', 'microsoft.com'],
    ['googletagamnager', 'google.com'], // a typo of Google's own googletagmanager
    ['kakaopaey', 'kakao.com'], // of Kakao's kakaopay: it keeps `kakao`, though daum.net is Kakao's first domain
    ['kakaobanks', 'kakao.com'],
  ])('%s is a typo of %s', (token, domain) => {
    expect(typo(token)).toBe(domain);
  });

  it.each(['gmial', 'prontomail', 'hotmai', 'instagr', 'email', 'never', 'cloud', 'hcaptcha', 'navercom'])('%s is not', (token) => {
    expect(typo(token)).toBeNull();
  });

  it('next to a lure, a short distinctive brand allows one edit; a name built on a word does not', () => {
    expect(typoTarget(index, looseFold('navier'))).toBeUndefined();
    expect(typoTarget(index, looseFold('navier'), true)?.domain).toBe('naver.com');
    expect(typoTarget(index, looseFold('nager'), true)?.domain).toBe('naver.com');
    expect(typoTarget(index, looseFold('gmeil'), true)).toBeUndefined();
    expect(lookalike(index, 'nager-relogin-security.96.lt')).toMatchObject({ imitates: 'naver.com', rule: 'edit-distance' });
  });

  it('judges each part of a hyphenated name', () => {
    expect(lookalike(index, 'googl-access.com')).toMatchObject({ imitates: 'google.com', rule: 'edit-distance', part: 'googl' });
    expect(lookalike(index, 'office356-us.org')).toMatchObject({ imitates: 'office365.com', rule: 'edit-distance', part: 'office356' });
  });
});

describe('a name built on a word gets its edit back from a sign-in word', () => {
  it.each([
    ['gmial-login.com', 'gmail.com'], // a swap
    ['hotmial-verify.com', 'hotmail.com'],
    ['hotmal-account.com', 'hotmail.com'], // a dropped letter
    ['secure-iclod.com', 'icloud.com'],
  ])('%s imitates %s', (host, domain) => {
    expect(lookalike(index, host)).toMatchObject({ imitates: domain, rule: 'edit-distance' });
  });

  it.each(['gmial.com', 'gmial-free.com', 'email-login.com', 'hotmal.com'])('%s does not: no sign-in word, or not that close', (host) => {
    expect(lookalike(index, host)).toBeNull();
  });
});
