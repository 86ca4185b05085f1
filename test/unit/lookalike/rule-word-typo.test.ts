import { describe, expect, it } from 'vitest';
import { gluedWordTypoTarget, isInnerSlip, wordTypoTarget } from '../../../src/core/lookalike/rule-word-typo.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { index } from './rules.helpers.ts';

describe('a slipped word brand next to a sign-in word (rule-word-typo.ts)', () => {
  it('reads slips inside the word, never at its ends', () => {
    expect(isInnerSlip('outlok', 'outlook')).toBe(true); // dropped
    expect(isInnerSlip('outllook', 'outlook')).toBe(true); // added
    expect(isInnerSlip('offcie', 'office')).toBe(true); // swapped
    expect(isInnerSlip('officer', 'office')).toBe(false); // added at the end: another word
    expect(isInnerSlip('offic', 'office')).toBe(false);
    expect(isInnerSlip('outlook', 'outlook')).toBe(false);
  });

  it.each([
    ['outlok', 'outlook.com'],
    ['outllook', 'outlook.com'],
    ['offcie', 'office.com'],
  ])('%s by a sign-in word', (token, domain) => {
    expect(wordTypoTarget(index, token, true)?.domain).toBe(domain);
  });

  it('needs a sign-in word in the name', () => {
    expect(wordTypoTarget(index, 'outlok', false)).toBeUndefined();
    expect(lookalike(index, 'outlok-login.com')).toMatchObject({ imitates: 'outlook.com', rule: 'edit-distance' });
    expect(lookalike(index, 'outlok.com')).toBeNull();
    expect(lookalike(index, 'officer-login.com')).toBeNull();
  });

  it('glued, with glue or the brand’s product words around and a credential word or another of its names', () => {
    expect(gluedWordTypoTarget(index, 'owaoutltook0000', false)?.domain).toBe('outlook.com');
    expect(gluedWordTypoTarget(index, 'outlokverify', false)?.domain).toBe('outlook.com');
    expect(gluedWordTypoTarget(index, 'outlokweather', true)).toBeUndefined(); // not glue
    expect(gluedWordTypoTarget(index, 'myoutlok', false)).toBeUndefined(); // glue alone is anyone's name
    expect(lookalike(index, 'owaoutltook0000.tripod.com')).toMatchObject({ imitates: 'outlook.com' });
  });

  it("after one of the brand's product words, an end letter may slip too", () => {
    expect(gluedWordTypoTarget(index, 'msoffic', false)?.domain).toBe('office.com');
    expect(lookalike(index, 'onedrive.msoffic.homes')).toMatchObject({ brand: 'Microsoft' });
    expect(lookalike(index, 'msoffic.homes')).toMatchObject({ imitates: 'office.com' });
    expect(gluedWordTypoTarget(index, 'myoffic', true)).toBeUndefined(); // glue is no product word
    expect(gluedWordTypoTarget(index, 'msofficer', false)).toBeUndefined(); // an English ending
  });
});
