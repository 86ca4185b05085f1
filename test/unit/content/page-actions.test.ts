// @vitest-environment happy-dom
// The page actions of the content script: the worker's pushes (only a
// well-formed push naming this frame's current page makes it load that page
// again, or judge it again), and leaving a dangerous page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setRuntime } from '../../../src/platform/content-runtime.ts';
import { leave, onWorkerPush } from '../../../src/content/page-actions.ts';

function frameAt(href: string) {
  let listener: ((m: unknown) => void) | undefined;
  setRuntime({ sendMessage: async () => undefined, getMessage: () => '', onMessage: (l) => (listener = l) });
  const replace = vi.fn();
  const rejudge = vi.fn();
  onWorkerPush({ location: { href, replace } } as unknown as Window, rejudge);
  return { push: (m: unknown) => listener?.(m), replace, rejudge };
}

afterEach(() => setRuntime(null));

describe('onWorkerPush', () => {
  it('loads the page again when the push names it', () => {
    const f = frameAt('http://listed.test/login');
    f.push({ type: 'reloadListed', url: 'http://listed.test/login' });
    expect(f.replace).toHaveBeenCalledWith('http://listed.test/login');
    expect(f.rejudge).not.toHaveBeenCalled();
  });

  it('judges the page again, and only that, when a rejudge push names it', () => {
    const f = frameAt('http://northwindbank-login.test/');
    f.push({ type: 'rejudge', url: 'http://northwindbank-login.test/' });
    expect(f.rejudge).toHaveBeenCalledTimes(1);
    expect(f.replace).not.toHaveBeenCalled();
  });

  it.each([
    ['another page (the frame moved on)', { type: 'reloadListed', url: 'http://listed.test/other' }],
    ['a rejudge for another page', { type: 'rejudge', url: 'http://listed.test/other' }],
    ['a malformed push', { type: 'reloadListed' }],
    ['another message', { type: 'lookup', url: 'http://listed.test/login' }],
  ])('ignores %s', (_what, message) => {
    const f = frameAt('http://listed.test/login');
    f.push(message);
    expect(f.replace).not.toHaveBeenCalled();
    expect(f.rejudge).not.toHaveBeenCalled();
  });
});

describe('leave', () => {
  function fakeWindow(backLeaves: boolean) {
    const replace = vi.fn();
    const win: EventTarget = Object.assign(new EventTarget(), {
      location: { href: 'http://lookalike.test/#step-3', replace },
      history: { back: () => backLeaves && win.dispatchEvent(new Event('pagehide')) },
      setTimeout: (fn: () => void) => fn(),
    });
    return { win: win as unknown as Window, replace };
  }

  it('goes back in history when that leaves the document', () => {
    const { win, replace } = fakeWindow(true);
    leave(win)();
    expect(replace).not.toHaveBeenCalled();
  });

  it('goes to an empty page when "back" stays in the same document (the page pushed its own entries)', () => {
    const { win, replace } = fakeWindow(false);
    leave(win)();
    expect(replace).toHaveBeenCalledWith('about:blank');
  });
});
