import { describe, expect, it } from 'vitest';
import { STEP_HOSTS, hostsNewlyBlocked, planRuleUpdate, type InstalledRules, type RulePlan } from '../../../src/core/dnr/rule-plan.ts';
import { BUCKET_HOSTS, buildRedirectRules, redirectRules, type DnrRule, type RedirectRules } from '../../../src/core/dnr/rules.ts';
import { finish } from '../../../src/core/steps.ts';

const WARNING = 'chrome-extension://abc/src/ui/warning/warning.html';
const hosts = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `h${from + i}.example`);
const installedFrom = (built: RedirectRules): InstalledRules => ({ version: 'v1', digests: { ...built.digests } });
const steps = (p: RulePlan) => (p.kind === 'steps' ? p.steps : []);

/**
 * Applies `plan` to a simulated dynamic ruleset one call at a time, and checks
 * after every call that each host listed both before and after is still
 * redirected (frames) and blocked (everything else). Returns the final ruleset.
 */
function simulate(before: RedirectRules, after: RedirectRules, plan: RulePlan): Map<number, DnrRule> {
  const store = new Map(before.rules.map((r) => [r.id, r]));
  // Hosts per action that must stay covered: listed both before and after.
  const kept = (action: string) => {
    const old = new Set(before.rules.filter((r) => r.action.type === action).flatMap((r) => (r.condition.requestDomains ?? [])));
    return new Set(after.rules.filter((r) => r.action.type === action).flatMap((r) => (r.condition.requestDomains ?? [])).filter((h) => old.has(h)));
  };
  const mustStay = { redirect: kept('redirect'), block: kept('block') } as Record<string, Set<string>>;
  // How many installed rules cover each (action, host), kept up to date call by call.
  const cover = new Map<string, number>();
  const count = (r: DnrRule, by: number) => {
    for (const h of (r.condition.requestDomains ?? [])) cover.set(`${r.action.type} ${h}`, (cover.get(`${r.action.type} ${h}`) ?? 0) + by);
  };
  for (const r of store.values()) count(r, 1);
  for (const step of steps(plan)) {
    const removed = step.removeRuleIds.map((id) => store.get(id)).filter((r): r is DnrRule => r !== undefined);
    for (const r of removed) (count(r, -1), store.delete(r.id));
    for (const r of step.addRules) {
      expect(store.has(r.id)).toBe(false); // a duplicate id would fail the whole call
      store.set(r.id, r);
      count(r, 1);
    }
    const uncovered = removed.flatMap((r) =>
      (r.condition.requestDomains ?? []).filter((h) => mustStay[r.action.type]?.has(h) && !cover.get(`${r.action.type} ${h}`)),
    );
    expect(uncovered).toEqual([]);
  }
  return store;
}

const expectInstalled = (store: Map<number, DnrRule>, after: RedirectRules) =>
  expect([...store.values()].sort((a, b) => a.id - b.id)).toEqual([...after.rules].sort((a, b) => a.id - b.id));

