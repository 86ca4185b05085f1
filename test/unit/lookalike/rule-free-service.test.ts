import { describe, expect, it } from 'vitest';
import { byFreeService } from '../../../src/core/lookalike/rule-free-service.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { index, parts } from './rules.helpers.ts';

const rule = (host: string) => byFreeService(index, parts(host))?.imitates ?? null;

describe("a sign-in service's name heading a free site's name (rule-free-service.ts)", () => {
  it.each([
    ['outlookmigration.godaddysites.com', 'outlook.com'],
    ['outlookhelpmaintenan.creatorlink.net', 'outlook.com'], // whatever follows
    ['outlook3659.wixsite.com', 'outlook.com'],
    ['hotmailverifyus.weebly.com', 'hotmail.com'],
    ['myoutlookteam.yolasite.com', 'outlook.com'], // glue words may stand before it
    ['gmailrecovery2.weebly.com', 'gmail.com'],
  ])('%s imitates %s', (host, imitates) => {
    expect(rule(host)).toBe(imitates);
    expect(lookalike(index, host)).toMatchObject({ imitates });
  });

  it.each([
    'outlookcreations.com', // not a free site: a word service glued to other words is a name
    'outlook-addin.azurewebsites.net', // a developer's platform, not a site builder
    'weatheroutlook.weebly.com', // a word before it, not glue
    'aolx.weebly.com', // too short a name
    'outlook.weebly.com', // the name alone is the other rules' business
  ])('%s is not', (host) => {
    expect(rule(host)).toBeNull();
  });
});
