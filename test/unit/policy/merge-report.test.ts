import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/core/policy/parse.ts';
import { continueModeFor, mergeSettings } from '../../../src/core/policy/merge.ts';
import { reportLink } from '../../../src/core/policy/report.ts';
import { defaultSettings } from '../../../src/core/policy/settings.ts';

describe('mergeSettings', () => {
  it('uses the user value for unmanaged keys and the admin value for managed ones', () => {
    const managed = parsePolicy({ allowContinue: false, allowedEntries: ['corp.example'] });
    const eff = mergeSettings(managed, { allowContinue: true, allowedEntries: ['mine.example/'], continueMinutes: 5 });
    expect(eff.settings.allowContinue).toBe(false);
    expect(eff.settings.allowedEntries).toEqual(['corp.example/']);
    expect(eff.settings.continueMinutes).toBe(5);
    expect(eff.managedKeys.sort()).toEqual(['allowContinue', 'allowedEntries']);
  });

  it('adds the user entries to managed blocked entries and protected domains', () => {
    const managed = parsePolicy({ blockedEntries: ['a.example'], protectedDomains: ['bank.example'] });
    const eff = mergeSettings(managed, { blockedEntries: ['b.example/', 'a.example/'], protectedDomains: ['mail.example'] });
    expect(eff.settings.blockedEntries).toEqual(['a.example/', 'b.example/']);
    expect(eff.settings.protectedDomains).toEqual(['bank.example', 'mail.example']);
  });

  it('keeps an invalid managed value locked to its strict fallback', () => {
    const managed = parsePolicy({ allowContinue: 'maybe' });
    const eff = mergeSettings(managed, { allowContinue: true });
    expect(eff.settings.allowContinue).toBe(false);
    expect(eff.managedKeys).toEqual(['allowContinue']);
    expect(eff.problems).toHaveLength(1);
  });

  it('gives defaults without policy or user values, and does not share arrays', () => {
    const eff = mergeSettings(parsePolicy(undefined), {});
    expect(eff.settings).toEqual(defaultSettings());
    const user = { blockedEntries: ['x.example/'] };
    mergeSettings(parsePolicy(undefined), user).settings.blockedEntries.push('y.example/');
    expect(user.blockedEntries).toEqual(['x.example/']);
  });
});

describe('continueModeFor', () => {
  const s = { ...defaultSettings(), defaultContinueMode: 'session' as const, continueMode: { strict: 'never' as const, timed: 'timed-with-reason' as const } };
  it('uses the per-list mode, else the default', () => {
    expect(continueModeFor(s, 'strict')).toBe('never');
    expect(continueModeFor(s, 'timed')).toBe('timed-with-reason');
    expect(continueModeFor(s, 'other')).toBe('session');
    expect(continueModeFor(s, 'constructor')).toBe('session');
  });
  it('answers never everywhere when allowContinue is false', () => {
    expect(continueModeFor({ ...s, allowContinue: false }, 'timed')).toBe('never');
  });
});

describe('reportLink', () => {
  const facts = { entry: 'evil.example/', list: 'admin-list', listVersion: '42' };

  it('fills a mailto address with subject and body holding only the three facts', () => {
    const r = reportLink({ reportAddress: 'mailto:it@example.org' }, facts);
    const u = new URL(r.url!);
    expect(u.protocol + u.pathname).toBe('mailto:it@example.org');
    const body = decodeURIComponent(r.url!.split('body=')[1]!);
    expect(body).toBe(r.text);
    expect(r.text).toBe('A Takedown Guard warning may be a mistake.\nEntry: evil.example/\nList: admin-list\nList version: 42');
  });

  it('appends to a mailto address that already has a query', () => {
    expect(reportLink({ reportAddress: 'mailto:it@example.org?cc=sec@example.org' }, facts).url).toMatch(/\?cc=sec@example.org&subject=/);
  });

  it('adds the facts as query parameters to an https address', () => {
    const u = new URL(reportLink({ reportAddress: 'https://report.example.org/form?src=tg' }, facts).url!);
    expect(Object.fromEntries(u.searchParams)).toEqual({ src: 'tg', entry: 'evil.example/', list: 'admin-list', version: '42' });
  });

  it('prepares the text only when no address is set', () => {
    const r = reportLink({ reportAddress: null }, facts);
    expect(r.url).toBeNull();
    expect(r.text).toContain('Entry: evil.example/');
  });
});
