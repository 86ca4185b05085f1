import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HASH_BITS, importSalt, newSalt, truncatedHmac } from '../../../src/core/password-alert/hash.ts';
import { syncHmacKey, syncTruncatedHmac } from '../../../src/core/password-alert/sync-hmac.ts';
import { learnedPassword, validLearned, withLearned } from '../../../src/core/password-alert/learned.ts';

const saltBytes = (salt: string) => Buffer.from(salt, 'base64');

describe('truncatedHmac', () => {
  it('is the first 32 bits of HMAC-SHA-256 keyed with the salt (checked against node:crypto)', async () => {
    const salt = newSalt();
    const key = await importSalt(salt);
    for (const text of ['correct horse battery', 'pässwörd-ß', '', 'x'.repeat(200)]) {
      const full = createHmac('sha256', saltBytes(salt)).update(text, 'utf8').digest('hex');
      expect(await truncatedHmac(key, text)).toBe(full.slice(0, HASH_BITS / 4));
    }
  });

  it('differs between installs: the same password under two salts gives two values', async () => {
    const a = await truncatedHmac(await importSalt(newSalt()), 'Summer2026!');
    const b = await truncatedHmac(await importSalt(newSalt()), 'Summer2026!');
    expect(a).not.toBe(b); // 2^-32 chance of a false failure
    expect(a).toMatch(/^[0-9a-f]{8}$/);
  });

  it('the content script\'s synchronous HMAC gives the same bits as WebCrypto, at every length and for any text', async () => {
    const salt = newSalt();
    const key = await importSalt(salt);
    const sync = syncHmacKey(salt);
    let seed = 1;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    for (let length = 0; length <= 130; length++) {
      // Mixed ASCII, Latin-1, Hangul and astral characters: UTF-8 windows of 0 to ~500 bytes, across block edges.
      const text = Array.from({ length }, () => String.fromCodePoint([33 + rand(94), 0xc0 + rand(60), 0xac00 + rand(2000), 0x1f600 + rand(50)][rand(4)]!)).join('');
      for (const bits of [8, 12, 32]) expect(syncTruncatedHmac(sync, text, bits)).toBe(await truncatedHmac(key, text, bits));
    }
  });

  it('makes a 256-bit random salt', () => {
    expect(saltBytes(newSalt())).toHaveLength(32);
    expect(newSalt()).not.toBe(newSalt());
  });
});

describe('learnedPassword / withLearned', () => {
  it('keeps only label, length, truncated hash and an account id: never the password or the user name', async () => {
    const key = await importSalt(newSalt());
    const e = await learnedPassword(key, 'https://login.example.org/adfs/', 'alice@example.org', 'Tr0ub4dor&3', 8);
    expect(e).toEqual({ account: expect.stringMatching(/^[0-9a-f]{16}$/), label: 'login.example.org', length: 11, hash: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(JSON.stringify(e)).not.toContain('Tr0ub4dor');
    expect(JSON.stringify(e)).not.toContain('alice');
  });

  it('does not learn a password under the minimum length', async () => {
    const key = await importSalt(newSalt());
    expect(await learnedPassword(key, 'https://login.example.org', 'a', '1234567', 8)).toBeNull();
    expect(await learnedPassword(key, 'https://login.example.org', 'a', '12345678', 8)).not.toBeNull();
  });

  it('re-learning an account replaces its entry; other accounts stay', async () => {
    const key = await importSalt(newSalt());
    const login = 'https://login.example.org';
    const alice1 = (await learnedPassword(key, login, 'alice', 'first-password', 8))!;
    const bob = (await learnedPassword(key, login, 'bob', 'bobs-password', 8))!;
    const alice2 = (await learnedPassword(key, login, 'Alice ', 'second-password', 8))!;
    const kept = withLearned(withLearned(withLearned([], alice1), bob), alice2);
    expect(kept).toEqual([bob, alice2]);
  });

  it('drops malformed stored entries', () => {
    expect(validLearned([{ account: 'a', label: 'l', hash: 'h', length: 9 }, { account: 1 }, null, 'x'])).toHaveLength(1);
    expect(validLearned('nope')).toEqual([]);
  });
});
