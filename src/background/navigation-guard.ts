import { redirectTab, extensionUrl, type TopNavigation } from '../platform/navigation.ts';
import { sessionAllowedHosts } from '../platform/allowed-hosts.ts';
import { state, WARNING_PAGE } from './state.ts';
import { hostOf } from './findings.ts';

/** Sends a tab to the warning page when DNR let a listed URL through. */
export async function guardNavigation({ tabId, url }: TopNavigation): Promise<void> {
  const { engine } = await state();
  if (engine.lookup(url).verdict !== 'warn') return;
  const host = hostOf(url);
  if (host && (await sessionAllowedHosts()).has(host)) return;
  await redirectTab(tabId, `${extensionUrl(WARNING_PAGE)}#${url}`);
}
