// Issue 11 in Firefox ESR: a page opened before its host was listed, as in
// chromium-listed-while-open.test.ts, and a look-alike page open before the
// domain it imitates is protected. Firefox maps test names to 127.0.0.1
// only, so one server counts requests by Host header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { EXTENSION_ORIGIN, launchFirefox, waitForFirefoxRules, waitForLocation, type LaunchedFirefox } from '../../scripts/lib/firefox.ts';
import { startServer, type CountingServer } from './harness/server.ts';
import { waitFor } from './harness/dom-tree.ts';
import { findOverlays, waitForOverlay } from './harness/firefox-dom.ts';
import { framingRoute, saveUserEntriesFirefox } from './harness/user-entries.ts';
import { UNLISTED } from './harness/content-setup.ts';

const LATER = 'listed-later.test';
const LATER_FRAME = 'framed-later.test';
/** A look-alike of PROTECTED_LATER (src/core/lookalike), which only the user's entry makes protected. */
const PROTECTED_LATER = 'northwindbank.com';
const LOOKALIKE_LATER = 'northwindbank-login.com';
const WARNING = `${EXTENSION_ORIGIN}/src/ui/warning/warning.html`;

let ff: LaunchedFirefox;
let server: CountingServer;

beforeAll(async () => {
  server = await startServer('127.0.0.1', [framingRoute(() => `http://${LATER_FRAME}:${server.port}/login`)]);
  ff = await launchFirefox({ hosts: [LATER, LATER_FRAME, UNLISTED, LOOKALIKE_LATER] });
  const page = await ff.browser.newPage();
  await waitForFirefoxRules(page, `http://${UNLISTED}:${server.port}/rules`);
  await page.close();
});

afterAll(async () => {
  await ff?.browser.close();
  await server?.close();
});

describe('a page open before its host is listed (Firefox)', () => {
  let tab: Page;
  let framingTab: Page;
  const before = { later: 0, frame: 0 };

  beforeAll(async () => {
    tab = await ff.browser.newPage();
    await tab.goto(`http://${LATER}:${server.port}/login`);
    framingTab = await ff.browser.newPage();
    await framingTab.goto(`http://${UNLISTED}:${server.port}/framing`);
    await waitFor(async () => framingTab.frames().map((f) => f.url()), (urls) => urls.some((u) => u.includes(LATER_FRAME)), 'the frame never loaded');
    before.later = server.requests(LATER);
    before.frame = server.requests(LATER_FRAME);
    await saveUserEntriesFirefox(ff.browser, `http://${UNLISTED}:${server.port}/ui`, [LATER, LATER_FRAME]);
  });

  it('its tab is sent to the full-page warning naming it', async () => {
    const url = await waitForLocation(tab, (u) => u.startsWith(WARNING));
    expect(url.endsWith(`#http://${LATER}:${server.port}/login`)).toBe(true);
  });

  it('a listed frame in an unlisted page is sent to the framed warning; the page itself stays', async () => {
    // Frame.url() stays stale after a redirect to an extension page: each frame is asked itself.
    const locations = () => Promise.all(framingTab.frames().map((f) => f.evaluate(() => location.href).catch((e: unknown) => `(${String(e)})`)));
    const hrefs = await waitFor(locations, (hs) => hs.some((h) => h.startsWith(WARNING)), 'no frame shows the warning page', 15_000).catch(locations);
    expect(hrefs.filter((h) => h.startsWith(WARNING)).map((h) => h.slice(h.indexOf('#') + 1)), `frames: ${hrefs.join(', ')}`).toEqual([
      `http://${LATER_FRAME}:${server.port}/login`,
    ]);
    expect(await framingTab.evaluate(() => location.href)).toBe(`http://${UNLISTED}:${server.port}/framing`);
  });

  it('neither host was asked for anything after the listing', () => {
    expect(server.requests(LATER)).toBe(before.later);
    expect(server.requests(LATER_FRAME)).toBe(before.frame);
  });
});

describe('a look-alike page open before its domain is protected (Firefox)', () => {
  it('gets the overlay, names the domain, and holds the password field, with no reload', async () => {
    const page = await ff.browser.newPage();
    await page.goto(`http://${LOOKALIKE_LATER}:${server.port}/login`);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await findOverlays(page)).toEqual([]); // nothing it imitates is protected yet
    const loads = server.requests(LOOKALIKE_LATER);
    await saveUserEntriesFirefox(ff.browser, `http://${UNLISTED}:${server.port}/ui`, [PROTECTED_LATER], 'protected');
    const o = await waitForOverlay(page, 15_000);
    expect(o.level).toBe('suspected');
    expect(o.text).toContain(`${LOOKALIKE_LATER} is not ${PROTECTED_LATER}`);
    expect(await page.evaluate(() => (document.querySelector('input[type=password]') as HTMLInputElement).disabled)).toBe(true);
    expect(server.requests(LOOKALIKE_LATER)).toBe(loads);
    await page.close();
  });
});
