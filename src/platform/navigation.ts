import { browser } from './browser.ts';

export interface TopNavigation {
  tabId: number;
  url: string;
  /** 'before': the request is about to start; 'committed': a document from it is showing. */
  phase: 'before' | 'committed';
}

/**
 * Calls `check` for each top-level navigation, before the request and again on
 * commit. The DNR redirect normally stops a listed host before any request;
 * this is the fallback for what DNR cannot see: documents served by a page's
 * own service worker, path entries, and rules not yet applied at start-up.
 */
export function onTopNavigation(check: (nav: TopNavigation) => void): void {
  const listener = (phase: TopNavigation['phase']) => (d: { tabId: number; frameId: number; url: string }) => {
    if (d.frameId === 0 && /^https?:/i.test(d.url)) check({ tabId: d.tabId, url: d.url, phase });
  };
  browser.webNavigation.onBeforeNavigate.addListener(listener('before'));
  browser.webNavigation.onCommitted.addListener(listener('committed'));
  // A page the rules blocked (a form POST to a listed path of a held host)
  // ends on the browser's error page: as after a commit, the guard sends a
  // listed one to the warning page instead.
  browser.webNavigation.onErrorOccurred.addListener(listener('committed'));
}

export async function redirectTab(tabId: number, url: string): Promise<void> {
  await browser.tabs.update(tabId, { url });
}

/** Where to send a tab: for a `use_dynamic_url` resource in Chromium, its per-session dynamic URL. */
export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

/** The URLs a tab showing `path` may have: Chromium shows a dynamic-URL page at the extension's fixed id. */
export function extensionUrls(path: string): string[] {
  return [...new Set([extensionUrl(path), `${browser.runtime.getURL('')}${path}`])];
}
