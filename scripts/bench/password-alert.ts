// `npm run bench:password-alert`: what the protected-password watcher costs
// per key, and how often it alerts falsely on random typing.
//   1. µs per keystroke with 5 stored passwords: the content script's work
//      for one `input` event (one synchronous HMAC-SHA-256 per stored length,
//      src/core/password-alert/sync-hmac.ts).
//   2. False alerts on random typing: at 32 bits they are too rare to observe
//      (k * 2^-32 per key), so the same matcher runs with 12-bit hashes, where
//      the rate predicted by the same formula (k * 2^-12) can be checked; the
//      32-bit rate follows from it.
import { performance } from 'node:perf_hooks';
import { HASH_BITS, importSalt, newSalt, truncatedHmac } from '../../src/core/password-alert/hash.ts';
import { hasherFor, PasswordMatcher, type WatchedPassword } from '../../src/core/password-alert/matcher.ts';
import { syncHmacKey } from '../../src/core/password-alert/sync-hmac.ts';

const PASSWORDS = ['Summer2026', 'correct-horse', 'naver!2345', 'Tr0ub4dor&3x', 'kakao-pass-1'];
const KEYS = Number(process.env.KEYS ?? 200_000);

import { randomInt } from 'node:crypto';

const randomChar = () => String.fromCharCode(33 + randomInt(94));

async function matcherWith(bits: number): Promise<{ matcher: PasswordMatcher; stored: WatchedPassword[] }> {
  const salt = newSalt();
  const key = await importSalt(salt);
  const stored = await Promise.all(PASSWORDS.map(async (p) => ({ label: 'login.example.org', length: p.length, hash: await truncatedHmac(key, p, bits) })));
  return { matcher: new PasswordMatcher(stored, hasherFor(syncHmacKey(salt), bits)), stored };
}

/** Types KEYS random characters into a field of at most 40 characters; returns µs per key and alerts. */
function typeRandomly(matcher: PasswordMatcher): { usPerKey: number; alerts: number } {
  let field = '';
  let alerts = 0;
  const t0 = performance.now();
  for (let i = 0; i < KEYS; i++) {
    field = field.length >= 40 ? randomChar() : field + randomChar();
    if (matcher.check(field)) alerts++;
  }
  return { usPerKey: ((performance.now() - t0) * 1000) / KEYS, alerts };
}

const full = await matcherWith(HASH_BITS);
typeRandomly(full.matcher); // warm-up
const timed = typeRandomly(full.matcher);
const distinct = new Set(PASSWORDS.map((p) => p.length)).size;
console.log(`per key, ${PASSWORDS.length} stored passwords (${distinct} lengths): ${timed.usPerKey.toFixed(1)} µs (${KEYS} keys, ${timed.alerts} false alerts at ${HASH_BITS} bits)`);

const SHORT_BITS = 12;
const short = await matcherWith(SHORT_BITS);
const observed = typeRandomly(short.matcher);
// Comparisons made: each stored value once per key whose window reaches its length (the field restarts every 40 characters).
const compared = PASSWORDS.reduce((n, p) => n + (KEYS * (40 - p.length + 1)) / 40, 0);
const predicted = compared / 2 ** SHORT_BITS;
console.log(`false alerts at ${SHORT_BITS} bits: observed ${observed.alerts}, predicted ${predicted.toFixed(1)} (comparisons / 2^${SHORT_BITS})`);
const perKey32 = PASSWORDS.length / 2 ** HASH_BITS;
console.log(`at ${HASH_BITS} bits: ${perKey32.toExponential(2)} per key, ${(perKey32 * 1e6).toExponential(2)} per million typed characters`);
