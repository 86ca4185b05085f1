// Installs the rules built by src/core/dnr/rules.ts. Redirect rules are
// dynamic (they survive worker stops and browser restarts); "Continue anyway"
// allow rules are session rules (gone when the browser closes, as promised).
import { browser, type DeclarativeNetRequest } from './browser.ts';
import { FIRST_ALLOW_ID, buildAllowRule, type DnrRule } from '../core/dnr/rules.ts';

const dnr = () => browser.declarativeNetRequest;

/** The second id range: a new rule set is built there while the old one still blocks. */
const SECOND_RANGE = 50_000;
/** storage.local key: the range a replace is filling (set until it completes). */
const FILLING = 'dnrFillingRange';

/**
 * Replaces the dynamic rules with `rules` with no moment unprotected, one
 * chunk per call. A single call with 1M hosts kept Firefox's event page from
 * answering messages for seconds (measured with npm run bench:browser); one
 * chunk at a time lets the worker serve lookups in between. The new set goes
 * into the id range the old set does not use, then the old set is removed in
 * one call. A replace interrupted midway left the old set whole (the removal
 * never ran): the next one clears the partly filled range first.
 */
export async function replaceDynamicRules(rules: DnrRule[]): Promise<void> {
  const inRange = (id: number, high: boolean) => (id >= SECOND_RANGE) === high;
  const existing = (await dnr().getDynamicRules()).map((r) => r.id);
  const interrupted = (await browser.storage.local.get(FILLING))[FILLING];
  const othersIn = (high: boolean) => existing.some((id) => !inRange(id, high));
  // Resume an interrupted fill only while the set it was replacing is still there.
  const high = typeof interrupted === 'boolean' && othersIn(interrupted) ? interrupted : othersIn(true);
  const stale = existing.filter((id) => inRange(id, high));
  if (stale.length > 0) await dnr().updateDynamicRules({ removeRuleIds: stale });
  await browser.storage.local.set({ [FILLING]: high });
  const offset = high ? SECOND_RANGE : 0;
  for (const r of rules) await dnr().updateDynamicRules({ addRules: [{ ...r, id: r.id + offset } as DeclarativeNetRequest.Rule] });
  await dnr().updateDynamicRules({ removeRuleIds: existing.filter((id) => !inRange(id, high)) });
  await browser.storage.local.remove(FILLING);
}

/** Lets top-level navigations to exactly `host` through for this browser session. */
export async function allowHostForSession(host: string): Promise<void> {
  const existing = await dnr().getSessionRules();
  if (existing.some((r) => r.condition.requestDomains?.length === 1 && r.condition.requestDomains[0] === host)) return;
  const id = Math.max(FIRST_ALLOW_ID - 1, ...existing.map((r) => r.id)) + 1;
  await dnr().updateSessionRules({ addRules: [buildAllowRule(id, host) as DeclarativeNetRequest.Rule] });
}

export async function clearSessionAllows(): Promise<void> {
  const existing = await dnr().getSessionRules();
  await dnr().updateSessionRules({ removeRuleIds: existing.map((r) => r.id) });
}
