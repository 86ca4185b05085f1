import { describe, expect, it } from 'vitest';
import { continueModeForFindings } from '../../../src/background/continue-mode.ts';
import { defaultSettings, type ManagedSettings } from '../../../src/core/policy/settings.ts';
import type { Finding } from '../../../src/messages/protocol.ts';

const blocked = (list: string): Finding => ({
  level: 'blocked',
  match: { entry: 'x.test/', list, line: 1 },
  list: { id: list, title: list, origin: 'admin', count: 1 },
});
const s = (over: Partial<ManagedSettings>): ManagedSettings => ({ ...defaultSettings(), ...over });

describe('continueModeForFindings', () => {
  it('uses the default mode when nothing is blocked', () => {
    expect(continueModeForFindings(s({ defaultContinueMode: 'timed-with-reason' }), [null])).toBe('timed-with-reason');
  });

  it('takes the strictest mode of the lists involved', () => {
    const settings = s({ continueMode: { a: 'session', b: 'timed-with-reason', c: 'never' } });
    expect(continueModeForFindings(settings, [blocked('a'), blocked('b')])).toBe('timed-with-reason');
    expect(continueModeForFindings(settings, [blocked('a'), blocked('c'), blocked('b')])).toBe('never');
    expect(continueModeForFindings(settings, [blocked('a')])).toBe('session');
  });

  it('says never everywhere when allowContinue is false', () => {
    expect(continueModeForFindings(s({ allowContinue: false }), [null])).toBe('never');
    expect(continueModeForFindings(s({ allowContinue: false, continueMode: { a: 'session' } }), [blocked('a')])).toBe('never');
  });

  it('ignores suspected (look-alike) findings for the list choice', () => {
    const suspected: Finding = { level: 'suspected', imitates: 'example.com', brand: 'Microsoft', rule: 'skeleton', part: 'micr0soft', written: '0', means: 'o' };
    expect(continueModeForFindings(s({ defaultContinueMode: 'session', continueMode: { a: 'never' } }), [suspected])).toBe('session');
  });
});
