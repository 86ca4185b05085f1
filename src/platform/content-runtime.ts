// The content script's only door to the extension API (kept apart from the
// webextension-polyfill that extension pages use, so the script stays small). Tests
// replace it with `setRuntime(fake)`. Three calls are needed: ask the
// worker, read a localized string, and hear the worker's one push. Only this
// extension reaches runtime.onMessage of its content scripts (a page or
// another extension cannot), and the script never reads window.postMessage.

export interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
  getMessage(key: string, substitutions?: string[]): string;
  /** Messages the worker sends to this frame (tabs.sendMessage). */
  onMessage(listener: (message: unknown) => void): void;
}

interface ExtensionApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown> | void;
    onMessage: { addListener(listener: (message: unknown, sender: { id?: string }) => void): void };
    id: string;
  };
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
    onMessage: (listener) =>
      api.runtime.onMessage.addListener((message, sender) => {
        if (sender.id === api.runtime.id) listener(message);
      }),
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
