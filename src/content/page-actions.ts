// Small side effects on the page's window, kept apart so tests can replace them.
import { parsePush } from '../messages/protocol.ts';
import { dom } from './dom-refs.ts';
import { runtime } from '../platform/content-runtime.ts';

/** Runs `fn` when the main thread is idle, within half a second at most. */
export function idle(win: Window): (fn: () => void) => void {
  return (fn) => {
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(() => fn(), { timeout: 500 });
    else win.setTimeout(fn, 50);
  };
}

/** Follows a link the user insisted on, in this tab or a new one. */
export function navigate(win: Window): (url: string, newTab: boolean) => void {
  return (url, newTab) => {
    if (newTab) win.open(url, '_blank', 'noopener');
    else win.location.assign(url);
  };
}

/**
 * Leaves a dangerous page: back in history, else to an empty page. "Back"
 * counts only if this document goes (pagehide): a page that filled its
 * history with its own entries (pushState) would otherwise only move between
 * them, the same document staying up with its URL changed.
 */
export function leave(win: Window): () => void {
  return () => {
    let left = false;
    dom.listen(win, 'pagehide', () => (left = true), { once: true });
    win.history.back();
    win.setTimeout(() => {
      if (!left) win.location.replace('about:blank');
    }, 400);
  };
}

/** Calls `fn` once the document has been parsed. */
export function whenParsed(doc: Document, fn: () => void): void {
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', fn, { once: true });
  else fn();
}

/**
 * The worker's pushes for this frame's page: listed while it was open, it
 * loads its URL again, and that request meets the rules (a framed warning);
 * to be judged again, it calls `rejudge`.
 */
export function onWorkerPush(win: Window, rejudge: () => void): void {
  runtime().onMessage((raw) => {
    const push = parsePush(raw);
    if (!push || push.url !== win.location.href) return;
    if (push.type === 'reloadListed') win.location.replace(push.url);
    else rejudge();
  });
}
