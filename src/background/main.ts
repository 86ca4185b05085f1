// Service worker (Chrome) / event page (Firefox) entry. Listeners are
// registered synchronously at the top level so events that wake the worker
// are delivered; state loads lazily on first use.
import { browser } from '../platform/browser.ts';
import { serve } from '../platform/messaging.ts';
import { onTopNavigation } from '../platform/navigation.ts';
import { handle } from './handlers.ts';
import { guardNavigation } from './navigation-guard.ts';
import { state } from './state.ts';

const report = (e: unknown) => console.error('Takedown Guard:', e);

serve(handle);
onTopNavigation((nav) => void guardNavigation(nav).catch(report));
browser.runtime.onInstalled.addListener(() => void state().catch(report));
browser.runtime.onStartup.addListener(() => void state().catch(report));
