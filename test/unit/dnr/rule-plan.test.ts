import { describe, expect, it } from 'vitest';
import { planRuleUpdate, type InstalledRules } from '../../../src/core/dnr/rule-plan.ts';
import { BUCKET_HOSTS, buildRedirectRules, type RedirectRules } from '../../../src/core/dnr/rules.ts';

const WARNING = 'chrome-extension://abc/src/ui/warning/warning.html';
const hosts = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `h${from + i}.example`);
const installedFrom = (built: RedirectRules): InstalledRules => ({ version: 'v1', digests: { ...built.digests } });
const ids = (p: ReturnType<typeof planRuleUpdate>) => (p.kind === 'swap' ? p.steps.map((s) => s.addRules[0]!.id) : null);

describe('DNR rule plans', () => {
  const big = hosts(4 * BUCKET_HOSTS); // 4 rules
  const before = buildRedirectRules(big, WARNING);

  it('replaces everything when nothing is recorded', () => {
    const plan = planRuleUpdate(null, before);
    expect(plan).toEqual({ kind: 'replace', rules: before.rules, digests: before.digests });
    expect(Object.keys(plan.digests)).toEqual(before.rules.map((r) => String(r.id)));
  });

  it('does nothing when the rules are the same', () => {
    expect(planRuleUpdate(installedFrom(before), buildRedirectRules(big, WARNING))).toEqual({ kind: 'swap', steps: [], digests: before.digests });
  });

  it('swaps only the rules of an added and a removed host, each in its own atomic step', () => {
    const next = buildRedirectRules([...big.slice(1), 'fresh.example'], WARNING);
    const ruleOf = (r: RedirectRules, host: string) => r.rules.find((x) => x.condition.requestDomains.includes(host))!.id;
    const plan = planRuleUpdate(installedFrom(before), next);
    expect(ids(plan)?.sort()).toEqual([...new Set([ruleOf(next, 'fresh.example'), ruleOf(before, big[0]!)])].sort());
    if (plan.kind === 'swap') for (const step of plan.steps) expect(step.removeRuleIds).toEqual([step.addRules[0]!.id]);
  });

  it('sees a host swapped for another in the same rule', () => {
    const next = buildRedirectRules([...big.slice(0, -1), 'other.example'], WARNING);
    expect(ids(planRuleUpdate(installedFrom(before), next))?.length).toBeGreaterThan(0);
  });

  it('replaces everything when the number of rules changes (the list doubled)', () => {
    expect(planRuleUpdate(installedFrom(before), buildRedirectRules(hosts(8 * BUCKET_HOSTS + 1), WARNING)).kind).toBe('replace');
  });

  it('swaps every rule when the exclusions or the warning page change', () => {
    expect(ids(planRuleUpdate(installedFrom(before), buildRedirectRules(big, WARNING, ['ok.h1.example'])))).toHaveLength(4);
    expect(ids(planRuleUpdate(installedFrom(before), buildRedirectRules(big, `${WARNING}?v=2`)))).toHaveLength(4);
  });

  it('resumes a half-done swap: only the rules still different', () => {
    const next = buildRedirectRules(big, `${WARNING}?v=2`);
    const half = installedFrom(before);
    half.digests[String(next.rules[0]!.id)] = next.digests[String(next.rules[0]!.id)]!;
    expect(ids(planRuleUpdate({ ...half, version: '' }, next))).toEqual(next.rules.slice(1).map((r) => r.id));
  });
});
