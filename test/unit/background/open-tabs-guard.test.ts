// Open tabs when new lists or protected domains come into force: listed top
// pages go to the warning (through the navigation guard), listed frames are
// told to load again only once the rules are in, every other page to ask for
// its verdict again, and each version is checked once.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const frames = new Map<number, Array<{ frameId: number; parentFrameId: number; url: string }>>();
let sessionChecked: string | null = null;
vi.mock('../../../src/platform/open-tabs-checked.ts', () => ({
  openTabsCheckedVersion: async () => sessionChecked,
  setOpenTabsCheckedVersion: async (v: string) => void (sessionChecked = v),
}));
vi.mock('../../../src/platform/tab-page.ts', () => ({
  openTabIds: async () => [...frames.keys()],
  tabFrames: async (tabId: number) => {
    const f = frames.get(tabId);
    if (!f) throw new Error('gone');
    return f;
  },
}));
const pushToFrame = vi.fn(async (_tab: number, _frame: number, _push: unknown) => undefined);
vi.mock('../../../src/platform/messaging.ts', () => ({ pushToFrame }));
const guardNavigation = vi.fn(async (_nav: unknown) => undefined);
vi.mock('../../../src/background/navigation-guard.ts', () => ({ guardNavigation }));

const { guardOpenTabs } = await import('../../../src/background/open-tabs-guard.ts');

const LISTED = ['http://listed.test/', 'http://frame-listed.test/'];
let version = 0;
function stateWith(rules: Promise<void>, lists = `v${++version}`, protectedDomains: string[] = []) {
  const engine = { lookup: async (url: string) => ({ verdict: LISTED.some((l) => url.startsWith(l)) ? 'warn' : 'allow' }) };
  const settings = { settings: { protectedDomains, brandDomains: {} } };
  return { version: lists, engine, rules, settings } as unknown as Parameters<typeof guardOpenTabs>[0];
}
const pushes = (type: string) => pushToFrame.mock.calls.filter(([, , p]) => (p as { type: string }).type === type);

beforeEach(() => {
  frames.clear();
  pushToFrame.mockClear();
  guardNavigation.mockClear();
  frames.set(1, [{ frameId: 0, parentFrameId: -1, url: 'http://listed.test/login' }]);
  frames.set(2, [
    { frameId: 0, parentFrameId: -1, url: 'http://fine.test/' },
    { frameId: 4, parentFrameId: 0, url: 'http://frame-listed.test/x' },
    { frameId: 5, parentFrameId: 0, url: 'about:blank' },
  ]);
  frames.set(3, [{ frameId: 0, parentFrameId: -1, url: 'chrome://newtab/' }]);
});

describe('guardOpenTabs', () => {
  it('sends listed top pages through the navigation guard and tells listed frames to reload', async () => {
    await guardOpenTabs(stateWith(Promise.resolve()));
    expect(guardNavigation.mock.calls).toEqual([[{ tabId: 1, url: 'http://listed.test/login', phase: 'committed' }]]);
    expect(pushes('reloadListed')).toEqual([[2, 4, { type: 'reloadListed', url: 'http://frame-listed.test/x' }]]);
  });

  it('tells every other open web page to ask for its verdict again (not listed ones, not about: or browser pages)', async () => {
    await guardOpenTabs(stateWith(Promise.resolve()));
    expect(pushes('rejudge')).toEqual([[2, 0, { type: 'rejudge', url: 'http://fine.test/' }]]);
  });

  it('checks again when only the protected domains change (a look-alike of a newly protected domain)', async () => {
    await guardOpenTabs(stateWith(Promise.resolve(), 'same'));
    await guardOpenTabs(stateWith(Promise.resolve(), 'same'));
    expect(pushes('rejudge')).toHaveLength(1);
    await guardOpenTabs(stateWith(Promise.resolve(), 'same', ['northwindbank.com']));
    expect(pushes('rejudge')).toHaveLength(2);
  });

  it('reloads a frame only once the rules are in (else the reload would reach the host)', async () => {
    let rulesIn!: () => void;
    const done = guardOpenTabs(stateWith(new Promise<void>((r) => (rulesIn = r))));
    await new Promise((r) => setTimeout(r, 10));
    expect(guardNavigation).toHaveBeenCalledTimes(1);
    expect(pushes('reloadListed')).toHaveLength(0);
    rulesIn();
    await done;
    expect(pushes('reloadListed')).toHaveLength(1);
  });

  it('checks one lists version once, and a tab that closed meanwhile is skipped', async () => {
    const s = stateWith(Promise.resolve());
    frames.set(9, undefined as never);
    await guardOpenTabs(s);
    await guardOpenTabs(s);
    expect(guardNavigation).toHaveBeenCalledTimes(1);
  });

  it('a worker woken again with the same lists does not check again (the session remembers the version)', async () => {
    const s = stateWith(Promise.resolve());
    await guardOpenTabs(s);
    vi.resetModules();
    const again = await import('../../../src/background/open-tabs-guard.ts');
    await again.guardOpenTabs(s);
    expect(guardNavigation).toHaveBeenCalledTimes(1);
  });
});
