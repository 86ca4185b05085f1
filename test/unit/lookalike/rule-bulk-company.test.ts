import { describe, expect, it } from 'vitest';
import { byBulkCompany } from '../../../src/core/lookalike/rule-bulk-company.ts';
import { index, parts } from './rules.helpers.ts';

const company = (host: string) => byBulkCompany(index, parts(host))?.imitates ?? null;

describe('a brand or its product word posing as its company, under an ending sold in bulk', () => {
  it.each([
    ['nidscorp.site', 'naver.com'], // Naver's sign-in product word nid
    ['nidusrsncorp.site', 'naver.com'],
    ['naversystemcorp.online', 'naver.com'],
    ['paypalinc.top', 'paypal.com'],
  ])('%s imitates %s', (host, imitates) => {
    expect(company(host)).toBe(imitates);
  });

  it.each([
    'nidscorp.com', // an ending that lasts: a real company may be named so
    'nidus-corp.site', // hyphenated: not one token
    'nidabcdefghcorp.site', // too much between
    'fbxcorp.site', // two-letter product words start anything
    'applexinc.site', // a plain brand is a word
  ])('%s does not', (host) => {
    expect(company(host)).toBeNull();
  });
});
