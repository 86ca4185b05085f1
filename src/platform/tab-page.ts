// Which page a tab shows, for the popup's verdict.
import { browser } from './browser.ts';

/** The tab's id and top-level URL (the active tab of the last focused window when no id is given). */
export async function tabPage(tabId?: number): Promise<{ tabId: number; url: string | null } | null> {
  const tab = tabId === undefined ? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0] : await browser.tabs.get(tabId).catch(() => undefined);
  if (tab?.id === undefined) return null;
  // tab.url needs host access; webNavigation reports the URL without it (Firefox users may withhold hosts).
  const url = tab.url ?? (await browser.webNavigation.getFrame({ tabId: tab.id, frameId: 0 }).catch(() => null))?.url ?? null;
  return { tabId: tab.id, url };
}

/** Top-level navigations that committed, any scheme (the toolbar icon follows every page). */
export function onTopCommitted(listener: (tabId: number, url: string) => void): void {
  browser.webNavigation.onCommitted.addListener((d) => {
    if (d.frameId === 0) listener(d.tabId, d.url);
  });
}

/** Every frame of tab `tabId` with its parent; throws when the browser cannot list them (the tab is gone). */
export async function tabFrames(tabId: number): Promise<Array<{ frameId: number; parentFrameId: number; url: string }>> {
  const frames = await browser.webNavigation.getAllFrames({ tabId });
  if (!frames) throw new Error(`no frames for tab ${tabId}`);
  return frames;
}

/** Every open tab's id (no URLs: those come from webNavigation, which needs no host access). */
export async function openTabIds(): Promise<number[]> {
  return (await browser.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id]));
}
