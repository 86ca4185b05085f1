// Service worker (Chrome) / event page (Firefox) entry. Listeners are
// registered synchronously at the top level so events that wake the worker
// are delivered; state loads lazily on first use.
import { browser } from '../platform/browser.ts';
import { serve } from '../platform/messaging.ts';
import { onTopNavigation } from '../platform/navigation.ts';
import { onAlarm, setAlarm } from '../platform/alarms.ts';
import { expireTimedAllows } from '../platform/timed-allows.ts';
import { CONTINUE_EXPIRY_ALARM, handle } from './handlers.ts';
import { guardNavigation } from './navigation-guard.ts';
import { invalidate, onStateLoaded, state } from './state.ts';
import { guardOpenTabs } from './open-tabs-guard.ts';
import { watchSettings } from './settings.ts';
import { checkForUpdates, scheduleUpdates, UPDATE_ALARM } from './updater.ts';
import { watchToolbarIcon } from './toolbar-icon.ts';
import { onBlockedRequest } from '../platform/blocked-requests.ts';
import { countSubresourceBlock } from './report-recorder.ts';
import { onAuthChallenge } from '../platform/auth-prompts.ts';
import { guardAuthChallenge } from './auth-prompt-guard.ts';
import { onPageAddress } from '../platform/response-addresses.ts';
import { guardAddress } from './address-guard.ts';

const report = (e: unknown) => console.error('Takedown Guard:', e);

const start = () => {
  void state().catch(report);
  void scheduleUpdates(false).catch(report);
};

serve(handle);
watchToolbarIcon();
onTopNavigation((nav) => void guardNavigation(nav).catch(report));
onStateLoaded((s) => void guardOpenTabs(s).catch(report));
onBlockedRequest((url, time) => void countSubresourceBlock(url, time).catch(report));
onAuthChallenge(guardAuthChallenge, report);
onPageAddress((d) => void guardAddress(d).catch(report));
browser.runtime.onInstalled.addListener(start);
browser.runtime.onStartup.addListener(start);
// Policy or user settings changed: new lists, allow-list and rules; new update URLs are checked now.
watchSettings(() => {
  void invalidate().catch(report);
  void scheduleUpdates(true).catch(report);
});
onAlarm(UPDATE_ALARM, () => void checkForUpdates().catch(report));
onAlarm(CONTINUE_EXPIRY_ALARM, () => {
  void expireTimedAllows(Date.now())
    .then((next) => (next === null ? undefined : setAlarm(CONTINUE_EXPIRY_ALARM, next)))
    .catch(report);
});
