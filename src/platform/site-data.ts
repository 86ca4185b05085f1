// Removes what a site stored to serve itself without the network: its service
// workers (and, in Chromium, Cache Storage). A listed site's service worker,
// installed before the site was listed, answers navigations from its cache
// before any request, so DNR never sees them; once removed, the next visit
// goes to the network and meets the redirect rule.
import { browser, isFirefox } from './browser.ts';

interface BrowsingData {
  remove(options: Record<string, unknown>, dataTypes: Record<string, boolean>): Promise<void>;
}

/**
 * Best effort: a browser without the API, or refusing the call, leaves the
 * navigation guard to catch what is served. Chromium removes by origin, so
 * for a host only its default ports; `origins` adds exact ones (a visit the
 * guard caught, on whatever port).
 */
export async function removeSiteData(hosts: readonly string[], origins: readonly string[] = []): Promise<void> {
  const api = (browser as unknown as { browsingData?: BrowsingData }).browsingData;
  if (!api || hosts.length === 0) return;
  try {
    // Firefox takes host names (service workers, not Cache Storage); Chromium takes origins.
    if (isFirefox()) await api.remove({ hostnames: [...hosts] }, { serviceWorkers: true });
    else await api.remove({ origins: [...origins, ...hosts.flatMap((h) => [`https://${h}`, `http://${h}`])] }, { serviceWorkers: true, cacheStorage: true });
  } catch (e) {
    console.warn('Takedown Guard: could not remove the site data of listed hosts', e);
  }
}
