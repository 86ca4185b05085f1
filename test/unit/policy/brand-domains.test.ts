import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/core/policy/parse.ts';
import { buildProtectedIndex } from '../../../src/core/lookalike/protected-index.ts';
import { DEFAULT_PROTECTED } from '../../../src/core/lookalike/protected-domains.ts';
import { lookalike } from '../../../src/core/lookalike/lookalike.ts';

describe('brandDomains policy', () => {
  it('reads a map of brand names to domains', () => {
    const p = parsePolicy({ brandDomains: { Microsoft: ['Microsoft-Internal.example', 'ms-sso.example'], Contoso: ['contoso.com'] } });
    expect(p.problems).toEqual([]);
    expect(p.managedKeys).toEqual(['brandDomains']);
    expect(p.settings.brandDomains).toEqual({ Microsoft: ['microsoft-internal.example', 'ms-sso.example'], Contoso: ['contoso.com'] });
  });

  it('drops each bad domain with a problem naming the brand, keeping the good ones', () => {
    const p = parsePolicy({ brandDomains: { Microsoft: ['microsoft-internal.example', 'com', 'x.example/login', 7] } });
    expect(p.settings.brandDomains).toEqual({ Microsoft: ['microsoft-internal.example'] });
    expect(p.problems).toHaveLength(3);
    expect(p.problems.every((x) => x.startsWith('brandDomains.Microsoft: ignored'))).toBe(true);
  });

  it.each([['a list'], [['microsoft.com']], [42], [null]])('ignores a value that is not a map (%j): nothing owned, a problem shown', (raw) => {
    const p = parsePolicy({ brandDomains: raw });
    expect(p.settings.brandDomains).toEqual({});
    expect(p.problems).toHaveLength(1);
    expect(p.managedKeys).toEqual(['brandDomains']);
  });

  it('ignores a brand list that is not a list', () => {
    const p = parsePolicy({ brandDomains: { Microsoft: 'microsoft-internal.example' } });
    expect(p.settings.brandDomains).toEqual({ Microsoft: [] });
    expect(p.problems).toEqual([expect.stringContaining('brandDomains.Microsoft: ignored, it must be a list')]);
  });

  it('an owned domain added to a bundled brand stops warning; a new brand is protected', () => {
    const before = buildProtectedIndex();
    expect(lookalike(before, 'login.microsoft-internal.example')).toMatchObject({ imitates: 'microsoft.com' });
    const after = buildProtectedIndex([], DEFAULT_PROTECTED, { microsoft: ['microsoft-internal.example'], Contoso: ['contoso.com', 'contoso-cdn.net'] });
    expect(lookalike(after, 'login.microsoft-internal.example')).toBeNull();
    expect(lookalike(after, 'login-microsoft.example')).toMatchObject({ imitates: 'microsoft.com' });
    expect(lookalike(after, 'contoso-login.net')).toMatchObject({ imitates: 'contoso.com', brand: 'Contoso' });
    expect(lookalike(after, 'static.contoso-cdn.net')).toBeNull();
  });
});
