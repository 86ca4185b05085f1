import { describe, expect, it } from 'vitest';
import { byProductFolding } from '../../../src/core/lookalike/rule-product-folding.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { skeleton } from '../../../src/core/lookalike/skeleton.ts';
import { index } from './rules.helpers.ts';

const rule = (written: string) => byProductFolding(index, written, skeleton(written));

describe('a product word written with a look-alike character (rule-product-folding.ts)', () => {
  it.each([
    ['wind0ws', 'microsoft.com', '0', 'o'],
    ['iph0ne', 'apple.com', '0', 'o'],
    ['itunеs', 'apple.com', 'е', 'e'], // Cyrillic е
    ['lphone', 'apple.com', 'l', 'i'], // an l for the i, as the loose fold reads distinctive brands
    ['ltunes', 'apple.com', 'l', 'i'],
    ['w1ndows', 'microsoft.com', '1', 'i'], // the 1 folds to l, the l reads as i
  ])('%s stands for %s', (written, imitates, w, means) => {
    expect(rule(written)).toMatchObject({ imitates, rule: 'skeleton', written: w, means });
  });

  it('not the word as written, a short or glue product word, or another word', () => {
    expect(rule('windows')).toBeNull();
    expect(rule('pr1me')).toBeNull(); // a glue word
    expect(rule('i0s')).toBeNull(); // too short
    expect(rule('iphone')).toBeNull(); // the word itself is the other rules' business
    expect(rule('lphones')).toBeNull(); // only the whole word
    expect(lookalike(index, 'wind0ws.kz')).toMatchObject({ imitates: 'microsoft.com' });
    expect(lookalike(index, 'windows.kz')).toBeNull();
  });
});
