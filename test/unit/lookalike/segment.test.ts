import { describe, expect, it } from 'vitest';
import { findInside, isGlue, splitTokens } from '../../../src/core/lookalike/segment.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { index } from './rules.helpers.ts';

describe('splitTokens', () => {
  it('splits on dots and hyphens, dropping empty parts', () => {
    expect(splitTokens('login-microsoft--verify.evil')).toEqual(['login', 'microsoft', 'verify', 'evil']);
    expect(splitTokens('')).toEqual([]);
  });
});

describe('findInside (the brand in a glued compound)', () => {
  it('finds an exact occurrence', () => {
    expect(findInside('mymicrosoftaccount', 'microsoft', 0)).toEqual({ start: 2, end: 11, edits: 0 });
  });
  it('finds one with an edit when allowed', () => {
    expect(findInside('selfmicrosofrtenabletrue', 'microsoft', 1)).toMatchObject({ start: 4, edits: 1 });
    expect(findInside('exceklcmicrosftprotection', 'microsoft', 1)).toMatchObject({ start: 7, edits: 1 });
  });
  it('finds nothing beyond the allowed edits', () => {
    expect(findInside('selfmicrosofrtenabletrue', 'microsoft', 0)).toBeNull();
    expect(findInside('macrosaft', 'microsoft', 1)).toBeNull();
    expect(findInside('short', 'microsoft', 1)).toBeNull();
  });
});

describe('isGlue (what may be glued to a brand)', () => {
  it.each(['play', 'eplay', 'balance', 'prime', 'chrome', 'btc', 'securelogin', '', '8898'])('"%s" is glue', (rest) => {
    expect(isGlue(rest)).toBe(true);
  });
  it.each(['plex', 'rainforest', 'discount', 'tuts2016', 'xyzplex'])('"%s" is not', (rest) => {
    expect(isGlue(rest)).toBe(false);
  });
  it('allows a filler only when asked', () => {
    expect(isGlue('h', false)).toBe(false);
    expect(isGlue('eplay', false)).toBe(false);
    expect(isGlue('secureplay', false)).toBe(true);
  });
  it('takes glue words in the plural', () => {
    expect(isGlue('mails', false)).toBe(true);
    expect(isGlue('securelogins', false)).toBe(true);
    expect(isGlue('ss', false)).toBe(false); // no plural of nothing
    expect(isGlue('plexs', false)).toBe(false);
  });
});

describe('findInside counts two swapped neighbours as one edit', () => {
  it.each([
    ['mcirosoftupdate', 'microsoft', 0, 9, 1],
    ['loginmicorsoft', 'microsoft', 5, 14, 1],
    ['xpaypla', 'paypal', 1, 6, 1], // leftmost on a tie: paypl with a dropped a
  ])('%s holds %s', (token, brand, start, end, edits) => {
    expect(findInside(token, brand, 1)).toEqual({ start, end, edits });
  });

  it('a swap of one letter with itself is no edit, and two swaps are two', () => {
    expect(findInside('mciorsoft', 'microsoft', 1)).toBeNull();
    expect(findInside('mciorsoft', 'microsoft', 2)?.edits).toBe(2);
  });

  it('on hosts', () => {
    expect(lookalike(index, 'mcirosoftupdate67.com')).toMatchObject({ imitates: 'microsoft.com' });
  });
});
