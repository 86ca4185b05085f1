// Issue 13's protected-password alert in real Chromium, with trusted input.
// A managed policy (machine-wide: run no other policy e2e file at the same
// time), and the same values as user settings (see beforeAll), make
// login.corp.test a protected login, vault.corp.test an allowed origin and
// 127.0.0.1/report the report URL. The password is learned by
// signing in on the protected login, then typed, pasted and autofilled
// (input without keys) on corp-mail.test: the alert must be up before the
// form can post, the server must see no request carrying the password, and
// the report URL must get exactly {host, time, account, extensionId}. Typing
// it on the protected login itself or on the allowed origin, and an IME
// composition, must not alert.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, waitForRules, type Launched } from './harness/chromium.ts';
import { removeExtensionPolicy, writeExtensionPolicy } from '../../scripts/lib/policy.ts';
import { startRecordingServer, type RecordingServer } from './harness/password-alert-server.ts';
import { fixtureUrl } from './harness/fixture-route.ts';
import { clickButton, findOverlays, waitForOverlay } from './harness/overlay.ts';
import { waitFor } from './harness/dom-tree.ts';

const PROTECTED = 'login.corp.test';
const ALLOWED = 'vault.corp.test';
const OTHER = 'corp-mail.test';
const SECRET = 'Correct-Horse-42';
const POLICY_FILE = 'takedown-guard-password-alert-e2e';

let server: RecordingServer;
let browser: Launched;
const url = (host: string) => fixtureUrl(host, server.port, 'password-form.html');

const settings = () => ({
  protectedLogins: [`http://${PROTECTED}:${server.port}/fixtures/`],
  passwordAlertAllowedOrigins: [`http://${ALLOWED}:${server.port}`],
  passwordAlertReportUrl: `http://127.0.0.1:${server.port}/report`,
  passwordAlertMinLength: 8,
});

beforeAll(async () => {
  server = await startRecordingServer();
  writeExtensionPolicy(POLICY_FILE, settings());
  browser = await launchChromium({ hosts: { [PROTECTED]: '127.0.0.1', [ALLOWED]: '127.0.0.1', [OTHER]: '127.0.0.1' } });
  await waitForRules(browser);
  // The policy directory is machine-wide: another engineer's e2e policy for the same extension id
  // can win over this one (Chromium takes one "3rdparty" value), and the worker's first read may
  // see none. The same values as the user's own settings keep the test about the alert; with the
  // policy in force they are overridden by it, the same values.
  await sendFromExtensionPage({ type: 'setUserSettings', settings: settings() });
  await waitFor(effectiveLogins, (l) => l.length === 1, 'the settings never reached the worker', 30_000);
}, 90_000);

afterAll(async () => {
  removeExtensionPolicy(POLICY_FILE);
  await browser?.context.close();
  await server?.close();
});

async function open(host: string): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.context.newPage();
  await page.goto(url(host));
  await page.waitForFunction(() => (window as { __fixture?: { ready?: boolean } }).__fixture?.ready === true);
  return { page, cdp: await browser.context.newCDPSession(page) };
}

/**
 * storage.local as the extension sees it, read from its options page: a
 * Worker handle from before the service worker was stopped and restarted
 * can leave evaluate() waiting forever.
 */
async function extensionStorage(): Promise<Record<string, unknown>> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/src/ui/options/options.html`);
    return await page.evaluate(() => chrome.storage.local.get(null));
  } finally {
    await page.close();
  }
}

/** A request to the worker from the extension's options page (as the options page makes it). */
async function sendFromExtensionPage(request: object): Promise<unknown> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/src/ui/options/options.html`);
    return await page.evaluate((r) => chrome.runtime.sendMessage(r), request);
  } finally {
    await page.close();
  }
}

async function effectiveLogins(): Promise<string[]> {
  const reply = (await sendFromExtensionPage({ type: 'getUserSettings' })) as { value?: { effective: { protectedLogins: string[] } } };
  return reply.value?.effective.protectedLogins ?? [];
}

const stored = async () => (await extensionStorage()).passwordAlert as { salt: string; learned: unknown[] } | undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** No overlay for a while, and the form posted the password to this (allowed or protected) host. */
async function expectNoAlert(cdp: CDPSession): Promise<void> {
  await sleep(1000);
  expect(await findOverlays(cdp)).toEqual([]);
}

