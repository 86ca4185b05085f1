// The worker's side of the password alert, with storage and settings faked:
// what each frame is told, and what a content script cannot make it do.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, type ManagedSettings } from '../../../src/core/policy/settings.ts';
import type { LearnedPassword } from '../../../src/core/password-alert/learned.ts';
import type { Sender } from '../../../src/platform/messaging.ts';

const store = vi.hoisted(() => ({ salt: '', learned: [] as LearnedPassword[], own: [] as string[], settings: {} as ManagedSettings }));

vi.mock('../../../src/platform/password-store.ts', () => ({
  readPasswordState: async () => ({ salt: store.salt, learned: store.learned }),
  writeLearned: async (l: LearnedPassword[]) => void (store.learned = l),
  forgetLearned: async () => void (store.learned = []),
  readOwnSites: async () => store.own,
  addOwnSite: async (o: string) => void store.own.push(o),
}));
vi.mock('../../../src/background/settings.ts', () => ({ effectiveSettings: async () => ({ settings: store.settings }) }));
vi.mock('../../../src/platform/extension-id.ts', () => ({ extensionId: () => 'test-extension-id' }));
const report = vi.hoisted(() => ({ rows: [] as Array<{ kind: string; host: string; entry: string; action?: string }>, choices: [] as Array<[number, string]> }));
vi.mock('../../../src/background/report-recorder.ts', () => ({
  recordStop: async (row: { kind: string; host: string; entry: string }) => report.rows.push(row),
  recordChoice: async (id: number, action: string) => (report.choices.push([id, action]), id <= report.rows.length),
}));

const { passwordAlertHandlers: h } = await import('../../../src/background/password-alert.ts');
const { newSalt } = await import('../../../src/core/password-alert/hash.ts');

const LOGIN = 'https://login.corp.example';
const frame = (url: string): Sender => ({ fromExtensionPage: false, frameUrl: url, tabId: 1, frameId: 0, tabUrl: url, topFrame: true });
const fetches: Array<{ url: string; body: string }> = [];

beforeEach(() => {
  store.salt = newSalt();
  store.learned = [];
  store.own = [];
  store.settings = { ...defaultSettings(), protectedLogins: [`${LOGIN}/signin/`], passwordAlertAllowedOrigins: ['https://vault.corp.example'] };
  fetches.length = 0;
  report.rows.length = 0;
  report.choices.length = 0;
  vi.stubGlobal('fetch', async (url: string, init: { body: string }) => (fetches.push({ url, body: init.body }), new Response(null, { status: 204 })));
});

