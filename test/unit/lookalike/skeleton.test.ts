import { describe, expect, it } from 'vitest';
import { skeleton } from '../../../src/core/lookalike/skeleton.ts';
import { decodeLabel, toUnicodeHost } from '../../../src/core/lookalike/punycode.ts';
import { isAdjacentSwap, isDoubledLetter, isTypoOf, withinOneEdit } from '../../../src/core/lookalike/typo.ts';

describe('skeleton', () => {
  it.each([
    ['micrоsoft', 'microsoft'], // Cyrillic о
    ['ｍｉｃｒｏｓｏｆｔ', 'microsoft'], // fullwidth
    ['𝐠𝐨𝐨𝐠𝐥𝐞', 'google'], // mathematical bold
    ['аррӏе', 'apple'], // Cyrillic with palochka
    ['mi\u200bcrosoft', 'microsoft'], // zero-width space
    ['gооglé', 'google'], // accents fold too
    ['g00gle', 'google'],
    ['paypaI', 'paypal'], // capital I reads as l
    ['rnicrosoft', 'microsoft'],
    ['vvikipedia', 'wikipedia'],
    ['dıgital', 'digital'], // dotless i is i, not l
  ])('%s -> %s', (input, expected) => {
    expect(skeleton(input)).toBe(expected);
  });

  it('keeps distinct strings distinct', () => {
    expect(skeleton('naver')).not.toBe(skeleton('never'));
    expect(skeleton('日本')).toBe('日本');
  });
});

describe('punycode', () => {
  it('decodes IDNA labels', () => {
    expect(toUnicodeHost('xn--mnchen-3ya.de')).toBe('münchen.de');
    expect(toUnicodeHost('xn--micrsoft-qbh.com')).toBe('micrоsoft.com');
    expect(decodeLabel('plain')).toBe('plain');
  });
  it('leaves malformed labels alone', () => {
    expect(decodeLabel('xn--a-ü')).toBe('xn--a-ü');
  });
});

describe('typo tests', () => {
  it('finds swaps and doubled letters', () => {
    expect(isAdjacentSwap('gmial', 'gmail')).toBe(true);
    expect(isAdjacentSwap('gmail', 'gmail')).toBe(false);
    expect(isAdjacentSwap('gmali', 'gmail')).toBe(true);
    expect(isAdjacentSwap('gmlai', 'gmail')).toBe(false);
    expect(isDoubledLetter('yahooo', 'yahoo')).toBe(true);
    expect(isDoubledLetter('yahoox', 'yahoo')).toBe(false);
    expect(isDoubledLetter('yyahoo', 'yahoo')).toBe(true);
  });
  it('scales allowed edits with length', () => {
    expect(isTypoOf('gogle', 'google')).toBe(true);
    expect(isTypoOf('gxxgle', 'google')).toBe(false);
    expect(isTypoOf('micorsoft', 'microsoft')).toBe(true);
    expect(isTypoOf('mcorsoft', 'microsoft')).toBe(false);
    expect(isTypoOf('email', 'gmail')).toBe(false);
    expect(isTypoOf('cloud', 'icloud')).toBe(false);
  });
  it('reads one edit as Levenshtein does', () => {
    for (const [a, b] of [['google', 'google'], ['gogle', 'google'], ['googlee', 'google'], ['goxgle', 'google'], ['xgoogle', 'google'], ['', 'g']]) expect(withinOneEdit(a!, b!)).toBe(true);
    for (const [a, b] of [['gxxgle', 'google'], ['ggle', 'google'], ['oogl', 'google'], ['', 'go']]) expect(withinOneEdit(a!, b!)).toBe(false);
  });
});