describe('protected-password alert (Chromium)', () => {
  it('learns on the protected login: only a 32-bit hash, the length and a label are kept', async () => {
    const { page } = await open(PROTECTED);
    await page.click('#user');
    await page.keyboard.type('alice@corp.test');
    await page.click('#password');
    await page.keyboard.type(SECRET);
    await page.keyboard.press('Enter');
    const state = await waitFor(stored, (s) => (s?.learned.length ?? 0) === 1, 'the password was never learned');
    expect(state?.learned).toEqual([{ account: expect.stringMatching(/^[0-9a-f]{16}$/), label: `${PROTECTED}:${server.port}`, length: SECRET.length, hash: expect.stringMatching(/^[0-9a-f]{8}$/) }]);
    const all = JSON.stringify(await extensionStorage());
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain('alice');
    // The real sign-in itself went through.
    await waitFor(async () => server.carrying(SECRET, PROTECTED).length, (n) => n === 1, 'the sign-in did not post');
    await page.close();
  });

  it('does not alert when the password is typed back on the protected login', async () => {
    const { page, cdp } = await open(PROTECTED);
    await page.click('#notes');
    await page.keyboard.type(SECRET);
    await expectNoAlert(cdp);
    await page.close();
  });

  it('does not alert on an allowed origin', async () => {
    const { page, cdp } = await open(ALLOWED);
    await page.click('#password');
    await page.keyboard.type(SECRET);
    await page.keyboard.press('Enter');
    await expectNoAlert(cdp);
    await waitFor(async () => server.carrying(SECRET, ALLOWED).length, (n) => n === 1, 'the allowed form did not post');
    await page.close();
  });

  it('does not alert on an IME composition', async () => {
    const { page, cdp } = await open(OTHER);
    await page.click('#notes');
    await cdp.send('Input.imeSetComposition', { text: SECRET, selectionStart: SECRET.length, selectionEnd: SECRET.length });
    expect(await page.inputValue('#notes')).toBe(SECRET);
    await expectNoAlert(cdp);
    await page.close();
  });

  const enter = {
    typed: async (page: Page) => page.keyboard.type(SECRET),
    // Input without any key, as a password manager's autofill.
    autofilled: async (page: Page) => page.keyboard.insertText(SECRET),
    pasted: async (page: Page) => page.keyboard.press('ControlOrMeta+V'),
  };

  for (const [how, fill] of Object.entries(enter)) {
    it(`alerts before the form posts when the password is ${how} on another origin`, async () => {
      if (how === 'pasted') {
        // Copied on the allowed origin (not watched), pasted on the other one.
        const { page: source } = await open(ALLOWED);
        await source.fill('#notes', SECRET);
        await source.click('#notes');
        await source.keyboard.press('ControlOrMeta+A');
        await source.keyboard.press('ControlOrMeta+C');
        await source.close();
      }
      const reportsBefore = server.reports().length;
      const { page, cdp } = await open(OTHER);
      await page.click(how === 'pasted' ? '#notes' : '#password');
      await fill(page);
      await page.keyboard.press('Enter'); // at once: the submit must be held, not sent
      const overlay = await waitForOverlay(cdp);
      expect(overlay.text).toContain(`${PROTECTED}:${server.port}`);
      expect(overlay.text).toContain(`${OTHER}:${server.port}`);
      expect(overlay.buttons.map((b) => b.label)).toEqual(['This is my own site', 'Leave this site (safe)']);
      await sleep(500);
      expect(server.carrying(SECRET, OTHER)).toEqual([]);
      const reports = await waitFor(async () => server.reports(), (r) => r.length === reportsBefore + 1, 'no report');
      expect(reports.at(-1)).toEqual({ host: `${OTHER}:${server.port}`, time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), account: `${PROTECTED}:${server.port}`, extensionId: browser.extensionId });
      expect(JSON.stringify(server.recorded.filter((r) => r.url === '/report'))).not.toContain(SECRET);
      await clickButton(page, cdp, /Leave this site/);
      // The local protection report has the alert, with the user's answer on the same row.
      type Row = { kind: string; host: string; entry: string; action: string };
      const rows = async () => ((await sendFromExtensionPage({ type: 'readReport' })) as { value: { rows: Row[] } }).value.rows;
      const row = (await waitFor(rows, (r) => r.some((x) => x.kind === 'password-alert' && x.action !== 'none'), 'no answered report row'))
        .filter((x) => x.kind === 'password-alert');
      expect(row.at(-1)).toMatchObject({ host: `${OTHER}:${server.port}`, entry: `${PROTECTED}:${server.port}`, action: 'went-back' });
      expect(row).toHaveLength(1);
      await sendFromExtensionPage({ type: 'clearReport' });
      await page.close();
    });
  }

  it('the alert answers the keyboard: Escape (after the input-protection delay) leaves the site', async () => {
    const { page, cdp } = await open(OTHER);
    await page.click('#password');
    await page.keyboard.type(SECRET);
    await page.keyboard.press('Escape'); // at once: a key already on its way does not dismiss it unread
    await sleep(300);
    expect((await findOverlays(cdp))[0]?.open).toBe(true);
    await sleep(800);
    await page.keyboard.press('Escape');
    await waitFor(async () => page.url(), (u) => !u.includes(OTHER), 'did not leave');
    expect(server.carrying(SECRET, OTHER)).toEqual([]);
    await page.close();
  });

  it('the options page shows the learned count and where alerts are sent, with no serious axe violation', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/src/ui/options/options.html`);
    await expect.poll(() => page.getByTestId('pw-learned').innerText()).toBe('Passwords learned: 1.');
    expect(await page.getByTestId('pw-report').innerText()).toContain(`http://127.0.0.1:${server.port}/report`);
    await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
    type Results = { violations: Array<{ id: string; impact: string }>; passes: unknown[] };
    const result = await page.evaluate(async () => (window as unknown as { axe: { run: () => Promise<Results> } }).axe.run());
    expect(result.passes.length).toBeGreaterThan(10);
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.close();
  });

  it('"This is my own site" stops the watching of that origin', async () => {
    const { page, cdp } = await open(OTHER);
    await page.click('#password');
    await page.keyboard.type(SECRET);
    await waitForOverlay(cdp);
    await clickButton(page, cdp, /This is my own site/);
    await waitFor(() => findOverlays(cdp), (o) => o.length === 0, 'the alert stayed');
    const again = await open(OTHER);
    await again.page.click('#notes');
    await again.page.keyboard.type(SECRET);
    await expectNoAlert(again.cdp);
    await page.close();
    await again.page.close();
  });
});
