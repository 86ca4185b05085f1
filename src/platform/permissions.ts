// Host access. Firefox lets users withhold <all_urls> (MV3 host permissions
// are optional there): then the DNR redirect and the content script do not
// run, and the popup/options say so and offer to ask again.
import { browser } from './browser.ts';

const ALL_HOSTS = { origins: ['<all_urls>'] };

export async function hasAllHosts(): Promise<boolean> {
  return browser.permissions.contains(ALL_HOSTS);
}

/** Must be called synchronously from a click handler (a user gesture), before any await. */
export function requestAllHosts(): Promise<boolean> {
  return browser.permissions.request(ALL_HOSTS);
}

/** Calls `listener` when host access is granted or withdrawn. */
export function onHostAccessChanged(listener: () => void): void {
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
}
