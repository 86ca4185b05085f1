import { describe, expect, it } from 'vitest';
import { importSalt, newSalt, truncatedHmac } from '../../../src/core/password-alert/hash.ts';
import { syncHmacKey } from '../../../src/core/password-alert/sync-hmac.ts';
import { hasherFor, PasswordMatcher, type WatchedPassword } from '../../../src/core/password-alert/matcher.ts';

async function setup(passwords: Record<string, string>, bits?: number) {
  // Learned as the worker learns (WebCrypto), matched as the content script matches (sync-hmac.ts).
  const salt = newSalt();
  const key = await importSalt(salt);
  const stored: WatchedPassword[] = [];
  for (const [label, pw] of Object.entries(passwords)) stored.push({ label, length: pw.length, hash: await truncatedHmac(key, pw, bits) });
  return { key, stored, matcher: new PasswordMatcher(stored, hasherFor(syncHmacKey(salt), bits)) };
}

/** Feeds the field's value after each change, as the content script does. */
function typeInto(m: PasswordMatcher, values: string[]): Array<string | null> {
  const out: Array<string | null> = [];
  for (const v of values) out.push(m.check(v)?.label ?? null);
  return out;
}

const prefixes = (s: string) => [...s].map((_, i) => s.slice(0, i + 1));

describe('PasswordMatcher', () => {
  it('alerts on the keystroke that completes the password, not before', async () => {
    const { matcher } = await setup({ 'login.example.org': 'correct-horse' });
    const seen = typeInto(matcher, prefixes('hello correct-horse'));
    expect(seen.slice(0, -1).every((s) => s === null)).toBe(true);
    expect(seen.at(-1)).toBe('login.example.org');
  });

  it('handles backspace and edits: the field value is what is compared', async () => {
    const { matcher } = await setup({ a: 'secret-pass' });
    // types "secret-pasx", backspace, then "s"
    expect(typeInto(matcher, [...prefixes('secret-pasx'), 'secret-pas', 'secret-pass'])).toContain('a');
    // a correction in the middle, caret at the end of the window
    const { matcher: m2 } = await setup({ a: 'secret-pass' });
    expect((m2.check('sexret-pass'))).toBeNull();
    expect((m2.check('secret-pass and more', 11))?.label).toBe('a');
  });

  it('matches a paste or an autofill (the whole value at once)', async () => {
    const { matcher } = await setup({ a: 'Pasted-Secret-1' });
    expect((matcher.check('Pasted-Secret-1'))?.label).toBe('a');
  });

  it('tells several accounts and lengths apart', async () => {
    const { matcher } = await setup({ mail: 'mail-password', okta: 'okta-pw-long-one', naver: 'naver1234' });
    expect((matcher.check('xx okta-pw-long-one'))?.label).toBe('okta');
    expect((matcher.check('naver1234'))?.label).toBe('naver');
    expect(matcher.check('mail-passwore')).toBeNull();
  });

  it('one window per stored length, ending at the caret', async () => {
    const { matcher } = await setup({ a: '12345678', b: 'abcdefghij', c: 'ABCDEFGH' });
    expect([...matcher.candidates('0123456789xyz', 11).entries()]).toEqual([[8, '3456789x'], [10, '123456789x']]);
    expect([...matcher.candidates('short').entries()]).toEqual([]);
  });

  it('false alerts on random typing occur at the rate the truncation predicts', async () => {
    // At 32 bits the rate (2^-32 per comparison) cannot be observed in a test,
    // so the same code runs with 8-bit hashes: 5 stored values of 3 lengths,
    // 10,000 random keystrokes -> expected n * (values compared per key) / 2^8.
    const { matcher, stored } = await setup({ a: 'aaaaaaaa', b: 'bbbbbbbbbb', c: 'cccccccccccc', d: 'dddddddd', e: 'eeeeeeeeee' }, 8);
    let text = '';
    let alerts = 0;
    const keys = 10_000;
    let seed = 7;
    // xorshift32: an LCG's low bits repeat with short periods and would repeat windows.
    const rand = () => ((seed ^= seed << 13), (seed ^= seed >>> 17), (seed ^= seed << 5), seed >>> 0);
    for (let i = 0; i < keys; i++) {
      text = (text + String.fromCharCode(33 + (rand() % 94))).slice(-12);
      if (matcher.check(text)) alerts++;
    }
    const expected = (keys * stored.length) / 256; // each stored value compared once per key
    expect(alerts).toBeGreaterThan(expected * 0.7);
    expect(alerts).toBeLessThan(expected * 1.3);
  });
});
