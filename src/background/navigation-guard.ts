import { redirectTab, extensionUrl, type TopNavigation } from '../platform/navigation.ts';
import { sessionAllowedHosts } from '../platform/allowed-hosts.ts';
import { isRedirectedByRules } from '../core/dnr/rules.ts';
import { state, WARNING_PAGE } from './state.ts';
import { hostOf } from './findings.ts';

/**
 * Sends a tab to the warning page when DNR let a listed URL through. Before
 * the request, only for path entries (DNR redirects whole domains itself, and
 * a second redirect racing it would add a history entry that "Go back" then
 * lands on); once committed, for anything listed: DNR missed it (a page's own
 * service worker served it, or the rules were not installed yet).
 */
export async function guardNavigation({ tabId, url, phase }: TopNavigation): Promise<void> {
  const { engine } = await state();
  const { verdict, match } = engine.lookup(url);
  if (verdict !== 'warn' || !match) return;
  if (phase === 'before' && isRedirectedByRules(match.entry)) return;
  const host = hostOf(url);
  if (host && (await sessionAllowedHosts()).has(host)) return;
  await redirectTab(tabId, `${extensionUrl(WARNING_PAGE)}#${url}`);
}
