// Firefox ESR port of chromium-password-alert.test.ts (puppeteer-core over
// WebDriver BiDi, trusted input from page.keyboard / page.mouse): learn on the
// protected login, then type, paste and fill (document.execCommand
// 'insertText' after a click: input without keys, as an autofill) the password
// on another origin; the alert must be up before the form posts, the server
// must see no request carrying the password and the report URL exactly
// {host, time, account, extensionId}. No alert on the protected login itself
// or the allowed origin. (IME composition needs CDP's Input.imeSetComposition,
// which BiDi lacks: it is covered in Chromium and in the unit tests.)
// The policy is written for Firefox's start-up read and removed right after,
// as policies.json is one machine-wide file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyInput, Page } from 'puppeteer-core';
import { EXTENSION_ORIGIN, launchFirefox, navigate, waitForFirefoxRules, waitForLocation, type LaunchedFirefox } from '../../scripts/lib/firefox.ts';
import { removeFirefoxPolicy, writeFirefoxPolicy } from '../../scripts/lib/policy.ts';
import { GECKO_ID } from '../../scripts/lib/extension-ids.ts';
import { startRecordingServer, type RecordingServer } from './harness/password-alert-server.ts';
import { fixtureUrl } from './harness/fixture-route.ts';
import { clickButton, findOverlays, waitForOverlay } from './harness/firefox-dom.ts';
import { waitFor } from './harness/dom-tree.ts';
import { UNLISTED } from './harness/content-setup.ts';

const PROTECTED = 'login.corp.test';
const ALLOWED = 'vault.corp.test';
const OTHER = 'corp-mail.test';
const SECRET = 'Correct-Horse-42';

let server: RecordingServer;
let ff: LaunchedFirefox;
const url = (host: string) => fixtureUrl(host, server.port, 'password-form.html');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` in the extension's (web-accessible) warning page, where `browser` is the extension API. */
async function inExtensionPage<T>(fn: (arg: unknown) => Promise<T>, arg?: unknown): Promise<T> {
  const page = await ff.browser.newPage();
  try {
    await page.goto(fixtureUrl(UNLISTED, server.port, 'links-clean.html'));
    await navigate(page, `${EXTENSION_ORIGIN}/src/ui/warning/warning.html`);
    await waitForLocation(page, (u) => u.startsWith(EXTENSION_ORIGIN));
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
}

type Api = { browser: typeof chrome };
const extensionStorage = () => inExtensionPage(() => (globalThis as unknown as Api).browser.storage.local.get(null));
const effectiveLogins = () => inExtensionPage(async () => {
  const r = (await (globalThis as unknown as Api).browser.runtime.sendMessage({ type: 'getUserSettings' })) as { value?: { effective: { protectedLogins: string[] } } };
  return r.value?.effective.protectedLogins ?? [];
});

const settings = () => ({
  protectedLogins: [`http://${PROTECTED}:${server.port}/fixtures/`],
  passwordAlertAllowedOrigins: [`http://${ALLOWED}:${server.port}`],
  passwordAlertReportUrl: `http://127.0.0.1:${server.port}/report`,
});

beforeAll(async () => {
  server = await startRecordingServer();
  writeFirefoxPolicy(settings());
  try {
    ff = await launchFirefox({ hosts: [PROTECTED, ALLOWED, OTHER, UNLISTED] });
    const page = await ff.browser.newPage();
    await waitForFirefoxRules(page, fixtureUrl(UNLISTED, server.port, 'links-clean.html'));
    await page.close();
  } finally {
    removeFirefoxPolicy();
  }
  // Another engineer's e2e may rewrite the one policies.json between its write and Firefox's
  // start-up read: the same values as the user's own settings keep the test about the alert.
  await inExtensionPage((s) => (globalThis as unknown as Api).browser.runtime.sendMessage({ type: 'setUserSettings', settings: s }), settings());
  await waitFor(effectiveLogins, (l) => l.length === 1, 'the settings never reached the background', 20_000);
}, 90_000);

afterAll(async () => {
  await ff?.browser.close();
  await server?.close();
});

