import { describe, expect, it } from 'vitest';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { bySplitBrand } from '../../../src/core/lookalike/rule-split-brand.ts';
import { luresIn } from '../../../src/core/lookalike/lure.ts';
import { index, parts } from './rules.helpers.ts';

const split = (host: string) => {
  const p = parts(host);
  return bySplitBrand(index, p, luresIn(index, p).signIn)?.imitates ?? null;
};

describe('a word or plain brand split by a hyphen (rule-split-brand.ts)', () => {
  it.each([
    ['out-look-login.com', 'outlook.com'],
    ['hot-mail-verify.net', 'hotmail.com'],
    ['i-cloud-login.com', 'icloud.com'],
    ['secure-g-mail.com', 'gmail.com'],
  ])('%s imitates %s', (host, domain) => {
    expect(split(host)).toBe(domain);
    expect(lookalike(index, host)).toMatchObject({ imitates: domain });
  });

  it.each(['out-look.com', 'out-look-free.com', 'weather-out-look.org', 'hot-mail.com', 'my-office-login.com'])('%s is not this rule’s', (host) => {
    // No sign-in word (bait is not enough), or no brand split across two tokens.
    expect(split(host)).toBeNull();
  });
});
