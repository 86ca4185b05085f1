import { describe, expect, it } from 'vitest';
import { byBulkTypo } from '../../../src/core/lookalike/rule-bulk-typo.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { index, parts } from './rules.helpers.ts';

const bulkTypo = (host: string) => byBulkTypo(index, parts(host))?.imitates ?? null;

describe('two slips that keep a distinctive brand\'s head, under an ending sold in bulk', () => {
  it.each([
    ['naveos.online', 'naver.com'],
    ['navow.website', 'naver.com'],
    ['paypol.site', 'paypal.com'],
  ])('%s imitates %s', (host, imitates) => {
    expect(bulkTypo(host)).toBe(imitates);
  });

  it.each([
    'naveos.com', // an ending that lasts: two slips from a short brand is anyone's name
    'never-land.online', // hyphenated: not one token
    'nav.online', // too short
    'nabler.online', // the head not kept
    'naverooos.online', // too much longer
    'gmial.shop', // a name built on a word (gmail) keeps its stricter count
  ])('%s does not', (host) => {
    expect(bulkTypo(host)).toBeNull();
  });

  it('reports the registrable label as a typo', () => {
    expect(lookalike(index, 'nld.naveos.tokyo')).toBeNull(); // tokyo is not sold in bulk
    expect(lookalike(index, 'noid.naveos.online')).toMatchObject({ imitates: 'naver.com', rule: 'edit-distance', part: 'naveos' });
  });
});
