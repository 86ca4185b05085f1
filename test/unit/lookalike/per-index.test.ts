import { describe, expect, it } from 'vitest';
import { perIndex } from '../../../src/core/lookalike/per-index.ts';
import { buildProtectedIndex } from '../../../src/core/lookalike/protected-index.ts';

describe('perIndex', () => {
  it('builds a table once per index, a null one too, and again for a new index', () => {
    let builds = 0;
    const table = perIndex(() => (builds++, null));
    const a = buildProtectedIndex();
    expect(table(a)).toBeNull();
    expect(table(a)).toBeNull();
    expect(builds).toBe(1);
    table(buildProtectedIndex(['northwindbank.com']));
    expect(builds).toBe(2);
  });
});
