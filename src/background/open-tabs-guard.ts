// A page loaded before its host was listed keeps running after the listing:
// what it does next needs no navigation, so neither DNR nor the navigation
// guard sees it (measured: the tab stayed on the page, and could be typed
// into). Whenever a new set of lists is in force, every open tab is checked
// once: a listed top-level page goes to the warning page, as the navigation
// guard sends it after a commit; a listed frame, once the rules are in, is
// told to load again, and meets DNR's frame redirect.
import { pushToFrame } from '../platform/messaging.ts';
import { openTabsCheckedVersion, setOpenTabsCheckedVersion } from '../platform/open-tabs-checked.ts';
import { openTabIds, tabFrames } from '../platform/tab-page.ts';
import { guardNavigation } from './navigation-guard.ts';
import type { State } from './state.ts';

interface OpenFrame {
  tabId: number;
  frameId: number;
  url: string;
}

/**
 * The lists version whose open tabs were checked: once per browser session,
 * not at every wake of the worker (each costs a call per tab). Kept here too,
 * so two loads close together do not both check.
 */
let checkedVersion: string | null = null;

async function openFrames(): Promise<OpenFrame[]> {
  const perTab = await Promise.all(
    (await openTabIds()).map(async (tabId) => (await tabFrames(tabId).catch(() => [])).map((f) => ({ tabId, frameId: f.frameId, url: f.url }))),
  );
  return perTab.flat().filter((f) => /^https?:/i.test(f.url));
}

export async function guardOpenTabs(s: State): Promise<void> {
  if (s.version === checkedVersion) return;
  checkedVersion = s.version;
  if ((await openTabsCheckedVersion()) === s.version) return;
  const listed: OpenFrame[] = [];
  for (const f of await openFrames()) if ((await s.engine.lookup(f.url)).verdict === 'warn') listed.push(f);
  const [tops, frames] = [listed.filter((f) => f.frameId === 0), listed.filter((f) => f.frameId !== 0)];
  await Promise.all(tops.map((f) => guardNavigation({ tabId: f.tabId, url: f.url, phase: 'committed' })));
  if (frames.length > 0) {
    await s.rules;
    await Promise.all(frames.map((f) => pushToFrame(f.tabId, f.frameId, { type: 'reloadListed', url: f.url }).catch(() => undefined)));
  }
  // Only once all is done: a worker stopped halfway checks again when it wakes.
  await setOpenTabsCheckedVersion(s.version);
}
