// Which DNR calls bring the installed redirect rules to a new set. Plain data:
// src/platform/dnr.ts makes the calls and records what they installed.
//
// Hosts keep their rule (rules.ts buckets them by hash), so when the number
// of rules stays the same, a rule whose content is unchanged is left alone
// and each changed rule is swapped in its own step: removing and adding the
// same id in one call is atomic, so a host in both the old and the new lists
// is never unprotected. When the number of rules changes (a list doubled or
// halved, or nothing is recorded), every rule is replaced in one call.
import type { DnrRule, RedirectRules } from './rules.ts';

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

export type RulePlan =
  | { kind: 'replace'; rules: DnrRule[]; digests: Record<string, string> }
  | { kind: 'swap'; steps: RuleStep[]; digests: Record<string, string> };

export function planRuleUpdate(installed: InstalledRules | null, next: RedirectRules): RulePlan {
  const { rules, digests } = next;
  const before = installed?.digests ?? null;
  const sameIds = before !== null && Object.keys(before).length === rules.length && rules.every((r) => r.id in before);
  if (!sameIds) return { kind: 'replace', rules, digests };
  const steps = rules.filter((r) => before[r.id] !== digests[r.id]).map((r) => ({ removeRuleIds: [r.id], addRules: [r] }));
  return { kind: 'swap', steps, digests };
}
