import { describe, expect, it } from 'vitest';
import { bySoftwareName } from '../../../src/core/lookalike/rule-software-name.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { index, parts } from './rules.helpers.ts';

const rule = (host: string) => bySoftwareName(index, parts(host))?.imitates ?? null;

describe('a fake software name made of product and update words (rule-software-name.ts)', () => {
  it.each([
    ['officefont.com', 'office.com'],
    ['windowsappstore.net', 'microsoft.com'],
    ['cdnmsnupdate.com', 'msn.com'],
    ['msofficelab.com', 'office.com'], // a helper (`ms`) glued to the product
    ['windowofficeupdate.com', 'office.com'], // `window` counts only beside a product word
    ['officemicroupdate.com', 'office.com'],
    ['windows-update-kb.com', 'microsoft.com'], // hyphens read as glue
    ['chromeupdates.com', 'google.com'], // a fake browser update (uBlock's badware list)
    ['itunes-setup.net', 'apple.com'],
  ])('%s imitates %s', (host, imitates) => {
    expect(rule(host)).toBe(imitates);
    expect(lookalike(index, host)).toMatchObject({ imitates });
  });

  it.each([
    'officedepot.com', // a word outside the lists
    'officesupport.com', // shop and help words alone name no software
    'windowsstore.com',
    'windowupdate.com', // helpers alone: window and micro are everyday words
    'microupdate.com',
    'fontupdate.com', // no product word
    'chromeplating.com',
    'androidapps.com', // apps name no software update
  ])('%s is not', (host) => {
    expect(rule(host)).toBeNull();
  });

  it('owned domains stay quiet (windowsupdate.com is Microsoft’s)', () => {
    expect(lookalike(index, 'windowsupdate.com')).toBeNull();
  });

  it('is linear in the label: a long run of list words is judged at once', () => {
    const label = 'officeupdate'.repeat(5);
    expect(rule(`${label}.com`)).toBe('office.com');
  });
});
