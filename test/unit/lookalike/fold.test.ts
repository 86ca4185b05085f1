import { describe, expect, it } from 'vitest';
import { firstSubstitution, looseFold, shapeFold } from '../../../src/core/lookalike/fold.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { byQForG, byShape } from '../../../src/core/lookalike/rule-folding.ts';
import { index } from './rules.helpers.ts';
import { skeleton } from '../../../src/core/lookalike/skeleton.ts';

describe('looseFold (leetspeak, i/l)', () => {
  it.each([
    ['glthub', 'github'],
    ['googie', 'google'],
    ['micr0s0ft', 'microsoft'],
    ['paypa1', 'paypal'],
    ['m1cr0s0ft', 'microsoft'],
    ['faceb00k', 'facebook'],
    ['4mazon', 'amazon'],
    ['g00g1e', 'google'],
    ['3bay', 'ebay'],
  ])('%s reads as %s', (written, brand) => {
    expect(looseFold(skeleton(written))).toBe(looseFold(skeleton(brand)));
  });

  it('keeps other letters apart', () => {
    expect(looseFold('mall')).not.toBe(looseFold('mail'.replace('i', 'x')));
    expect(looseFold('gitnub')).not.toBe(looseFold('github'));
  });
});

describe('firstSubstitution (what the warning quotes)', () => {
  it.each([
    ['glthub', 'github', 'l', 'i'],
    ['googie', 'google', 'i', 'l'],
    ['rnicrosoft', 'microsoft', 'rn', 'm'],
    ['micr0s0ft', 'microsoft', '0', 'o'],
    ['micrоsoft', 'microsoft', 'о', 'o'], // Cyrillic о
    ['vvikipedia', 'wikipedia', 'vv', 'w'],
  ])('%s for %s: %s stands for %s', (written, brand, w, m) => {
    expect(firstSubstitution(written, brand)).toEqual({ written: w, means: m });
  });

  it('is null for the same name', () => {
    expect(firstSubstitution('github', 'github')).toBeNull();
  });
});

describe('shapeFold (letter pairs that read as one letter)', () => {
  it.each([
    ['riaver', 'naver'],
    ['clropbox', 'dropbox'],
    ['price', 'pnce'],
    ['github', 'github'],
  ])('%s reads as %s', (written, shaped) => {
    expect(shapeFold(written)).toBe(shaped);
  });

  it('finds a brand only when the whole token is one', () => {
    expect(byShape(index, 'riaver')).toMatchObject({ imitates: 'naver.com', rule: 'skeleton', written: 'ri', means: 'n' });
    expect(byShape(index, 'clropbox')).toMatchObject({ imitates: 'dropbox.com', written: 'cl', means: 'd' });
    expect(byShape(index, 'price')).toBeNull();
    expect(byShape(index, 'cloud')).toBeNull();
    expect(lookalike(index, 'riaver.site')).toMatchObject({ imitates: 'naver.com', written: 'ri', means: 'n' });
  });
});

describe('q read as g (byQForG)', () => {
  const q = (written: string) => byQForG(index, written, looseFold(skeleton(written)));
  it('finds a brand of 6+ letters the whole token spells with q for g', () => {
    expect(q('qooqle')).toMatchObject({ imitates: 'google.com', rule: 'skeleton', written: 'q', means: 'g' });
    expect(q('instaqram')).toMatchObject({ imitates: 'instagram.com', written: 'q', means: 'g' });
    expect(lookalike(index, 'acounts-qooqie-con.ml')).toMatchObject({ imitates: 'google.com', part: 'qooqie', written: 'q', means: 'g' });
  });
  it('not a shorter brand, a typo on top, or a token with no q', () => {
    expect(q('qmail')).toBeNull(); // a mail server's name
    expect(lookalike(index, 'qmail.com')).toBeNull();
    expect(q('qlhub')).toBeNull(); // q for g and a letter dropped: two slips
    expect(q('google')).toBeNull();
    expect(q('qoogleplay')).toBeNull(); // whole tokens only
  });
});

describe('a long owned name written with a look-alike letter (byOwnedFolding)', () => {
  it.each([
    ['googledomalns.com', 'googledomalns', 'l', 'i'],
    ['g00gletagmanager.com', 'g00gletagmanager', '0', 'o'],
  ])('%s reads as a Google-owned name', (host, part, written, means) => {
    expect(lookalike(index, host)).toMatchObject({ imitates: 'google.com', rule: 'skeleton', part, written, means });
  });

  it.each(['googledomains.com', 'www.googletagmanager.com', 'googledomains-help.com'])('%s is not: owned, or the name as the owner writes it', (host) => {
    expect(lookalike(index, host)).toBeNull();
  });
});
