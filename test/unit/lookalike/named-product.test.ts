import { describe, expect, it } from 'vitest';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { index } from './rules.helpers.ts';

// A product word that is the brand's name with more glued on (`appleid`) is a target of its own.
describe('a product named after its brand', () => {
  it.each([
    ['appleld-us.com', 'skeleton'], // l for i
    ['appleld-location.com', 'skeleton'],
    ['appleidsf.uk', 'embedded-brand'], // a short filler after a 6+ letter name
    ['app-reactivationappleid.com', 'embedded-brand'],
    ['applecares.co', 'embedded-brand'], // AppleCare, in the plural
  ])('%s imitates apple.com (%s)', (host, rule) => {
    expect(lookalike(index, host)).toMatchObject({ imitates: 'apple.com', brand: 'Apple', rule });
  });

  it('says which letter stands for which', () => {
    expect(lookalike(index, 'appleld-us.com')).toMatchObject({ part: 'appleld', written: 'l', means: 'i' });
  });

  it.each(['applied.example.com', 'appliedsystems.com', 'appleid.com', 'privaterelay.appleid.com'])(
    'typos of it are other words, and the brand owns it: %s',
    (host) => {
      expect(lookalike(index, host)).toBeNull();
    },
  );
});
