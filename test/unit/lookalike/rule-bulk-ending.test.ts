import { describe, expect, it } from 'vitest';
import { byBulkEnding } from '../../../src/core/lookalike/rule-bulk-ending.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { index, parts } from './rules.helpers.ts';

const rule = (host: string) => byBulkEnding(index, parts(host))?.imitates ?? null;

describe('a brand with a short tag under an ending sold in bulk (rule-bulk-ending.ts)', () => {
  it.each([
    ['icloudht.top', 'icloud.com'],
    ['appledc.top', 'apple.com'],
    ['apple-dx.top', 'apple.com'], // hyphenated, the brand whole first
    ['naver2024.xyz', 'naver.com'], // a number of any length
    ['yahoo1.icu', 'yahoo.com'],
    ['iphone-skzp.top', 'apple.com'], // four or five consonants read as no word either
    ['naverxkcd.xyz', 'naver.com'],
    ['iphonerc.top', 'apple.com'], // a product named with the brand's prefix letter stands for it
    ['itunesx.site', 'apple.com'],
  ])('%s imitates %s', (host, imitates) => {
    expect(rule(host)).toBe(imitates);
    expect(lookalike(index, host)).toMatchObject({ imitates });
  });

  it.each([
    'appledc.com', // not an ending sold in bulk
    'applebees.top', // a longer rest is a word or a name
    'app-ledx.top', // the brand split across the hyphen
    'livehd.top', // word brands start too many names
    'aolx.top', // so do short ones
    'apple-dx-shop.top', // three tokens
    'naver-plans.top', // a five-letter tag with a vowel may be a word
    'ipadx.top', // short prefixed products start too many tags
    'chromex.top', // a product without the prefix letter may be anyone's word
  ])('%s is not', (host) => {
    expect(rule(host)).toBeNull();
  });
});
