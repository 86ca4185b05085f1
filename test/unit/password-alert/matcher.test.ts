import { describe, expect, it } from 'vitest';
import { importSalt, newSalt, truncatedHmac } from '../../../src/core/password-alert/hash.ts';
import { hasherFor, PasswordMatcher, type WatchedPassword } from '../../../src/core/password-alert/matcher.ts';

async function setup(passwords: Record<string, string>, bits?: number) {
  const key = await importSalt(newSalt());
  const stored: WatchedPassword[] = [];
  for (const [label, pw] of Object.entries(passwords)) stored.push({ label, length: pw.length, hash: await truncatedHmac(key, pw, bits) });
  return { key, stored, matcher: new PasswordMatcher(stored, hasherFor(key, bits)) };
}

/** Feeds the field's value after each change, as the content script does. */
async function typeInto(m: PasswordMatcher, values: string[]): Promise<Array<string | null>> {
  const out: Array<string | null> = [];
  for (const v of values) out.push((await m.check(v))?.label ?? null);
  return out;
}

const prefixes = (s: string) => [...s].map((_, i) => s.slice(0, i + 1));

describe('PasswordMatcher', () => {
  it('alerts on the keystroke that completes the password, not before', async () => {
    const { matcher } = await setup({ 'login.example.org': 'correct-horse' });
    const seen = await typeInto(matcher, prefixes('hello correct-horse'));
    expect(seen.slice(0, -1).every((s) => s === null)).toBe(true);
    expect(seen.at(-1)).toBe('login.example.org');
  });

  it('handles backspace and edits: the field value is what is compared', async () => {
    const { matcher } = await setup({ a: 'secret-pass' });
    // types "secret-pasx", backspace, then "s"
    expect(await typeInto(matcher, [...prefixes('secret-pasx'), 'secret-pas', 'secret-pass'])).toContain('a');
    // a correction in the middle, caret at the end of the window
    const { matcher: m2 } = await setup({ a: 'secret-pass' });
    expect((await m2.check('sexret-pass'))).toBeNull();
    expect((await m2.check('secret-pass and more', 11))?.label).toBe('a');
  });

  it('matches a paste or an autofill (the whole value at once)', async () => {
    const { matcher } = await setup({ a: 'Pasted-Secret-1' });
    expect((await matcher.check('Pasted-Secret-1'))?.label).toBe('a');
  });

  it('tells several accounts and lengths apart', async () => {
    const { matcher } = await setup({ mail: 'mail-password', okta: 'okta-pw-long-one', naver: 'naver1234' });
    expect((await matcher.check('xx okta-pw-long-one'))?.label).toBe('okta');
    expect((await matcher.check('naver1234'))?.label).toBe('naver');
    expect(await matcher.check('mail-passwore')).toBeNull();
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
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed);
    for (let i = 0; i < keys; i++) {
      text = (text + String.fromCharCode(33 + (rand() % 94))).slice(-12);
      if (await matcher.check(text)) alerts++;
    }
    const expected = (keys * stored.length) / 256; // each stored value compared once per key
    expect(alerts).toBeGreaterThan(expected * 0.7);
    expect(alerts).toBeLessThan(expected * 1.3);
  });
});
