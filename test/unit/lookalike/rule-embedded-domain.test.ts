import { describe, expect, it } from 'vitest';
import { byEmbeddedDomain } from '../../../src/core/lookalike/rule-embedded-domain.ts';
import { index, parts } from './rules.helpers.ts';

const embedded = (host: string) => byEmbeddedDomain(index, parts(host))?.imitates ?? null;

describe('a protected domain spelled inside the host', () => {
  it.each([
    ['outlook.com.evil.net', 'outlook.com'],
    ['live-com.net', 'live.com'],
    ['navers.com-checking.link', 'naver.com'], // letters added to a distinctive brand before its own ending
    ['nld.naverwebs.com-password.link', 'naver.com'],
  ])('%s holds %s', (host, imitates) => {
    expect(embedded(host)).toBe(imitates);
  });

  it.each(['lives.com-checking.link', 'navers.org-checking.link', 'navercom.example', 'outlooks.com-checking.link'])(
    '%s does not: a word brand, another ending, or no ending after it',
    (host) => {
      expect(embedded(host)).toBeNull();
    },
  );
});
