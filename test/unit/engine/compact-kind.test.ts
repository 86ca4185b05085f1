import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kindOfExpression } from '../../../src/core/engine/compact/kind.ts';
import { parseEntry } from '../../../src/core/url/entry.ts';
import { hostArb } from './arbitraries.ts';

describe('kindOfExpression', () => {
  it('reads back the kind the list parser gave the entry', () => {
    const lineArb = fc
      .tuple(fc.constantFrom('', 'http://'), hostArb, fc.constantFrom('', '/', '/a/', '/a.html', '/?q=1', '/a/?x', '/a/b'))
      .map(([scheme, host, path]) => `${scheme}${host}${path}`);
    fc.assert(
      fc.property(lineArb, (line) => {
        const parsed = parseEntry(line);
        if (parsed.ok) expect(kindOfExpression(parsed.expression)).toBe(parsed.kind);
      }),
      { numRuns: 500 },
    );
  });

  it('knows IP literals', () => {
    expect(kindOfExpression('10.0.0.1/')).toBe('ip');
    expect(kindOfExpression('[2001:db8::1]/')).toBe('ip');
    expect(kindOfExpression('a.10.0.0.1/')).toBe('domain');
    expect(kindOfExpression('10.0.0.1/x/')).toBe('prefix');
    expect(kindOfExpression('evil.com/x')).toBe('exact');
  });
});
