import { describe, expect, it } from 'vitest';
import { mergeSettings, parsePolicy } from '../../../src/core/policy/index.ts';
import { alertReportBody } from '../../../src/core/password-alert/report.ts';
import { isWatched, loginAt } from '../../../src/core/password-alert/logins.ts';

describe('password alert policy keys', () => {
  it('normalises protected logins to origin + optional path prefix', () => {
    const p = parsePolicy({ protectedLogins: ['https://Login.Example.org/', 'https://sso.example.org:8443/adfs/ls/', 'http://login.corp.test:8080'] });
    expect(p.problems).toEqual([]);
    expect(p.settings.protectedLogins).toEqual(['https://login.example.org', 'https://sso.example.org:8443/adfs/ls/', 'http://login.corp.test:8080']);
  });

  it.each([
    ['protectedLogins', ['ftp://x.example', 'not a url', 'https://u:p@x.example', 'https://x.example/?a=1', 'https://x.example/#f', 7]],
    ['passwordAlertAllowedOrigins', ['https://x.example/path', 'javascript:alert(1)', null]],
  ])('%s: each bad value is ignored with a problem naming it', (key, bad) => {
    const p = parsePolicy({ [key]: bad });
    expect((p.settings as unknown as Record<string, unknown>)[key]).toEqual([]);
    expect(p.problems).toHaveLength(bad.length);
    for (const problem of p.problems) expect(problem).toMatch(new RegExp(`^${key}: ignored `));
    expect(p.managedKeys).toEqual([key]);
  });

  it('a list that is not a list is ignored with a problem', () => {
    const p = parsePolicy({ protectedLogins: 'https://login.example.org' });
    expect(p.settings.protectedLogins).toEqual([]);
    expect(p.problems[0]).toMatch(/^protectedLogins: ignored, it must be a list/);
  });

  it.each([
    [{ passwordAlertReportUrl: 'http://alerts.example.org/' }, 'passwordAlertReportUrl', null],
    [{ passwordAlertReportUrl: 42 }, 'passwordAlertReportUrl', null],
    [{ passwordAlertChangeUrl: 'javascript:alert(1)' }, 'passwordAlertChangeUrl', null],
    [{ passwordAlertMinLength: 'eight' }, 'passwordAlertMinLength', 8],
    [{ passwordAlertMinLength: 2 }, 'passwordAlertMinLength', 4],
    [{ passwordAlertMinLength: 1000 }, 'passwordAlertMinLength', 128],
    [{ passwordAlertUserLogins: 'no' }, 'passwordAlertUserLogins', false],
    [{ passwordAlertOwnSite: 1 }, 'passwordAlertOwnSite', false],
  ])('%j: ignored with a problem, falling back to the safe value', (raw, key, safe) => {
    const p = parsePolicy(raw);
    expect((p.settings as unknown as Record<string, unknown>)[key]).toBe(safe);
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatch(new RegExp(`^${key}: `));
  });

  it('accepts an https report URL, and http only for loopback', () => {
    expect(parsePolicy({ passwordAlertReportUrl: 'https://alerts.example.org/pw' }).settings.passwordAlertReportUrl).toBe('https://alerts.example.org/pw');
    expect(parsePolicy({ passwordAlertReportUrl: 'http://127.0.0.1:9000/r' }).settings.passwordAlertReportUrl).toBe('http://127.0.0.1:9000/r');
  });

  it('personal protected logins add to the admin\'s, unless the admin forbids them', () => {
    const user = { protectedLogins: ['https://mail.personal.example'] };
    const open = mergeSettings(parsePolicy({ protectedLogins: ['https://login.example.org'] }), user);
    expect(open.settings.protectedLogins).toEqual(['https://login.example.org', 'https://mail.personal.example']);
    const locked = mergeSettings(parsePolicy({ protectedLogins: ['https://login.example.org'], passwordAlertUserLogins: false }), user);
    expect(locked.settings.protectedLogins).toEqual(['https://login.example.org']);
    // An invalid lock counts as a lock: never a silent weakening.
    const bad = mergeSettings(parsePolicy({ passwordAlertUserLogins: 'maybe' }), user);
    expect(bad.settings.protectedLogins).toEqual([]);
  });
});

describe('where passwords are learned and watched', () => {
  const logins = ['https://login.example.org', 'https://sso.example.org/adfs/'];
  const scope = { protectedLogins: logins, allowedOrigins: ['https://vault.example.org'] };

  it('learns only under a protected login\'s path prefix', () => {
    expect(loginAt('https://login.example.org/anything?x=1', logins)).toBe('https://login.example.org');
    expect(loginAt('https://sso.example.org/adfs/ls/', logins)).toBe('https://sso.example.org/adfs/');
    expect(loginAt('https://sso.example.org/other', logins)).toBeNull();
    expect(loginAt('http://login.example.org/', logins)).toBeNull(); // another origin
    expect(loginAt('https://evil.example/https://login.example.org', logins)).toBeNull();
  });

  it('never watches a protected origin (any path) or an allowed one; watches the rest of the web', () => {
    expect(isWatched('https://sso.example.org/other', scope)).toBe(false);
    expect(isWatched('https://login.example.org/', scope)).toBe(false);
    expect(isWatched('https://vault.example.org/x', scope)).toBe(false);
    expect(isWatched('https://login.example.org.evil.example/', scope)).toBe(true);
    expect(isWatched('http://login.example.org/', scope)).toBe(true);
    expect(isWatched('chrome-extension://abc/options.html', scope)).toBe(false);
  });
});

describe('alert report', () => {
  it('carries exactly host, time, account and extension id', () => {
    const body = JSON.parse(alertReportBody({ host: 'evil.example', time: '2026-12-07T01:00:00.000Z', account: 'login.example.org', extensionId: 'id', ...{ password: 'x' } } as never));
    expect(body).toEqual({ host: 'evil.example', time: '2026-12-07T01:00:00.000Z', account: 'login.example.org', extensionId: 'id' });
  });
});
