// Requests only the extension's own pages (popup, options) may make: verdicts
// for any URL or tab, and the user's settings. A content script asking is refused.
import type { Request, RequestOf, ResponseMap, SaveSettingsResult } from '../messages/protocol.ts';
import type { Sender } from '../platform/messaging.ts';
import { parsePolicy, type ManagedSettings } from '../core/policy/index.ts';
import { readUserSettings } from '../platform/managed-storage.ts';
import { writeUserSettings } from '../platform/user-settings.ts';
import { clearAllSessionAllows, listSessionAllows } from '../platform/session-allows.ts';
import { extensionUrls } from '../platform/navigation.ts';
import { tabPage } from '../platform/tab-page.ts';
import { state, WARNING_PAGE } from './state.ts';
import { checkUrl, isWebUrl, pageUrl } from './url-check.ts';

type UiType = 'checkUrl' | 'tabVerdict' | 'getUserSettings' | 'setUserSettings' | 'sessionAllows' | 'clearSessionAllows';
type UiHandlers = { [T in UiType]: (r: RequestOf<T>, s: Sender) => Promise<ResponseMap[T]> };

/** The user's valid values for the keys they set (unset keys stay absent). */
function userValues(raw: unknown): Partial<ManagedSettings> {
  const parsed = parsePolicy(raw);
  return Object.fromEntries(parsed.managedKeys.map((k) => [k, parsed.settings[k]])) as Partial<ManagedSettings>;
}

/** Waits (at most `ms`) for the settings watcher to start the reload, then for its rules. */
async function settled(before: ReturnType<typeof state>, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (state() === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await (await state()).rules;
}

/** Same rules as the policy: anything parsePolicy would complain about is refused whole. */
async function saveUserSettings(raw: Record<string, unknown>): Promise<SaveSettingsResult> {
  const parsed = parsePolicy(raw);
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems };
  const values = userValues(raw);
  // An unchanged value fires no storage.onChanged, so there is no reload to wait for.
  if (JSON.stringify(values) === JSON.stringify(userValues(await readUserSettings()))) return { ok: true };
  const before = state();
  await writeUserSettings(values as Record<string, unknown>);
  await settled(before);
  return { ok: true };
}

const uiHandlers: UiHandlers = {
  async checkUrl({ url }) {
    return checkUrl(await state(), url.trim());
  },

  async tabVerdict({ tabId }) {
    const tab = await tabPage(tabId);
    if (!tab?.url) return { tabId: tab?.tabId ?? null, url: null, check: null };
    const url = pageUrl(tab.url, extensionUrls(WARNING_PAGE));
    return { tabId: tab.tabId, url, check: isWebUrl(url) ? await checkUrl(await state(), url) : null };
  },

  async getUserSettings() {
    const s = await state();
    return { user: userValues(await readUserSettings()), effective: s.settings.settings, managedKeys: s.settings.managedKeys };
  },

  setUserSettings: ({ settings }) => saveUserSettings(settings),

  sessionAllows: () => listSessionAllows(),

  async clearSessionAllows() {
    await clearAllSessionAllows();
    return listSessionAllows();
  },
};

/** The handlers, each refusing senders that are not extension pages. */
export const extensionPageHandlers = Object.fromEntries(
  Object.entries(uiHandlers).map(([type, h]) => [
    type,
    (r: Request, s: Sender) => {
      if (!s.fromExtensionPage) return Promise.reject(new Error('not allowed'));
      return (h as (r: Request, s: Sender) => Promise<unknown>)(r, s);
    },
  ]),
) as unknown as UiHandlers;
