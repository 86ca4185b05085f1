import { describe, expect, it } from 'vitest';
import { byNamePrefix } from '../../../src/core/lookalike/rule-name-prefix.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { index, parts } from './rules.helpers.ts';

const rule = (host: string) => byNamePrefix(index, parts(host))?.imitates ?? null;

describe("the brand's own prefix letter before its name (rule-name-prefix.ts)", () => {
  it.each([
    ['iapple-id.com', 'apple.com'], // glued on
    ['iiapple.net', 'apple.com'], // twice
    ['i-icloud.live', 'icloud.com'], // a token of its own just before the name
    ['ii-apple.com', 'apple.com'],
  ])('%s imitates %s', (host, imitates) => {
    expect(rule(host)).toBe(imitates);
    expect(lookalike(index, host)).toMatchObject({ imitates });
  });

  it.each([
    'apple-i.com', // after the name
    'iiiapple.com', // three times is no brand style
    'ipaypal.com', // another brand's name: PayPal has no prefix letter (the other rules judge it)
    'imac-apple.com', // `imac` is no prefixed name of the brand
    'x-apple.com',
  ])('%s is not', (host) => {
    expect(rule(host)).toBeNull();
  });
});
