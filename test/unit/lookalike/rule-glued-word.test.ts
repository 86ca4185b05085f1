import { describe, expect, it } from 'vitest';
import { gluedWordTarget } from '../../../src/core/lookalike/rule-glued-word.ts';
import { holdsCredential } from '../../../src/core/lookalike/lure.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';
import { index } from './rules.helpers.ts';

const glued = (token: string, lure = false, freeSite = false) => gluedWordTarget(index, token, lure, freeSite)?.domain ?? null;

describe('an ordinary-word brand glued to lure words', () => {
  it.each([
    ['daumlogin', 'daum.net'],
    ['secureoffice', 'office.com'],
    ['verificationlive', 'live.com'],
    ['outlookaccountverify', 'outlook.com'],
    ['metaemailsecurity', 'facebook.com'], // a product word (Meta's)
  ])('%s holds %s', (token, domain) => {
    expect(glued(token)).toBe(domain);
  });

  it.each(['olive', 'servicelive', 'officedepot', 'liveonline', 'daumkakao', 'lively'])('%s does not, with no lure in the name', (token) => {
    expect(glued(token)).toBeNull();
  });

  it('two of the brand\'s names in one token lure for each other', () => {
    expect(glued('mslive')).toBe('live.com'); // ms, Microsoft's product word
    expect(glued('365msoffice')).toBe('office.com'); // a digit filler may start it
    // Fake-installer words are glue, as `update` is: what a fake software download glues on.
    expect(glued('msofficeinstall')).toBe('office.com');
    expect(glued('officeinstall')).toBeNull(); // the word alone with them names no brand
    expect(glued('msofficeinstallation')).toBeNull(); // whole glue words only
    // So are fake security tools' (cleaner, scanner, antivirus), with a lure as ever.
    expect(glued('daumcleaner', true, true)).toBe('daum.net');
    expect(lookalike(index, 'daumcleaner.pe.hu')).toMatchObject({ imitates: 'daum.net' });
    expect(lookalike(index, 'daumcleaner.com')).toBeNull();
    expect(lookalike(index, 'navercleaner.com')).toMatchObject({ imitates: 'naver.com' });
    expect(glued('fblive')).toBeNull(); // another brand's product
    expect(lookalike(index, 'mslive.pro')).toMatchObject({ imitates: 'live.com', brand: 'Microsoft' });
  });

  it('a lure elsewhere in the name makes glue words enough', () => {
    expect(glued('csdaum')).toBeNull();
    expect(glued('csdaum', true)).toBe('daum.net');
    expect(lookalike(index, 'csdaum-help.esy.es')).toMatchObject({ imitates: 'daum.net' });
  });

  it('on a free site a stray letter or two may stand by', () => {
    expect(glued('outlookin', true)).toBeNull();
    expect(glued('outlookin', true, true)).toBe('outlook.com');
    expect(glued('outlookindia', true, true)).toBeNull();
    expect(lookalike(index, 'cdaum.pe.hu')).toMatchObject({ imitates: 'daum.net' });
    expect(lookalike(index, 'outlookin.ml')).toMatchObject({ imitates: 'outlook.com' });
    expect(lookalike(index, 'outlookin.net')).toBeNull();
  });

  it('only credential words count inside a token', () => {
    expect(holdsCredential('protectyourpassword')).toBe(true);
    expect(holdsCredential('authsecure')).toBe(true);
    expect(holdsCredential('servicecenter')).toBe(false);
    expect(lookalike(index, 'www-logined-apple-authsecure.ga')).toMatchObject({ imitates: 'apple.com' });
    // The vocabulary's own translations of `account` are credential words too.
    expect(holdsCredential('micuenta')).toBe(true);
    expect(lookalike(index, 'daumkonto.com')).toMatchObject({ imitates: 'daum.net' });
    expect(lookalike(index, 'officecompte.com')).toMatchObject({ imitates: 'office.com' });
  });
});

describe('a word brand whose closing number completes another of its names', () => {
  it('officeonline365: office365 with a glue word put in', () => {
    expect(glued('officeonline365')).toBe('office.com');
    expect(glued('officeportal365')).toBe('office.com');
    expect(glued('officesupplies365')).toBeNull(); // not glue
    expect(glued('liveonline365')).toBeNull(); // live365 is no name of Microsoft's
  });
});

describe("a portal's word name with one stray letter (national: false)", () => {
  it.each(['udaum', 'daumi', 'cdaum'])('%s names daum.net with no lure', (token) => {
    expect(glued(token)).toBe('daum.net');
  });

  it.each(['daumen', 'daumier', 'olives', 'xoffice'])('%s does not: two letters, or a brand with national sites', (token) => {
    expect(glued(token)).toBeNull();
  });
});

describe('a long ordinary-word brand in loose fold (i for l, leet digits)', () => {
  it.each([
    ['outiook-verify.net', 'outlook.com'], // the token alone folds onto it
    ['secureoff1ce.live', 'office.com'], // glued to lure words
    ['msofflce-update.com', 'office.com'],
    ['help-msoutiook.com', 'outlook.com'],
  ])('%s imitates %s', (host, domain) => {
    expect(lookalike(index, host)).toMatchObject({ imitates: domain });
  });

  it.each(['mall.com', 'iive.com', 'offlcer.com', 'outiooks-weather.com'])('%s does not: a short word, or no lure', (host) => {
    expect(lookalike(index, host)).toBeNull();
  });
});
