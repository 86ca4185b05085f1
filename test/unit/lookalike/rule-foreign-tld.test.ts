import { describe, expect, it } from 'vitest';
import { byForeignTld } from '../../../src/core/lookalike/rule-foreign-tld.ts';
import { index, parts } from './rules.helpers.ts';

const tld = (host: string) => byForeignTld(index, parts(host));

describe('brand under a foreign TLD', () => {
  it.each([
    ['paypal.xyz', 'paypal.com', 'xyz'],
    ['gmail.co', 'gmail.com', 'co'],
    ['microsoftonline.club', 'microsoftonline.com', 'club'],
    ['login.github.io.ai', null, null],
  ])('%s', (host, imitates, ending) => {
    const r = tld(host);
    if (imitates) expect(r).toMatchObject({ imitates, rule: 'foreign-tld', part: ending });
    else expect(r).toBeNull();
  });

  it.each(['google.de', 'yahoo.co.jp', 'hotmail.fr', 'docusign.co.uk', 'microsoft.github.io', 'live.xyz', 'hotmail.con'])(
    'leaves %s to its owner or the blocklists',
    (host) => {
      expect(tld(host)).toBe('own');
    },
  );

  it('is not asked about other labels', () => {
    expect(tld('example.xyz')).toBeNull();
  });
});
