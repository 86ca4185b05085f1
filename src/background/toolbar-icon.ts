// The toolbar button shows this tab's state: protected, warning (listed or
// look-alike), or lists out of date. Set on every top-level commit, and for
// all tabs when the admin update status changes.
import type { Finding } from '../messages/protocol.ts';
import { setActionLook } from '../platform/action.ts';
import { browser } from '../platform/browser.ts';
import { t } from '../platform/i18n.ts';
import { extensionUrls } from '../platform/navigation.ts';
import { onTopCommitted } from '../platform/tab-page.ts';
import { readUpdateStatus } from '../platform/update-status.ts';
import { ICON_BADGES, iconState, listsOutOfDate, type IconState } from './icon-state.ts';
import { state, WARNING_PAGE } from './state.ts';
import { checkUrl, isWebUrl, pageUrl } from './url-check.ts';

const report = (e: unknown) => console.error('Takedown Guard: toolbar icon', e);

const TITLES: Readonly<Record<IconState, string>> = {
  protected: 'iconProtected', blocked: 'iconBlocked', suspected: 'iconSuspected', stale: 'iconStale',
};

const look = (s: IconState) => ({ ...ICON_BADGES[s], title: t(TITLES[s]) });

async function stale(): Promise<boolean> {
  const s = await state();
  return listsOutOfDate(s.admin.bundle?.expires ?? null, await readUpdateStatus(), Date.now());
}

async function tabFinding(url: string): Promise<Finding | null> {
  const page = pageUrl(url, extensionUrls(WARNING_PAGE));
  return isWebUrl(page) ? (await checkUrl(await state(), page)).finding : null;
}

export async function updateTabIcon(tabId: number, url: string): Promise<void> {
  await setActionLook(look(iconState(await tabFinding(url), await stale())), tabId);
}

/** The default for tabs without their own state (e.g. open before the worker started). */
export async function updateDefaultIcon(): Promise<void> {
  await setActionLook(look(iconState(null, await stale())));
}

/** Registers the listeners; call once at the worker's top level. */
export function watchToolbarIcon(): void {
  onTopCommitted((tabId, url) => void updateTabIcon(tabId, url).catch(report));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'updateStatus' in changes) void updateDefaultIcon().catch(report);
  });
  void updateDefaultIcon().catch(report);
}
