// Issue 11 in real Chromium: a page opened before its host was listed. The
// user reads a phishing mail at 9:00 and leaves its page open; the host is
// listed at 9:05 (here: the user's own entries; an update or a policy takes
// the same path). Nothing the page does next is a navigation, so before the
// open-tabs guard it stayed up and usable (measured). Now the tab goes to
// the warning page, and a listed frame inside an unlisted page to the framed
// warning, with no further request to either host. Likewise a look-alike of
// a domain protected later (an admin or the user adds it): its open sign-in
// page gets the overlay without a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, waitForRules, waitForUrl, type Launched } from './harness/chromium.ts';
import { startServer, type CountingServer, type Route } from './harness/server.ts';
import { waitFor } from './harness/dom-tree.ts';
import { findOverlays, waitForOverlay } from './harness/overlay.ts';
import { framingRoute, saveUserEntries } from './harness/user-entries.ts';
import { UNLISTED } from './harness/content-setup.ts';

const LATER = 'listed-later.test';
const LATER_FRAME = 'framed-later.test';
/** Left for another page before the listing: Back restores it from the back/forward cache, with no request. */
const LATER_CACHED = 'cached-later.test';
/** A look-alike of PROTECTED_LATER (src/core/lookalike), which only the user's entry makes protected. */
const PROTECTED_LATER = 'northwindbank.com';
const LOOKALIKE_LATER = 'northwindbank-login.com';

let browser: Launched;
let server: CountingServer;

beforeAll(async () => {
  const linking: Route = (req, res) => {
    if (req.url !== '/links') return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>links</title><a id="l" href="http://${LOOKALIKE_LATER}:${server.port}/login">sign in</a>`);
    return true;
  };
  server = await startServer('127.0.0.1', [framingRoute(() => `http://${LATER_FRAME}:${server.port}/login`), linking]);
  browser = await launchChromium({ hosts: { [LATER]: '127.0.0.1', [LATER_FRAME]: '127.0.0.1', [LATER_CACHED]: '127.0.0.1', [UNLISTED]: '127.0.0.1', [LOOKALIKE_LATER]: '127.0.0.1' } });
  await waitForRules(browser);
});

afterAll(async () => {
  await browser?.context.close();
  await server?.close();
});

const warningPrefix = () => `chrome-extension://${browser.extensionId}/src/ui/warning/warning.html`;

describe('a page open before its host is listed (Chromium)', () => {
  let tab: Page;
  let framingTab: Page;
  let historyTab: Page;
  const before = { later: 0, frame: 0, cached: 0 };

  beforeAll(async () => {
    tab = await browser.context.newPage();
    await tab.goto(`http://${LATER}:${server.port}/login`);
    framingTab = await browser.context.newPage();
    await framingTab.goto(`http://${UNLISTED}:${server.port}/framing`);
    await waitFor(async () => framingTab.frames().map((f) => f.url()), (urls) => urls.some((u) => u.includes(LATER_FRAME)), 'the frame never loaded');
    historyTab = await browser.context.newPage();
    await historyTab.goto(`http://${LATER_CACHED}:${server.port}/login`);
    await historyTab.goto(`http://${UNLISTED}:${server.port}/elsewhere`);
    before.later = server.requests(LATER);
    before.frame = server.requests(LATER_FRAME);
    before.cached = server.requests(LATER_CACHED);
    await saveUserEntries(browser.context, browser.extensionId, [LATER, LATER_FRAME, LATER_CACHED]);
  });

  it('its tab is sent to the full-page warning naming it', async () => {
    const url = await waitForUrl(tab, (u) => u.startsWith(warningPrefix()));
    expect(url.endsWith(`#http://${LATER}:${server.port}/login`)).toBe(true);
  });

  it('a listed frame in an unlisted page is sent to the framed warning; the page itself stays', async () => {
    const framed = await waitFor(
      async () => framingTab.frames().map((f) => f.url()),
      (urls) => urls.some((u) => u.startsWith(warningPrefix()) && u.includes(LATER_FRAME)),
      'the listed frame was not sent to the warning',
      15_000,
    );
    expect(framed[0]).toBe(`http://${UNLISTED}:${server.port}/framing`);
  });

  it('Back to it (restored from the back/forward cache) lands on the warning', async () => {
    await historyTab.goBack().catch(() => undefined);
    const url = await waitForUrl(historyTab, (u) => u.startsWith(warningPrefix()));
    expect(url.endsWith(`#http://${LATER_CACHED}:${server.port}/login`)).toBe(true);
  });

  it('no listed host was asked for anything after the listing', () => {
    expect(server.requests(LATER)).toBe(before.later);
    expect(server.requests(LATER_FRAME)).toBe(before.frame);
    expect(server.requests(LATER_CACHED)).toBe(before.cached);
  });
});

describe('a look-alike page open before its domain is protected (Chromium)', () => {
  it('gets the overlay, names the domain, and holds the password field, with no reload; a link to it is marked, and unmarked once the domain is not protected', async () => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await page.goto(`http://${LOOKALIKE_LATER}:${server.port}/login`);
    const linking = await browser.context.newPage();
    await linking.goto(`http://${UNLISTED}:${server.port}/links`);
    await page.waitForTimeout(1_000);
    expect(await findOverlays(cdp)).toEqual([]); // nothing it imitates is protected yet
    expect(await linking.getAttribute('#l', 'aria-description')).toBeNull();
    const loads = server.requests(LOOKALIKE_LATER);
    await saveUserEntries(browser.context, browser.extensionId, [PROTECTED_LATER], 'protected');
    const o = await waitForOverlay(cdp, 15_000);
    expect(o.level).toBe('suspected');
    expect(o.text).toContain(`${LOOKALIKE_LATER} is not ${PROTECTED_LATER}`);
    expect(await page.evaluate(() => (document.querySelector('input[type=password]') as HTMLInputElement).disabled)).toBe(true);
    expect(server.requests(LOOKALIKE_LATER)).toBe(loads);
    await expect.poll(() => linking.getAttribute('#l', 'aria-description'), { timeout: 10_000 }).toContain(PROTECTED_LATER);
    // Unprotected again: the link's mark goes (asked again, the worker clears it), again with no reload.
    await saveUserEntries(browser.context, browser.extensionId, [], 'protected');
    await expect.poll(() => linking.getAttribute('#l', 'aria-description'), { timeout: 10_000 }).toBeNull();
    expect(await linking.evaluate(() => document.getElementById('l')!.style.getPropertyValue('outline'))).toBe('');
    await page.close();
    await linking.close();
  });
});
