import { describe, expect, it } from 'vitest';
import { looseFold } from '../../../src/core/lookalike/fold.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { freeSiteTarget } from '../../../src/core/lookalike/rule-free-site.ts';
import { index } from './rules.helpers.ts';

const onFreeSite = (token: string) => freeSiteTarget(index, looseFold(token))?.domain ?? null;

describe('a brand anywhere in a free site\'s name', () => {
  it.each([
    ['naverkorea', 'naver.com'], // glued to a word that is no glue
    ['appwefacebooe9', 'facebook.com'], // 6+ letters: one slip
    ['loginpaypaas', 'paypal.com'],
    ['googleplex', 'google.com'], // on a free site even this
  ])('%s holds %s', (token, domain) => {
    expect(onFreeSite(token)).toBe(domain);
  });

  it.each([
    'navor', // no longer than the brand: the typo rule's business
    'xnavorx', // a five-letter brand with a slip
    'gmallshop', // a name built on a word: no slip, and `gmall` is no `gmail`
    'myoutlookpage', // ordinary-word brands are left to rule-glued-word.ts
  ])('%s does not', (token) => {
    expect(onFreeSite(token)).toBeNull();
  });

  it('counts on free sites only', () => {
    expect(lookalike(index, 'naverkorea.esy.es')).toMatchObject({ imitates: 'naver.com' });
    expect(lookalike(index, 'appwefacebooe9.webcindario.com')).toMatchObject({ brand: 'Meta' });
    expect(lookalike(index, 'naverkorea.com')).toBeNull();
    expect(lookalike(index, 'googleplex.com')).toBeNull();
  });
});

describe("a plain brand inside a free site's name, with a credential word in the same token", () => {
  it.each([
    ['loginsecapplesecureaccountupdated', 'apple.com'],
    ['welcomeappleprotectyourpassword', 'apple.com'],
    ['githubverifyaccount', 'github.com'],
  ])('%s holds %s', (token, domain) => {
    expect(onFreeSite(token)).toBe(domain);
  });

  it.each(['pineapple', 'appleorchard', 'applylogin', 'githuub'])('%s does not: no credential word, or not the name as written', (token) => {
    expect(onFreeSite(token)).toBeNull();
  });

  it('on the host', () => {
    expect(lookalike(index, 'wwwloginedappleauthsecure.ga')).toMatchObject({ imitates: 'apple.com', rule: 'embedded-brand' });
    expect(lookalike(index, 'pineapple.tk')).toBeNull();
  });
});

describe('www is glue', () => {
  it('wwwfacebooks.com.vn', () => {
    expect(lookalike(index, 'wwwfacebooks.com.vn')).toMatchObject({ imitates: 'facebook.com' });
  });
});
