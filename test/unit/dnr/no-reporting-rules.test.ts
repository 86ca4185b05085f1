// The static ruleset that strips Reporting API endpoints from every response.
// Reports are uploaded by the browser's network service, where DNR never sees
// them: a page whose server names a listed host as its endpoint would have the
// browser send that host what it chose to put in a report URL or body
// (chromium-attacks-browser-fetches.test.ts measures it).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ALL_TYPES } from '../../../src/core/dnr/rules.ts';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'));
const manifest = read('manifest.json') as { declarative_net_request: { rule_resources: { id: string; enabled: boolean; path: string }[] } };

describe('no-reporting ruleset', () => {
  const resource = manifest.declarative_net_request.rule_resources.find((r) => r.id === 'no_reporting');

  it('is declared in the manifest, enabled, and ships from extension/', () => {
    expect(resource).toMatchObject({ enabled: true, path: 'rules/no-reporting.json' });
    expect(() => read(`extension/${resource!.path}`)).not.toThrow();
  });

  it('removes every header that names a report endpoint, on responses of every type both browsers know (documents too)', () => {
    const rules = read(`extension/${resource!.path}`) as { action: { type: string; responseHeaders: { header: string; operation: string }[] }; condition: { resourceTypes: string[] } }[];
    expect(rules).toHaveLength(1);
    const [rule] = rules;
    expect(rule!.action.type).toBe('modifyHeaders');
    expect(rule!.action.responseHeaders).toEqual(['reporting-endpoints', 'report-to', 'nel'].map((header) => ({ header, operation: 'remove' })));
    expect([...rule!.condition.resourceTypes].sort()).toEqual([...ALL_TYPES].sort());
  });
});
