// Hosts the user chose to "Continue anyway" on. The session allow rules in
// DNR are the single source of truth; this only reads them.
import { browser } from './browser.ts';
import { isAllowRule } from '../core/dnr/rules.ts';

export async function sessionAllowedHosts(): Promise<Set<string>> {
  const rules = await browser.declarativeNetRequest.getSessionRules();
  return new Set(
    rules.filter(isAllowRule).flatMap((r) => r.condition.requestDomains ?? []),
  );
}
