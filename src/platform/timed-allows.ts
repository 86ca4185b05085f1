// "Continue anyway" for a limited time ('timed-with-reason'): the same session
// allow rule as a session continue (src/platform/dnr.ts), plus its expiry in
// storage.session. An alarm at the earliest expiry removes the rules that are
// due; the browser closing removes them all (session rules), which only ends
// an allowance early.
import { browser, type DeclarativeNetRequest } from './browser.ts';
import { allowHostForSession } from './dnr.ts';
import { isAllowRule } from '../core/dnr/rules.ts';

const KEY = 'timedAllows';

async function expiries(): Promise<Record<string, number>> {
  const got = (await browser.storage.session.get(KEY))[KEY];
  return typeof got === 'object' && got !== null ? (got as Record<string, number>) : {};
}

/** Allows top-level navigations to exactly `host` until `until` (epoch ms). Returns the earliest expiry now pending. */
export async function allowHostUntil(host: string, until: number): Promise<number> {
  const all = await expiries();
  all[host] = until;
  await browser.storage.session.set({ [KEY]: all });
  await allowHostForSession(host);
  return Math.min(...Object.values(all));
}

const isAllowFor = (r: DeclarativeNetRequest.Rule, hosts: Set<string>): boolean =>
  isAllowRule(r) && (r.condition.requestDomains ?? []).some((h) => hosts.has(h));

/** Removes the allowances due by `now`; returns the next expiry, or null when none is left. */
export async function expireTimedAllows(now: number): Promise<number | null> {
  const all = await expiries();
  const due = new Set(Object.keys(all).filter((h) => all[h]! <= now));
  if (due.size > 0) {
    const rules = await browser.declarativeNetRequest.getSessionRules();
    await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: rules.filter((r) => isAllowFor(r, due)).map((r) => r.id) });
    for (const h of due) delete all[h];
    await browser.storage.session.set({ [KEY]: all });
  }
  const left = Object.values(all);
  return left.length > 0 ? Math.min(...left) : null;
}
