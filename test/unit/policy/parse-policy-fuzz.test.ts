import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePolicy } from '../../../src/core/policy/parse.ts';
import { SETTING_KEYS } from '../../../src/core/policy/settings.ts';

describe('parsePolicy on arbitrary input', () => {
  it('never throws and always returns every setting', () => {
    const policy = fc.oneof(
      fc.anything(),
      fc.dictionary(fc.constantFrom(...SETTING_KEYS, 'other'), fc.oneof(fc.jsonValue(), fc.array(fc.string()))),
    );
    fc.assert(
      fc.property(policy, (raw) => {
        const p = parsePolicy(raw);
        expect(Object.keys(p.settings).sort()).toEqual([...SETTING_KEYS].sort());
        for (const m of p.problems) expect(typeof m).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('never leaves allowContinue true when the admin set anything but true', () => {
    fc.assert(
      fc.property(fc.jsonValue().filter((v) => v !== true), (v) => {
        expect(parsePolicy({ allowContinue: v }).settings.allowContinue).toBe(false);
      }),
    );
  });
});
