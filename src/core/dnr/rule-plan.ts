// Which DNR calls bring the installed redirect rules to a new set. Plain data:
// src/platform/dnr.ts makes the calls and records what they installed.
//
// Each step is one atomic call, and the steps are ordered so that a host in
// both the old and the new lists is redirected all along, whichever step a
// stopped worker ended on. That holds because a host's rule is its hash
// masked to a power-of-two rule count (rules.ts): when the count doubles, a
// host stays in rule k or moves to a new rule k + n; when it halves, rule k
// takes in rule k + n/2. So: first add the rules that are new, then swap the
// changed ones, then remove those no longer needed. Unchanged rules are left
// alone, so a small update costs a few rules. With nothing recorded (a first
// start), one call replaces every rule.
import { FIRST_REDIRECT_ID, MAX_REDIRECT_RULES, type DnrRule, type RedirectRules } from './rules.ts';

/** What the installed redirect rules are, recorded after each successful call. */
export interface InstalledRules {
  /** Identity of the lists (and warning page) the rules were built for. */
  version: string;
  /** Rule id -> digest of that rule. */
  digests: Record<string, string>;
}

export interface RuleStep {
  removeRuleIds: number[];
  addRules: DnrRule[];
}

export type RulePlan = { digests: Record<string, string> } & (
  | { kind: 'replace'; rules: DnrRule[] }
  | { kind: 'steps'; steps: RuleStep[] }
);

export function planRuleUpdate(installed: InstalledRules | null, next: RedirectRules): RulePlan {
  const { rules, digests } = next;
  if (!installed) return { kind: 'replace', rules, digests };
  const before = installed.digests;
  const added = rules.filter((r) => !(r.id in before)).map((r) => ({ removeRuleIds: [], addRules: [r] }));
  const swapped = rules.filter((r) => r.id in before && before[r.id] !== digests[r.id]).map((r) => ({ removeRuleIds: [r.id], addRules: [r] }));
  const gone = Object.keys(before).filter((id) => !(id in digests)).map(Number);
  const removed = gone.length > 0 ? [{ removeRuleIds: gone, addRules: [] }] : [];
  return { kind: 'steps', steps: coalesced([...added, ...swapped, ...removed]), digests };
}

/**
 * Hosts one call may carry when it joins several steps. Each call costs
 * Firefox about as much again as the whole dynamic ruleset holds (it is
 * validated and stored whole: ~1.3 s a call with 1M hosts installed,
 * measured), plus ~5 s per 1M hosts it adds, during which the event page
 * answers nothing. So steps are joined up to 64k hosts, two bucket rules a
 * call: an update's 4 bucket swaps took 5.2 s as four calls and 1.6 s as one,
 * but one call held the page 0.6-1.1 s; thousands of small path rules go in
 * a few calls (one each took minutes).
 */
export const STEP_HOSTS = 64_000;

const hostsIn = (step: RuleStep) => step.addRules.reduce((n, r) => n + (r.condition.requestDomains?.length ?? 0), 0);

/**
 * Joins neighbouring steps of the same kind (adds, swaps) while they stay
 * under STEP_HOSTS: each call is still atomic, and the order of kinds, which
 * keeps every listed host covered, is unchanged.
 */
function coalesced(steps: readonly RuleStep[]): RuleStep[] {
  const out: RuleStep[] = [];
  let hosts = 0;
  for (const step of steps) {
    const last = out.at(-1);
    const n = hostsIn(step);
    const sameKind = last !== undefined && (last.removeRuleIds.length > 0) === (step.removeRuleIds.length > 0) && step.addRules.length > 0;
    if (last && sameKind && hosts + n <= STEP_HOSTS) {
      last.removeRuleIds.push(...step.removeRuleIds);
      last.addRules.push(...step.addRules);
      hosts += n;
    } else {
      out.push({ removeRuleIds: [...step.removeRuleIds], addRules: [...step.addRules] });
      hosts = n;
    }
  }
  return out;
}

/**
 * Hosts whose site data to remove because the plan starts blocking them: the
 * domain and IP entries of the bucket rules it adds (a changed bucket is
 * added whole, so a superset of what is new), never path entries' hosts (the
 * rest of such a site is not listed). At most `max`, so a million-host first
 * install stays one bounded call; the navigation guard handles the rest.
 */
export function hostsNewlyBlocked(plan: RulePlan, max: number): string[] {
  const rules = plan.kind === 'replace' ? plan.rules : plan.steps.flatMap((s) => s.addRules);
  const out = new Set<string>();
  for (const r of rules) {
    if (r.action.type !== 'redirect' || r.id >= FIRST_REDIRECT_ID + MAX_REDIRECT_RULES) continue;
    for (const h of r.condition.requestDomains ?? []) {
      if (out.size >= max) return [...out];
      if (!h.startsWith('[')) out.add(h); // IPv6 aliases of an IPv4 entry: the same site
    }
  }
  return [...out];
}
