// The worker's one push to a content script: only a well-formed push naming
// this frame's current page makes it load that page again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setRuntime } from '../../../src/platform/content-runtime.ts';
import { reloadWhenListed } from '../../../src/content/page-actions.ts';

function frameAt(href: string) {
  let listener: ((m: unknown) => void) | undefined;
  setRuntime({ sendMessage: async () => undefined, getMessage: () => '', onMessage: (l) => (listener = l) });
  const replace = vi.fn();
  reloadWhenListed({ location: { href, replace } } as unknown as Window);
  return { push: (m: unknown) => listener?.(m), replace };
}

afterEach(() => setRuntime(null));

describe('reloadWhenListed', () => {
  it('loads the page again when the push names it', () => {
    const f = frameAt('http://listed.test/login');
    f.push({ type: 'reloadListed', url: 'http://listed.test/login' });
    expect(f.replace).toHaveBeenCalledWith('http://listed.test/login');
  });

  it.each([
    ['another page (the frame moved on)', { type: 'reloadListed', url: 'http://listed.test/other' }],
    ['a malformed push', { type: 'reloadListed' }],
    ['another message', { type: 'lookup', url: 'http://listed.test/login' }],
  ])('ignores %s', (_what, message) => {
    const f = frameAt('http://listed.test/login');
    f.push(message);
    expect(f.replace).not.toHaveBeenCalled();
  });
});
