// A page loaded before its host was listed keeps running after the listing:
// what it does next needs no navigation, so neither DNR nor the navigation
// guard sees it (measured: the tab stayed on the page, and could be typed
// into). Whenever a new set of lists is in force, every open tab is checked
// once: a listed top-level page goes to the warning page, as the navigation
// guard sends it after a commit; a listed frame, once the rules are in, is
// told to load again, and meets DNR's frame redirect. Every other open page
// is told to ask for its verdict again, also when only the protected domains
// changed: a look-alike of a domain an admin protects now was nothing at load.
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
 * What the open tabs were last checked under: once per browser session, not
 * at every wake of the worker (each costs a call per tab). Kept here too, so
 * two loads close together do not both check.
 */
let checkedVersion: string | null = null;

/** What verdicts on pages depend on: the lists in force and the protected domains (brands' owned domains included). */
export function judgedBy(s: State): string {
  const { protectedDomains, brandDomains } = s.settings.settings;
  return JSON.stringify([s.version, protectedDomains, brandDomains]);
}

async function openFrames(): Promise<OpenFrame[]> {
  const perTab = await Promise.all(
    (await openTabIds()).map(async (tabId) => (await tabFrames(tabId).catch(() => [])).map((f) => ({ tabId, frameId: f.frameId, url: f.url }))),
  );
  return perTab.flat().filter((f) => /^https?:/i.test(f.url));
}

export async function guardOpenTabs(s: State): Promise<void> {
  const version = judgedBy(s);
  if (version === checkedVersion) return;
  checkedVersion = version;
  if ((await openTabsCheckedVersion()) === version) return;
  const listed: OpenFrame[] = [];
  const others: OpenFrame[] = [];
  for (const f of await openFrames()) ((await s.engine.lookup(f.url)).verdict === 'warn' ? listed : others).push(f);
  await Promise.all(others.map((f) => pushToFrame(f.tabId, f.frameId, { type: 'rejudge', url: f.url }).catch(() => undefined)));
  const [tops, frames] = [listed.filter((f) => f.frameId === 0), listed.filter((f) => f.frameId !== 0)];
  await Promise.all(tops.map((f) => guardNavigation({ tabId: f.tabId, url: f.url, phase: 'committed' })));
  if (frames.length > 0) {
    await s.rules;
    await Promise.all(frames.map((f) => pushToFrame(f.tabId, f.frameId, { type: 'reloadListed', url: f.url }).catch(() => undefined)));
  }
  // Only once all is done: a worker stopped halfway checks again when it wakes.
  await setOpenTabsCheckedVersion(version);
}
