// Issue 7's popup and options in Firefox ESR. Extension pages that are not
// web-accessible cannot be reached from a web page, so the test first opens
// the (web-accessible) warning page and navigates from there, inside the
// extension's own origin.
// axe, keyboard and RTL checks run in Chromium only (chromium-ui.test.ts):
// WebDriver BiDi has no accessibility tree to read names from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { openExtensionPage, EXTENSION_ORIGIN, launchFirefox, navigate, waitForFirefoxRules, waitForLocation, type LaunchedFirefox } from '../../scripts/lib/firefox.ts';
import { startServer, type CountingServer } from '../../scripts/lib/demo-server.ts';

const USER_BLOCKED = 'user-blocked.test';
const START = 'start.test';

let server: CountingServer;
let ff: LaunchedFirefox;
let page: Page;
const url = (host: string, path = '/') => `http://${host}:${server.port}${path}`;

/** Shows an extension page in `page`, by way of the web-accessible warning page. */
async function openUi(path: string): Promise<Page> {
  await page.goto(url(START, '/ui'));
  await openExtensionPage(page, path);
  return page;
}

const text = (p: Page, testId: string) =>
  p.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '', testId);

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  server = await startServer('127.0.0.1');
  ff = await launchFirefox({ hosts: [USER_BLOCKED, START] });
  page = await ff.browser.newPage();
  await waitForFirefoxRules(page, url(START, '/rules')); // leaves `page` on the warning page
}, 60_000);

afterAll(async () => {
  await ff?.browser.close();
  await server?.close();
});

describe('popup and options (Firefox)', () => {
  it('the popup lists the court lists and checks an address typed by hand', async () => {
    const popup = await openUi('popup/popup.html');
    expect(await until(() => popup.evaluate(() => document.body.innerText), (t) => t.includes('Thallium'))).toContain('Thallium');
    await popup.type('[data-testid="check-input"]', 'login.bitwoll.com/x');
    await popup.keyboard.press('Enter');
    const verdict = await until(
      () => popup.evaluate(() => document.querySelector('[data-testid="check-verdict"]')?.getAttribute('data-verdict') ?? null),
      (v) => v !== null,
    );
    expect(verdict).toBe('blocked');
    expect(await text(popup, 'check-verdict')).toContain('Eastern District of Virginia');
  });

  it('options save the user\'s blocked entries with line errors, and the host is then blocked', async () => {
    const options = await openUi('options/options.html');
    await options.waitForSelector('[data-testid="input-blocked"]');
    await options.type('[data-testid="input-blocked"]', `${USER_BLOCKED}\nnot a valid entry\n`);
    await options.click('[data-testid="save"]');
    expect(await until(() => text(options, 'save-result'), (t) => /Saved/.test(t))).toMatch(/Saved/);
    expect(await text(options, 'errors-blocked')).toMatch(/^blocked:2: /);
    const target = url(USER_BLOCKED, '/mine');
    await page.goto(url(START, '/from'));
    await navigate(page, target);
    await waitForLocation(page, (u) => u === `${EXTENSION_ORIGIN}/src/ui/warning/warning.html#${target}`);
    expect(server.requests(USER_BLOCKED)).toBe(0);
    // The user's own entry is not presented as the organisation's.
    const body = await until(() => page.evaluate(() => document.body.innerText), (t) => t.includes('Your own blocked entries'));
    expect(body).toContain('You added this site to your own list of blocked sites.');
    expect(body).not.toContain('Your organisation has blocked');
  });

  it('says when access to websites is withheld (Firefox lets users withdraw it)', async () => {
    const popup = await openUi('popup/popup.html');
    expect(await popup.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.contains({ origins: ['<all_urls>'] }))).toBe(true);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="host-access"]'))).toBeNull();
    await popup.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.remove({ origins: ['<all_urls>'] }));
    // The notice appears without a reload (permissions.onRemoved).
    const notice = await until(() => text(popup, 'host-access'), (t) => t.length > 0);
    expect(notice).toContain("Protection is off: no access to websites");
    expect(await popup.evaluate(() => document.querySelector('[data-testid="host-access"] button')?.textContent ?? '')).not.toBe('');
  });
});
