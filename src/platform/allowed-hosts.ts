// Hosts the user chose to "Continue anyway" on. The session allow rules in
// DNR are the single source of truth; this only reads them.
import { browser } from './browser.ts';
import { FIRST_ALLOW_ID } from '../core/dnr/rules.ts';

export async function sessionAllowedHosts(): Promise<Set<string>> {
  const rules = await browser.declarativeNetRequest.getSessionRules();
  return new Set(
    rules.filter((r) => r.id >= FIRST_ALLOW_ID && r.action.type === 'allow').flatMap((r) => r.condition.requestDomains ?? []),
  );
}