describe('DNR rule plans', () => {
  const big = hosts(4 * BUCKET_HOSTS); // 4 rule pairs
  const before = buildRedirectRules(big, WARNING);

  it('replaces everything in one call when nothing is recorded', () => {
    expect(planRuleUpdate(null, before)).toEqual({ kind: 'replace', rules: before.rules, digests: before.digests });
  });

  it('does nothing when the rules are the same', () => {
    expect(planRuleUpdate(installedFrom(before), buildRedirectRules(big, WARNING))).toEqual({ kind: 'steps', steps: [], digests: before.digests });
  });

  it('swaps only the rules of an added and a removed host, in atomic steps (each removes what it adds)', () => {
    const after = buildRedirectRules([...big.slice(1), 'fresh.example'], WARNING);
    const rulesOf = (r: RedirectRules, host: string) => r.rules.filter((x) => x.condition.requestDomains?.includes(host)).map((x) => x.id);
    const plan = planRuleUpdate(installedFrom(before), after);
    expect(steps(plan).flatMap((s) => s.addRules.map((r) => r.id)).sort()).toEqual([...new Set([...rulesOf(after, 'fresh.example'), ...rulesOf(before, big[0]!)])].sort());
    for (const step of steps(plan)) expect(step.removeRuleIds).toEqual(step.addRules.map((r) => r.id));
    expectInstalled(simulate(before, after, plan), after);
  }, 60_000);

  it('sees a host swapped for another in the same rule', () => {
    expect(steps(planRuleUpdate(installedFrom(before), buildRedirectRules([...big.slice(0, -1), 'other.example'], WARNING))).length).toBeGreaterThan(0);
  });

  it.each([
    ['doubles', [...big, ...hosts(BUCKET_HOSTS, 10 ** 7)]],
    ['grows from one rule to eight', hosts(7 * BUCKET_HOSTS + 5)],
    ['halves', big.slice(0, 2 * BUCKET_HOSTS - 7)],
    ['shrinks to one rule', big.slice(0, 1000)],
  ])('keeps every remaining host redirected after each call when the list %s', (_name, next) => {
    const after = buildRedirectRules(next, WARNING);
    expect(after.rules.length).not.toBe(before.rules.length);
    const plan = planRuleUpdate(installedFrom(before), after);
    expect(plan.kind).toBe('steps');
    expectInstalled(simulate(before, after, plan), after);
  }, 60_000);

  it('swaps every rule when the exclusions or the warning page change', () => {
    const swapped = (p: RulePlan) => steps(p).flatMap((s) => s.addRules.map((r) => r.id));
    expect(swapped(planRuleUpdate(installedFrom(before), buildRedirectRules(big, WARNING, ['ok.h1.example'])))).toHaveLength(8);
    expect(swapped(planRuleUpdate(installedFrom(before), buildRedirectRules(big, `${WARNING}?v=2`)))).toHaveLength(8);
    // Rules of ~25k hosts are joined two a call (at most STEP_HOSTS hosts); these of 50k keep a call each.
    expect(steps(planRuleUpdate(installedFrom(before), buildRedirectRules(big, `${WARNING}?v=2`)))).toHaveLength(8);
    const small = hosts(4 * BUCKET_HOSTS + 1000); // 8 rule pairs of ~25k hosts
    expect(steps(planRuleUpdate(installedFrom(buildRedirectRules(small, WARNING)), buildRedirectRules(small, `${WARNING}?v=2`)))).toHaveLength(8);
  });

  it('resumes a half-done update: only the steps still to do', () => {
    const after = buildRedirectRules(big, `${WARNING}?v=2`);
    const half = installedFrom(before);
    const first = String(after.rules[0]!.id);
    half.digests[first] = after.digests[first]!;
    expect(steps(planRuleUpdate({ ...half, version: '' }, after)).flatMap((s) => s.addRules.map((r) => r.id))).toEqual(after.rules.slice(1).map((r) => r.id));
  });
});

describe('hostsNewlyBlocked', () => {
  it('on a first install: every domain and IP entry, not the IPv6 aliases, within the bound', () => {
    const plan = planRuleUpdate(null, buildRedirectRules(['a.example', 'b.example', '192.0.2.1'], WARNING));
    expect(hostsNewlyBlocked(plan, 100).sort()).toEqual(['192.0.2.1', 'a.example', 'b.example']);
    expect(hostsNewlyBlocked(plan, 2)).toHaveLength(2);
  });

  it('on an update: the hosts of the buckets that changed (the new host among them), nothing when nothing changed', () => {
    const before = buildRedirectRules(hosts(10), WARNING);
    const after = buildRedirectRules([...hosts(10), 'new.example'], WARNING);
    expect(hostsNewlyBlocked(planRuleUpdate(installedFrom(before), after), 1000)).toContain('new.example');
    expect(hostsNewlyBlocked(planRuleUpdate(installedFrom(before), before), 1000)).toEqual([]);
  });

  it('puts thousands of small path rules in a few calls, never more than STEP_HOSTS hosts in a joined one', () => {
    const paths = Array.from({ length: 3000 }, (_, i) => `feed.example/p${i}/`);
    const source = (withPaths: boolean) => ({ size: 1, dnrEntries: () => ({ hosts: ['a.example'], paths: withPaths ? paths : [] }) });
    const before = finish(redirectRules([source(false)], WARNING));
    const after = finish(redirectRules([source(true)], WARNING));
    const plan = planRuleUpdate(installedFrom(before), after);
    expect(after.rules.length).toBeGreaterThan(3000);
    expect(steps(plan).length).toBeLessThan(10);
    for (const step of steps(plan)) {
      if (step.addRules.length > 1) expect(step.addRules.reduce((n, r) => n + (r.condition.requestDomains?.length ?? 0), 0)).toBeLessThanOrEqual(STEP_HOSTS);
    }
    expect(new Set(steps(plan).flatMap((s) => s.addRules.map((r) => r.id)))).toEqual(new Set(after.rules.map((r) => r.id).filter((id) => !(id in before.digests))));
  });
});
