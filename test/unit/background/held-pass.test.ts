// The warning page's pass through the hold: only for an extension page in a
// tab, only for a page no list names and no look-alike rule names (or one the
// user continued on), exactly that page, and never twice in a row for the
// same page (a pass that did not take).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Sender } from '../../../src/platform/messaging.ts';

const passOnce = vi.fn(async (_tab: number, _url: string) => undefined);
vi.mock('../../../src/platform/dnr.ts', () => ({ passOnce }));
const listed = new Set(['http://held.test/phish/']);
const continued = new Set<string>();
vi.mock('../../../src/platform/credential-continues.ts', () => ({ credentialContinues: async () => continued }));
vi.mock('../../../src/background/state.ts', () => ({ state: async () => ({}) }));
vi.mock('../../../src/background/url-check.ts', () => ({
  isWebUrl: (u: string) => /^https?:\/\//.test(u),
  checkUrl: (_s: unknown, url: string) => ({
    finding: [...listed].some((l) => url.startsWith(l)) ? { level: 'blocked' } : url.includes('micros0ft') ? { level: 'suspected' } : null,
  }),
}));

const { heldPassHandlers } = await import('../../../src/background/held-pass.ts');

const sender = (over: Partial<Sender>): Sender => ({ fromExtensionPage: true, frameUrl: 'chrome-extension://x/src/ui/warning/warning.html', tabId: 3, frameId: 0, tabUrl: '', topFrame: true, ...over });
const pass = (url: string, from = sender({})) => heldPassHandlers.passHeld({ type: 'passHeld', url }, from);

beforeEach(() => {
  passOnce.mockClear();
  continued.clear();
});

describe('passHeld', () => {
  it('lets an unlisted page of a held host through in the asking tab, spelled for urlFilter', async () => {
    expect(await pass('http://held.test/a*b')).toEqual({ ok: true, url: 'http://held.test/a%2Ab' });
    expect(passOnce).toHaveBeenCalledWith(3, 'http://held.test/a%2Ab');
  });

  it.each([
    ['a listed page', 'http://held.test/phish/login', sender({})],
    ['a look-alike the user did not continue on', 'http://micros0ft.test/', sender({})],
    ['a content script', 'http://held.test/ok', sender({ fromExtensionPage: false })],
    ['a page with no tab', 'http://held.test/ok', sender({ tabId: undefined })],
    ['a non-web URL', 'javascript:alert(1)', sender({})],
  ])('refuses %s', async (_name, url, from) => {
    expect((await pass(url, from)).ok).toBe(false);
    expect(passOnce).not.toHaveBeenCalled();
  });

  it('lets a look-alike page through once the user continued on its host, never a listed page of that host', async () => {
    continued.add('micros0ft.test');
    listed.add('http://micros0ft.test/phish/');
    expect(await pass('http://micros0ft.test/signin')).toEqual({ ok: true, url: 'http://micros0ft.test/signin' });
    expect((await pass('http://micros0ft.test/phish/x')).ok).toBe(false);
    expect((await pass('http://sub.micros0ft.test/signin')).ok).toBe(false); // the continue is for that host only
    listed.delete('http://micros0ft.test/phish/');
  });

  it('refuses the same page again at once (the pass did not take): no bouncing', async () => {
    expect((await pass('http://held.test/again', sender({ tabId: 5 }))).ok).toBe(true);
    expect(await pass('http://held.test/again', sender({ tabId: 5 }))).toEqual({ ok: false, error: 'loop' });
    expect((await pass('http://held.test/again', sender({ tabId: 6 }))).ok).toBe(true);
    expect(passOnce).toHaveBeenCalledTimes(2);
  });
});
