// Installs the rules built by src/core/dnr/rules.ts as rule-plan.ts plans it.
// Redirect rules are dynamic (they survive worker stops and browser
// restarts); "Continue anyway" allow rules are session rules (gone when the
// browser closes, as promised).
import { browser, isFirefox, type DeclarativeNetRequest } from './browser.ts';
import { FIRST_ALLOW_ID, allRuleIds, buildAllowRule, isAllowRule, isPassRule, passRules, type DnrRule } from '../core/dnr/rules.ts';
import type { InstalledRules, RulePlan } from '../core/dnr/rule-plan.ts';

const dnr = () => browser.declarativeNetRequest;

const RECORD = 'redirectRules';

/** What the redirect rules installed are (null: unknown, e.g. a first start). */
export async function installedRules(): Promise<InstalledRules | null> {
  const { [RECORD]: record } = await browser.storage.local.get(RECORD);
  return (record as InstalledRules | undefined) ?? null;
}

const record = (r: InstalledRules) => browser.storage.local.set({ [RECORD]: r });

// Measured with 1M hosts (npm run bench:browser): a call holds Firefox's event
// page for about 5 s per 1M hosts it adds (no timer fired meanwhile), and
// costs it ~1.3 s more for the ruleset it holds; Chromium re-indexes the
// whole dynamic ruleset on every call (one call per 50k hosts took 84 s in
// all instead of 4-7 s). So in Firefox the plan's steps are calls of at most
// STEP_HOSTS hosts, and the page answers between them; in Chromium, one call.
const RULE_IDS = allRuleIds();

const update = (removeRuleIds: number[], addRules: DnrRule[]) =>
  dnr().updateDynamicRules({ removeRuleIds, addRules: addRules as DeclarativeNetRequest.Rule[] });

/**
 * Brings the redirect rules to `plan` (built for lists `version`), recording
 * what is installed after every call: a worker stopped half-way resumes
 * from there. Every call is atomic, and rule-plan.ts orders the steps so no
 * listed host is ever unprotected.
 */
export async function applyRulePlan(version: string, plan: RulePlan): Promise<void> {
  if (plan.kind === 'replace') {
    // Every dynamic rule is one of ours, and ids that do not exist are
    // ignored: no need to fetch the installed rules (1M hosts) to remove them.
    await update(RULE_IDS, plan.rules);
    return record({ version, digests: plan.digests });
  }
  if (!isFirefox()) {
    await update(plan.steps.flatMap((s) => s.removeRuleIds), plan.steps.flatMap((s) => s.addRules));
    return record({ version, digests: plan.digests });
  }
  const done = { ...(await installedRules())?.digests };
  for (const step of plan.steps) {
    await update(step.removeRuleIds, step.addRules);
    for (const id of step.removeRuleIds) delete done[id];
    for (const r of step.addRules) done[r.id] = plan.digests[r.id]!;
    await record({ version: '', digests: done }); // not `version` until the last step
  }
  await record({ version, digests: plan.digests });
}

/** Lets every request to exactly `host` through for this browser session. */
export async function allowHostForSession(host: string): Promise<void> {
  const existing = await dnr().getSessionRules();
  if (existing.some((r) => isAllowRule(r) && r.condition.requestDomains?.[0] === host)) return;
  const id = Math.max(FIRST_ALLOW_ID - 1, ...existing.map((r) => r.id)) + 1;
  await dnr().updateSessionRules({ addRules: [buildAllowRule(id, host) as DeclarativeNetRequest.Rule] });
}

export async function clearSessionAllows(): Promise<void> {
  const existing = await dnr().getSessionRules();
  await dnr().updateSessionRules({ removeRuleIds: existing.map((r) => r.id) });
}

/** Lets tab `tabId`'s frames load exactly `url` through the hold (rules.ts passRules), replacing the tab's last pass. */
export async function passOnce(tabId: number, url: string): Promise<void> {
  const rules = passRules(tabId, url);
  await dnr().updateSessionRules({ removeRuleIds: rules.map((r) => r.id), addRules: rules as DeclarativeNetRequest.Rule[] });
}

export async function clearPasses(): Promise<void> {
  const existing = await dnr().getSessionRules();
  const removeRuleIds = existing.filter(isPassRule).map((r) => r.id);
  if (removeRuleIds.length > 0) await dnr().updateSessionRules({ removeRuleIds });
}