describe('password alert handlers', () => {
  it('learns only from a frame under a protected login, and says which frames watch', async () => {
    await expect(h.learnPassword({ type: 'learnPassword', password: 'Secret-1234', username: 'a' }, frame('https://evil.example/signin/'))).rejects.toThrow('not allowed');
    await expect(h.learnPassword({ type: 'learnPassword', password: 'Secret-1234', username: 'a' }, frame(`${LOGIN}/other`))).rejects.toThrow('not allowed');
    expect(await h.learnPassword({ type: 'learnPassword', password: 'short', username: 'a' }, frame(`${LOGIN}/signin/x`))).toEqual({ learned: false });
    expect(await h.learnPassword({ type: 'learnPassword', password: 'Secret-1234', username: 'a' }, frame(`${LOGIN}/signin/x`))).toEqual({ learned: true });
    expect(store.learned).toHaveLength(1);

    expect(await h.passwordScope({ type: 'passwordScope' }, frame(`${LOGIN}/signin/`))).toEqual({ mode: 'learn' });
    expect(await h.passwordScope({ type: 'passwordScope' }, frame(`${LOGIN}/elsewhere`))).toEqual({ mode: 'off' });
    expect(await h.passwordScope({ type: 'passwordScope' }, frame('https://vault.corp.example/'))).toEqual({ mode: 'off' });
    const watched = await h.passwordScope({ type: 'passwordScope' }, frame('https://evil.example/'));
    expect(watched).toEqual({ mode: 'watch', salt: store.salt, passwords: [{ hash: store.learned[0]!.hash, length: 11, label: 'login.corp.example' }], changeUrl: null, ownSite: true });
    // No account id goes to a page's content script.
    expect(JSON.stringify(watched)).not.toContain(store.learned[0]!.account);
    expect(await h.passwordScope({ type: 'passwordScope' }, { ...frame('https://evil.example/'), fromExtensionPage: true })).toEqual({ mode: 'off' });
  });

  it('reports an alert only for a learned account on a watched frame, POSTing exactly the four fields', async () => {
    await h.learnPassword({ type: 'learnPassword', password: 'Secret-1234', username: 'a' }, frame(`${LOGIN}/signin/`));
    store.settings.passwordAlertReportUrl = 'https://alerts.corp.example/r';
    await expect(h.passwordAlert({ type: 'passwordAlert', account: 'made-up.example' }, frame('https://evil.example/'))).rejects.toThrow();
    await expect(h.passwordAlert({ type: 'passwordAlert', account: 'login.corp.example' }, frame('https://vault.corp.example/'))).rejects.toThrow();
    expect(fetches).toEqual([]);
    await h.passwordAlert({ type: 'passwordAlert', account: 'login.corp.example' }, frame('https://evil.example:8443/login'));
    await vi.waitFor(() => expect(fetches).toHaveLength(1));
    expect(fetches[0]!.url).toBe('https://alerts.corp.example/r');
    expect(JSON.parse(fetches[0]!.body)).toEqual({ host: 'evil.example:8443', time: expect.any(String), account: 'login.corp.example', extensionId: 'test-extension-id' });
  });

  it('"This is my own site" stops watching that origin, unless the policy forbids it', async () => {
    await h.learnPassword({ type: 'learnPassword', password: 'Secret-1234', username: 'a' }, frame(`${LOGIN}/signin/`));
    store.settings.passwordAlertOwnSite = false;
    expect(await h.passwordAlertChoice({ type: 'passwordAlertChoice', account: 'login.corp.example', choice: 'own-site' }, frame('https://mine.example/'))).toEqual({ ok: false });
    store.settings.passwordAlertOwnSite = true;
    expect(await h.passwordAlertChoice({ type: 'passwordAlertChoice', account: 'login.corp.example', choice: 'own-site' }, frame('https://mine.example/a'))).toEqual({ ok: true });
    expect(await h.passwordScope({ type: 'passwordScope' }, frame('https://mine.example/b'))).toEqual({ mode: 'off' });
  });

  it('status and forgetting are for extension pages only', async () => {
    await expect(h.forgetPasswords({ type: 'forgetPasswords' }, frame('https://evil.example/'))).rejects.toThrow('not allowed');
    await h.learnPassword({ type: 'learnPassword', password: 'Secret-1234', username: 'a' }, frame(`${LOGIN}/signin/`));
    const page = { ...frame('chrome-extension://x/options.html'), fromExtensionPage: true };
    expect(await h.passwordAlertStatus({ type: 'passwordAlertStatus' }, page)).toEqual({ learned: 1, reportUrl: null });
    expect(await h.forgetPasswords({ type: 'forgetPasswords' }, page)).toEqual({ learned: 0, reportUrl: null });
  });

  it("writes each alert into the protection report, the user's answer onto the same row", async () => {
    await h.learnPassword({ type: 'learnPassword', password: 'Secret-1234', username: 'a' }, frame(`${LOGIN}/signin/`));
    await h.passwordAlert({ type: 'passwordAlert', account: 'login.corp.example' }, frame('https://evil.example/'));
    await vi.waitFor(() => expect(report.rows).toHaveLength(1));
    expect(report.rows[0]).toMatchObject({ kind: 'password-alert', host: 'evil.example', entry: 'login.corp.example' });
    await h.passwordAlertChoice({ type: 'passwordAlertChoice', account: 'login.corp.example', choice: 'back' }, frame('https://evil.example/'));
    await vi.waitFor(() => expect(report.choices).toEqual([[1, 'went-back']]));
    expect(report.rows).toHaveLength(1);
  });
});
