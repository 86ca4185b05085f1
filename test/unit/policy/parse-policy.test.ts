import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/core/policy/parse.ts';
import { DEFAULT_SETTINGS, SETTING_KEYS } from '../../../src/core/policy/settings.ts';

/** Syntactically a P-256 SPKI (the policy checks form; the verifier checks the point). */
const KEY = `p256:MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${'A'.repeat(86)}==`;

/** Parses `{[key]: value}` and returns that key's setting and the problems. */
function one(key: string, value: unknown) {
  const p = parsePolicy({ [key]: value });
  return { value: (p.settings as unknown as Record<string, unknown>)[key], problems: p.problems, managed: p.managedKeys };
}

describe('parsePolicy', () => {
  it.each([undefined, null, {}])('gives the defaults and no problems for no policy (%j)', (raw) => {
    expect(parsePolicy(raw)).toEqual({ settings: DEFAULT_SETTINGS, problems: [], managedKeys: [] });
  });

  it.each(['text', 3, [1, 2]])('ignores a policy that is not an object (%j) with a problem', (raw) => {
    const p = parsePolicy(raw);
    expect(p.settings).toEqual(DEFAULT_SETTINGS);
    expect(p.problems).toHaveLength(1);
  });

  it('reads a complete valid policy', () => {
    const p = parsePolicy({
      updateUrls: ['https://updates.example.org/bundle.tgb', 'http://127.0.0.1:8080/b.tgb'],
      updateIntervalMinutes: 30,
      maxBundleMiB: 128,
      trustedKeys: [KEY],
      blockedEntries: ['evil.example', 'http://phish.example/login.html'],
      allowedEntries: ['intranet.example.com'],
      protectedDomains: ['bank.example.com'],
      brandDomains: { Microsoft: ['contoso-microsoft.example'] },
      allowContinue: true,
      defaultContinueMode: 'timed-with-reason',
      continueMode: { 'microsoft-v-thallium': 'never', 'own-list': 'session' },
      continueMinutes: 20,
      bundledListsEnabled: false,
      reportAddress: 'mailto:security@example.org',
      reportMaxEvents: 1000,
      reportMaxDays: 30,
      protectedLogins: ['https://login.example.org', 'https://sso.example.org/adfs/'],
      passwordAlertAllowedOrigins: ['https://vault.example.org'],
      passwordAlertReportUrl: 'https://alerts.example.org/password',
      passwordAlertChangeUrl: 'https://login.example.org/change',
      passwordAlertMinLength: 10,
      passwordAlertUserLogins: false,
      passwordAlertOwnSite: false,
    });
    expect(p.problems).toEqual([]);
    expect(p.managedKeys.sort()).toEqual([...SETTING_KEYS].sort());
    expect(p.settings).toMatchObject({
      updateUrls: ['https://updates.example.org/bundle.tgb', 'http://127.0.0.1:8080/b.tgb'],
      blockedEntries: ['evil.example/', 'phish.example/login.html'],
      allowedEntries: ['intranet.example.com/'],
      protectedDomains: ['bank.example.com'],
      continueMode: { 'microsoft-v-thallium': 'never', 'own-list': 'session' },
      defaultContinueMode: 'timed-with-reason',
      bundledListsEnabled: false,
      reportAddress: 'mailto:security@example.org',
      maxBundleMiB: 128,
    });
  });

  it.each([
    ['updateUrls', ['http://updates.example.org/b', 'ftp://x.example/b', 'not a url', 'https://u:p@x.example/', 7], []],
    ['trustedKeys', ['p256:short', 'ed25519:AAAA', KEY.slice(5), null], []],
    ['blockedEntries', ['com', 'co.uk', '', 'javascript:alert(1)', { a: 1 }], []],
    ['allowedEntries', ['com', '*', 'a b', 42], []],
    ['protectedDomains', ['bank.example.com/login', '10.0.0.1', 'com'], []],
  ])('drops every invalid element of %s, naming each', (key, bad, kept) => {
    const r = one(key, bad);
    expect(r.value).toEqual(kept);
    expect(r.problems).toHaveLength((bad as unknown[]).length);
    for (const p of r.problems) expect(p.startsWith(`${key}: ignored`)).toBe(true);
    expect(r.managed).toEqual([key]);
  });

  it('keeps the valid elements next to invalid ones', () => {
    expect(one('allowedEntries', ['ok.example', 'com']).value).toEqual(['ok.example/']);
    expect(one('trustedKeys', [KEY, 'junk']).value).toEqual([KEY]);
  });

  it.each(['updateUrls', 'trustedKeys', 'blockedEntries', 'allowedEntries', 'protectedDomains'])('ignores a non-list %s', (key) => {
    const r = one(key, 'https://one.example/');
    expect(r.value).toEqual([]);
    expect(r.problems[0]).toMatch(new RegExp(`^${key}: ignored, it must be a list`));
  });

  it('falls back to the strict value for invalid switches', () => {
    expect(one('allowContinue', 'yes')).toMatchObject({ value: false, managed: ['allowContinue'] });
    expect(one('allowContinue', 1).problems[0]).toMatch(/allowContinue: .* using false/);
    expect(one('bundledListsEnabled', 'off').value).toBe(true);
    expect(one('defaultContinueMode', 'always')).toMatchObject({ value: 'never' });
    expect(one('continueMode', { a: 'session', b: 'sometimes' }).value).toEqual({ a: 'session', b: 'never' });
    expect(one('continueMode', ['never']).value).toEqual({});
    expect(one('continueMode', { b: 'sometimes' }).problems[0]).toMatch(/^continueMode\.b: ignored/);
  });

  it('clamps out-of-range minutes and replaces non-numbers', () => {
    expect(one('updateIntervalMinutes', 1)).toMatchObject({ value: 5 });
    expect(one('updateIntervalMinutes', 1e9).value).toBe(10080);
    expect(one('updateIntervalMinutes', '60')).toMatchObject({ value: 60 });
    expect(one('updateIntervalMinutes', '60').problems).toHaveLength(1);
    expect(one('continueMinutes', 0.5).value).toBe(15);
    expect(one('continueMinutes', 100000).value).toBe(1440);
    expect(one('continueMinutes', 90)).toEqual({ value: 90, problems: [], managed: ['continueMinutes'] });
    expect(one('maxBundleMiB', 0).value).toBe(1);
    expect(one('maxBundleMiB', 4096).value).toBe(1024);
    expect(one('maxBundleMiB', '100')).toMatchObject({ value: 64 });
    expect(one('maxBundleMiB', '100').problems[0]).toMatch(/whole number of MiB/);
  });

  it.each(['https://report.example.org/form', 'mailto:it@example.org'])('accepts the report address %s', (a) => {
    expect(one('reportAddress', a)).toMatchObject({ value: a, problems: [] });
  });

  it.each(['http://report.example.org/', 'javascript:alert(1)', 'mailto:nobody', 'mailto:%zz@x.org', 12])('refuses the report address %j', (a) => {
    const r = one('reportAddress', a);
    expect(r.value).toBeNull();
    expect(r.problems[0]).toMatch(/^reportAddress: ignored/);
  });

  it('reports unknown keys and does not let them through', () => {
    const p = parsePolicy({ alowContinue: false, __proto__: { allowContinue: false } });
    expect(p.problems).toEqual([expect.stringMatching(/^alowContinue: unknown setting/)]);
    expect(p.settings.allowContinue).toBe(true);
  });

  it('never throws on hostile values', () => {
    const weird: unknown[] = [undefined, null, NaN, Infinity, -1, '', {}, [], [[]], Symbol.iterator.toString(), { toString: 1 }];
    for (const key of SETTING_KEYS) for (const v of weird) expect(() => parsePolicy({ [key]: v })).not.toThrow();
  });
});
