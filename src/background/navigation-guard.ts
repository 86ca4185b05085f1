import { redirectTab, extensionUrl, type TopNavigation } from '../platform/navigation.ts';
import { sessionAllowedHosts } from '../platform/allowed-hosts.ts';
import { dnrRedirectsBefore } from '../core/dnr/rules.ts';
import { rulesRedirectHere, state, WARNING_PAGE } from './state.ts';
import { hostOf } from './findings.ts';
import { removeSiteData } from '../platform/site-data.ts';

/** `host/`: a domain or IP entry (`host/path` entries list part of a site). */
const isHostEntry = (entry: string): boolean => entry.indexOf('/') === entry.length - 1;

/**
 * Sends a tab to the warning page when DNR let a listed URL through. Before
 * the request, only where DNR will not redirect: entries new to a list whose
 * rules are still being installed, or after a restart (a second redirect
 * racing DNR's would add a history entry that "Go back" then lands on). Once
 * committed, for anything listed: DNR missed it (a page's own service worker
 * served it, or the rules were not installed yet).
 */
export async function guardNavigation({ tabId, url, phase }: TopNavigation): Promise<void> {
  const { engine, rulesPending } = await state();
  const { verdict, match } = await engine.lookup(url);
  if (verdict !== 'warn' || !match) return;
  if (phase === 'before') {
    const installedEntry = rulesPending ? ((await rulesPending.installed.lookup(url)).match?.entry ?? null) : undefined;
    if ((await rulesRedirectHere()) && dnrRedirectsBefore(installedEntry)) return;
  }
  const host = hostOf(url);
  if (host && (await sessionAllowedHosts()).has(host)) return;
  // Committed although DNR redirects it: most likely served by the site's own service worker. Remove it (domain and IP entries only).
  if (phase === 'committed' && host && isHostEntry(match.entry)) void removeSiteData([host], [new URL(url).origin]);
  await redirectTab(tabId, `${extensionUrl(WARNING_PAGE)}#${url}`);
}