async function open(host: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(url(host));
  await page.waitForFunction(() => (window as { __fixture?: { ready?: boolean } }).__fixture?.ready === true, { timeout: 10_000 });
  return page;
}

async function expectNoAlert(page: Page): Promise<void> {
  await sleep(1000);
  expect(await findOverlays(page)).toEqual([]);
}

const control = async (page: Page, key: KeyInput) => {
  await page.keyboard.down('Control');
  await page.keyboard.press(key);
  await page.keyboard.up('Control');
};

describe('protected-password alert (Firefox)', () => {
  it('learns on the protected login: only a 32-bit hash, the length and a label are kept', async () => {
    const page = await open(PROTECTED);
    await page.click('#user');
    await page.keyboard.type('alice@corp.test');
    await page.click('#password');
    await page.keyboard.type(SECRET);
    await page.keyboard.press('Enter');
    await waitFor(async () => server.carrying(SECRET, PROTECTED).length, (n) => n === 1, 'the sign-in did not post');
    const all = await waitFor(extensionStorage, (s) => ((s.passwordAlert as { learned?: unknown[] })?.learned?.length ?? 0) === 1, 'never learned');
    expect((all.passwordAlert as { learned: unknown[] }).learned).toEqual([
      { account: expect.stringMatching(/^[0-9a-f]{16}$/), label: `${PROTECTED}:${server.port}`, length: SECRET.length, hash: expect.stringMatching(/^[0-9a-f]{8}$/) },
    ]);
    expect(JSON.stringify(all)).not.toContain(SECRET);
    expect(JSON.stringify(all)).not.toContain('alice');
    await page.close();
  });

  it('does not alert on the protected login itself or on an allowed origin', async () => {
    for (const host of [PROTECTED, ALLOWED]) {
      const page = await open(host);
      await page.click('#notes');
      await page.keyboard.type(SECRET);
      await expectNoAlert(page);
      await page.close();
    }
  });

  const enter: Record<string, (page: Page) => Promise<void>> = {
    typed: (page) => page.keyboard.type(SECRET),
    autofilled: (page) => page.evaluate((s) => void document.execCommand('insertText', false, s), SECRET),
    pasted: (page) => control(page, 'v'),
  };

  for (const [how, fill] of Object.entries(enter)) {
    it(`alerts before the form posts when the password is ${how} on another origin`, async () => {
      if (how === 'pasted') {
        const source = await open(ALLOWED); // not watched: copying there is fine
        await source.click('#notes');
        await source.keyboard.type(SECRET);
        await control(source, 'a');
        await control(source, 'c');
        await source.close();
      }
      const before = server.reports().length;
      const page = await open(OTHER);
      await page.click(how === 'pasted' ? '#notes' : '#password');
      await fill(page);
      await page.keyboard.press('Enter');
      const overlay = await waitForOverlay(page);
      expect(overlay.text).toContain(`${PROTECTED}:${server.port}`);
      expect(overlay.text).toContain(`${OTHER}:${server.port}`);
      await sleep(500);
      expect(server.carrying(SECRET, OTHER)).toEqual([]);
      const reports = await waitFor(async () => server.reports(), (r) => r.length === before + 1, 'no report');
      expect(reports.at(-1)).toEqual({ host: `${OTHER}:${server.port}`, time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), account: `${PROTECTED}:${server.port}`, extensionId: GECKO_ID });
      await clickButton(page, /Leave this site/);
      // The local protection report has the alert, with the user's answer on the same row.
      type Row = { kind: string; host: string; entry: string; action: string };
      const rows = () => inExtensionPage(async () => {
        const r = (await (globalThis as unknown as Api).browser.runtime.sendMessage({ type: 'readReport' })) as { value: { rows: Row[] } };
        return r.value.rows.filter((x) => x.kind === 'password-alert');
      });
      const alerts = await waitFor(rows, (r) => r.some((x) => x.action !== 'none'), 'no answered report row');
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ host: `${OTHER}:${server.port}`, entry: `${PROTECTED}:${server.port}`, action: 'went-back' });
      await inExtensionPage(() => (globalThis as unknown as Api).browser.runtime.sendMessage({ type: 'clearReport' }));
      await page.close();
    });
  }
});
