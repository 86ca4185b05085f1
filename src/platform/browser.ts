// The one import of the WebExtension API. Everything browser-specific goes
// through src/platform so the layers above stay testable and thin.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs, WebNavigation, DeclarativeNetRequest } from 'webextension-polyfill';

/** Build-time constant: Firefox builds have `background.scripts` (an event page). */
export const isFirefox = (): boolean => browser.runtime.getURL('').startsWith('moz-extension:');
