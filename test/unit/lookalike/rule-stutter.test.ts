import { describe, expect, it } from 'vitest';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { unstuttered, unstutteredTwice } from '../../../src/core/lookalike/rule-stutter.ts';
import { index } from './rules.helpers.ts';

describe('letter runs written once (rule-stutter.ts)', () => {
  it('collapses runs of three or more, and leaves doubled letters alone', () => {
    expect(unstuttered('appleiiid')).toBe('appleid');
    expect(unstuttered('microsooooft')).toBe('microsoft');
    expect(unstuttered('apple')).toBeNull(); // a doubled letter is the brand's own
    expect(unstuttered('a111b')).toBeNull(); // letters only
  });
  it('finds the brand the padding hides, as a brand with letters changed', () => {
    expect(lookalike(index, 'appleiiid.com')).toEqual({ imitates: 'apple.com', brand: 'Apple', rule: 'edit-distance', part: 'appleiiid' });
    expect(lookalike(index, 'microsooooft-login.com')).toMatchObject({ imitates: 'microsoft.com', rule: 'edit-distance', part: 'microsooooft' });
  });
  it('the padding must be the only slip: no typo of the collapsed token', () => {
    expect(lookalike(index, 'goooogle.flu.cc')).toBeNull(); // `gogle`
    expect(lookalike(index, 'zzztop.com')).toBeNull();
    expect(lookalike(index, 'aaapple.com')).toBeNull(); // `aple`
  });
  it('a run of three may pad a doubled letter: read twice, one letter added', () => {
    expect(unstutteredTwice('appplegive')).toBe('applegive');
    expect(unstutteredTwice('goooogle')).toBeNull(); // four: two letters more
    expect(unstutteredTwice('apple')).toBeNull();
    // The compound rule reads the doubled letter first now (rule-compound.ts slipTarget).
    expect(lookalike(index, 'appplegive.club')).toMatchObject({ imitates: 'apple.com', part: 'appplegive' });
    expect(lookalike(index, 'offfice365-login.com')).toMatchObject({ brand: 'Microsoft', rule: 'edit-distance' });
    expect(lookalike(index, 'goooogle.nut.cc')).toBeNull();
  });
});
