// Random inputs: verification answers with a typed error and never throws,
// and no random damage to a valid bundle is ever accepted.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { verifyBundle } from '../../../src/core/bundle/verify.ts';
import { fullBundle, list, NOW, signers } from './helpers.ts';

const CODES = ['too-large', 'truncated', 'corrupt', 'unsupported-version', 'untrusted-key', 'bad-signature', 'replayed', 'expired', 'not-yet-valid', 'wrong-base'];

describe('bundle fuzzing', () => {
  it('answers random bytes with a known error code', async () => {
    const trustedKeys = [(await signers())[0].publicKey.text];
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const res = await verifyBundle(bytes, { trustedKeys, currentSeq: null, now: NOW });
        expect(res.ok).toBe(false);
        if (!res.ok) expect(CODES).toContain(res.error.code);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects any set of byte changes to a valid bundle', async () => {
    const trustedKeys = [(await signers())[0].publicKey.text];
    const good = await fullBundle(3, [list('a', 'evil.com/', 'bad.org/login.html')]);
    const edits = fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(edits, async (changes) => {
        const bad = good.slice();
        for (const [at, x] of changes) bad[at] = good[at]! ^ x;
        const res = await verifyBundle(bad, { trustedKeys, currentSeq: null, now: NOW });
        expect(res.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
