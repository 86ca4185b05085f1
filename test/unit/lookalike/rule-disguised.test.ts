import { describe, expect, it } from 'vitest';
import { looseFold } from '../../../src/core/lookalike/fold.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { byDisguisedHead } from '../../../src/core/lookalike/rule-disguised.ts';
import { skeleton } from '../../../src/core/lookalike/skeleton.ts';
import { index } from './rules.helpers.ts';

const head = (token: string) => {
  const skel = skeleton(token);
  return byDisguisedHead(index, token, skel, looseFold(skel));
};

describe('a disguised brand at the head of a token', () => {
  it.each([
    ['appiecc', 'apple.com', 'i', 'l'], // appiecc.top
    ['lcloudgps', 'icloud.com', 'l', 'i'],
    ['0utlookwebapp2018', 'outlook.com', '0', 'o'], // an ordinary-word brand, by its exact skeleton
    ['appl3confirmationwebmaster', 'apple.com', '3', 'e'],
  ])('%s imitates %s: %s stands for %s', (token, imitates, written, means) => {
    expect(head(token)).toEqual({ imitates, brand: expect.any(String), rule: 'skeleton', part: token, written, means });
  });

  it.each([
    'happiest', // folds to `happlest`, but the brand is not at the head
    'applecc', // the brand as it writes itself: a compound's business (rule-compound.ts)
    'microsoftx',
    'outiookshop', // an ordinary-word brand is never read loosely
    'appie', // no longer than the brand: the folding rule's business
  ])('%s is not', (token) => {
    expect(head(token)).toBeNull();
  });

  it('is reported for whole hosts, with the substitution for the warning', () => {
    expect(lookalike(index, 'appiecc.top')).toMatchObject({ imitates: 'apple.com', rule: 'skeleton', written: 'i', means: 'l' });
    expect(lookalike(index, 'lcloudmaps-location.net')).toMatchObject({ imitates: 'icloud.com' });
    expect(lookalike(index, 'happiest-minds.com')).toBeNull();
  });
});
