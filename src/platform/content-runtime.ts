// The content script's only door to the extension API (kept apart from the
// webextension-polyfill that extension pages use, so the script stays small). Tests
// replace it with `setRuntime(fake)`. Only two calls are needed: ask the
// worker, and read a localized string. The content script registers no
// runtime.onMessage listener and never reads window.postMessage, so neither a
// page nor another extension can push anything into it.

export interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
  getMessage(key: string, substitutions?: string[]): string;
}

interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> | void };
  i18n: { getMessage(key: string, substitutions?: string[]): string };
}

function platformRuntime(): Runtime {
  const g = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  // Firefox and Chrome 148+ have a promise-based `browser`; older Chrome's
  // `chrome.runtime.sendMessage` returns a promise in MV3 as well.
  const api = g.browser ?? g.chrome;
  if (!api?.runtime) throw new Error('extension runtime unavailable');
  return {
    sendMessage: (message) => Promise.resolve(api.runtime.sendMessage(message)),
    getMessage: (key, subs) => api.i18n.getMessage(key, subs),
  };
}

let current: Runtime | null = null;

export function runtime(): Runtime {
  current ??= platformRuntime();
  return current;
}

/** Tests only: install a fake. */
export function setRuntime(fake: Runtime | null): void {
  current = fake;
}
