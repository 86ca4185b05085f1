// HTTP authentication challenges (the browser's own sign-in dialog): cancelled
// for a listed or look-alike host, or on a page of one, unless the user
// continued past the warning for that host; a page's goes to the full-page
// warning; a proxy's and a clean site's are left alone.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildProtectedIndex } from '../../../src/core/lookalike/protected-index.ts';

const continues = new Set<string>();
const allows = new Set<string>();
let tabUrl: string | null = null;
vi.mock('../../../src/platform/credential-continues.ts', () => ({ credentialContinues: async () => new Set(continues) }));
vi.mock('../../../src/platform/allowed-hosts.ts', () => ({ sessionAllowedHosts: async () => new Set(allows) }));
vi.mock('../../../src/platform/tab-page.ts', () => ({ tabPage: async (tabId: number) => ({ tabId, url: tabUrl }) }));
const redirectTab = vi.fn(async (_tab: number, _url: string) => undefined);
vi.mock('../../../src/platform/navigation.ts', () => ({ redirectTab, extensionUrl: (p: string) => `ext://${p}` }));
const LISTED = 'http://listed.test/';
vi.mock('../../../src/background/state.ts', () => ({
  WARNING_PAGE: 'warning.html',
  state: async () => ({
    engine: {
      lookup: async (url: string) =>
        url.startsWith(LISTED) ? { verdict: 'warn', match: { entry: 'listed.test/', list: 'court' } } : { verdict: 'allow', match: null },
      listMeta: () => ({ id: 'court', name: 'Court' }),
    },
    protectedIndex: buildProtectedIndex(),
  }),
}));

const { guardAuthChallenge } = await import('../../../src/background/auth-prompt-guard.ts');
const challenge = (url: string, type = 'main_frame', isProxy = false) => ({ url, tabId: 7, type, isProxy });

beforeEach(() => {
  continues.clear();
  allows.clear();
  tabUrl = null;
  redirectTab.mockClear();
});

describe('guardAuthChallenge', () => {
  it('a look-alike page\'s challenge is cancelled and its tab sent to the full-page warning', async () => {
    expect(await guardAuthChallenge(challenge('http://login-microsoft-verify.com/auth'))).toBe(true);
    expect(redirectTab.mock.calls).toEqual([[7, 'ext://warning.html#http://login-microsoft-verify.com/auth']]);
  });

  it('a listed host\'s too', async () => {
    expect(await guardAuthChallenge(challenge(`${LISTED}x`, 'xmlhttprequest'))).toBe(true);
    expect(redirectTab).not.toHaveBeenCalled(); // not a page: the dialog is refused, the tab stays
  });

  it('a clean host\'s challenge on a look-alike page is cancelled (judged by the tab\'s page, as a frame is)', async () => {
    tabUrl = 'http://login-microsoft-verify.com/';
    expect(await guardAuthChallenge(challenge('http://fine.test/frame', 'sub_frame'))).toBe(true);
  });

  it('left alone: a clean site, a proxy, a host the user continued past the warning for', async () => {
    expect(await guardAuthChallenge(challenge('http://fine.test/'))).toBe(false);
    expect(await guardAuthChallenge(challenge('http://login-microsoft-verify.com/', 'main_frame', true))).toBe(false);
    continues.add('login-microsoft-verify.com');
    expect(await guardAuthChallenge(challenge('http://login-microsoft-verify.com/'))).toBe(false);
    allows.add('listed.test');
    expect(await guardAuthChallenge(challenge(LISTED))).toBe(false);
    expect(redirectTab).not.toHaveBeenCalled();
  });
});
