// Issue 5's hostile pages in real Chromium: each tries to hide, cover,
// restyle, remove or fake the extension's warning (test/fixtures/pages/
// hostile-*.html say how). For every page that shows the credential warning:
// after the attack has run for a while the extension's dialog is open in its
// closed root, it is what the page itself sees at the viewport centre
// (elementFromPoint), the screenshot shows its amber header, the password
// field is held, and a real click on "Go back" still works. One browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { fixtureReady, LISTED, startContentEnv, UNLISTED, type ContentEnv } from './harness/content-setup.ts';
import {
  accessibleDescription,
  badgeBefore,
  clickButton,
  closedRootHosts,
  findOverlays,
  hitAtCentre,
  waitForOverlay,
  type Overlay,
} from './harness/overlay.ts';
import { waitForUrl } from './harness/pages.ts';
import { ACCENT, countColour } from './harness/pixels.ts';

const LOOKALIKE = 'login.micros0ft.test';
/** How long each attack runs before the checks (its timers fire every 50-200 ms). */
const ATTACK_MS = 1_200;
/** The dialog's header alone is about 540 x 70 px. */
const MIN_ACCENT_PIXELS = 10_000;

let env: ContentEnv;

beforeAll(async () => {
  env = await startContentEnv();
});

afterAll(async () => {
  await env?.close();
});

async function open(host: string, fixture: string, hash = ''): Promise<{ page: Page; cdp: CDPSession }> {
  const t = await env.newTab();
  await t.page.goto(env.url(host, fixture, hash));
  return t;
}

/** The checks every page with a credential warning must pass, attack or not. */
async function expectWarningHolds(page: Page, cdp: CDPSession): Promise<Overlay> {
  await waitForOverlay(cdp);
  await page.waitForTimeout(ATTACK_MS);
  const overlays = await findOverlays(cdp);
  expect(overlays).toHaveLength(1);
  const o = overlays[0] as Overlay;
  expect(o.open).toBe(true);
  expect(o.level).toBe('suspected');
  expect(o.text).toContain('imitating microsoft.com');
  expect((await hitAtCentre(cdp)).id).toBe(o.pageHost.id);
  await expectWarningOnScreen(page);
  expect(await page.evaluate(() => (document.getElementById('password') as HTMLInputElement).disabled)).toBe(true);
  return o;
}

/**
 * The screenshot shows the warning's amber header. Polled for up to 2 s: a
 * page attacking every 50-200 ms can win a single frame before the keeper's
 * next task answers (one CI run in many caught one), but must not keep the
 * warning off screen. What was on top is logged when a frame is lost.
 */
async function expectWarningOnScreen(page: Page): Promise<void> {
  const amber = async () => countColour(await page.screenshot(), ACCENT.suspected);
  if ((await amber()) > MIN_ACCENT_PIXELS) return;
  const topLayer = await page.evaluate(() => ({
    modalOrPopover: [...document.querySelectorAll('dialog:modal, :popover-open')].map((e) => e.id || e.localName),
    fullscreen: document.fullscreenElement?.localName ?? null,
  }));
  console.log(`${page.url()}: a screenshot without the warning; page top layer then: ${JSON.stringify(topLayer)}`);
  await expect.poll(amber, { timeout: 2_000, interval: 100 }).toBeGreaterThan(MIN_ACCENT_PIXELS);
}

/**
 * The mark on #listed as the page's DOM has it. (Behind the modal warning
 * the page is inert, so the accessibility tree has no description for it.)
 */
async function linkMark(page: Page): Promise<{ description: string | null; outline: string }> {
  return page.evaluate(() => {
    const a = document.getElementById('listed') as Element;
    return { description: a.getAttribute('aria-description'), outline: getComputedStyle(a).outlineStyle };
  });
}

/** A real click on "Go back" reaches the dialog: the page is left. */
async function expectGoBackWorks(page: Page, cdp: CDPSession): Promise<void> {
  const before = page.url();
  await clickButton(page, cdp, /^Go back/);
  await waitForUrl(page, (u) => u !== before);
  await page.close();
}

describe('the credential warning survives hostile pages (Chromium)', () => {
  for (const fixture of ['hostile-cover.html', 'hostile-css-display-none.html', 'hostile-top-layer.html']) {
    it(fixture, async () => {
      const { page, cdp } = await open(LOOKALIKE, fixture);
      await expectWarningHolds(page, cdp);
      await expectGoBackWorks(page, cdp);
    });
  }

  it('hostile-css-all-unset.html: the warning and the link badge keep their size', async () => {
    const { page, cdp } = await open(LOOKALIKE, 'hostile-css-all-unset.html');
    await expectWarningHolds(page, cdp);
    const badge = await badgeBefore(cdp, 'listed');
    if (!badge) throw new Error('no badge before #listed');
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: badge.id as number });
    expect(model.width * model.height).toBeGreaterThan(100); // 16 x 16 px icon plus margins
    expect(await linkMark(page)).toEqual({ description: expect.stringContaining(LISTED), outline: 'solid' });
    await expectGoBackWorks(page, cdp);
  });

  it('hostile-remove-host.html: the warning comes back, moved into a closed root on <body>; link marks stay', async () => {
    const { page, cdp } = await open(LOOKALIKE, 'hostile-remove-host.html');
    const o = await expectWarningHolds(page, cdp);
    expect(o.pageHost.nodeName).toBe('BODY');
    expect(await page.evaluate(() => (window as unknown as { __fixture: { removed: number } }).__fixture.removed)).toBeGreaterThan(0);
    expect(await linkMark(page)).toEqual({ description: expect.stringContaining(LISTED), outline: 'solid' });
    await expectGoBackWorks(page, cdp);
  });

  // One clean-clone CI run in about six hung here for 60 s (no assertion failed; not reproduced in
  // ten runs, also under CPU load): one retry until the cause is found (issue 11 note).
  it('hostile-prototypes.html: replaced DOM prototypes do not reach the extension', { retry: 1 }, async () => {
    const { page, cdp } = await open(LOOKALIKE, 'hostile-prototypes.html');
    await expectWarningHolds(page, cdp); // findOverlays only counts dialogs inside a closed root
    const seen = await page.evaluate(() => (window as unknown as { __fixture: { openedRoots: string[]; capturedListeners: string[] } }).__fixture);
    expect(seen.openedRoots).toEqual(['DIV']); // the page's own #probe only
    expect(seen.capturedListeners).toEqual(['DOMContentLoaded']); // the page's own listener only
    expect(await linkMark(page)).toEqual({ description: expect.stringContaining(LISTED), outline: 'solid' });
    await expectGoBackWorks(page, cdp);
  });

  it('hostile-fake-messages.html on a look-alike: fake "proceed" messages and Escape events do not dismiss the warning', async () => {
    const { page, cdp } = await open(LOOKALIKE, 'hostile-fake-messages.html', `#ext=${env.browser.extensionId}`);
    await expectWarningHolds(page, cdp);
    await page.waitForTimeout(ATTACK_MS); // past the page's 1 s mark, when it adds synthetic link clicks
    expect(await findOverlays(cdp)).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { __fixture: { sent: number } }).__fixture.sent)).toBeGreaterThan(10);
    await expectGoBackWorks(page, cdp);
  });
});

describe('no fake warning, no stripped marks (Chromium)', () => {
  it('hostile-fake-messages.html on an unlisted host: no warning appears, nothing navigates, only the listed link is marked', async () => {
    const { page, cdp } = await open(UNLISTED, 'hostile-fake-messages.html', `#ext=${env.browser.extensionId}`);
    await fixtureReady(page);
    const url = page.url();
    const tabs = env.browser.context.pages().length;
    await page.waitForTimeout(2 * ATTACK_MS); // includes the synthetic clicks on the listed link after 1 s
    expect(await findOverlays(cdp)).toEqual([]);
    expect(page.url()).toBe(url);
    expect(env.browser.context.pages()).toHaveLength(tabs);
    expect(await accessibleDescription(cdp, 'own-link')).toBe('');
    expect(await accessibleDescription(cdp, 'listed')).toContain(LISTED);
    const badge = await badgeBefore(cdp, 'listed');
    expect((await closedRootHosts(cdp)).map((n) => n.id)).toEqual([badge?.id]);
    expect(env.listed.requests(LISTED)).toBe(0);
    await page.close();
  });

  it('hostile-strip-marks.html: outline, badge and description come back; the safe link stays unmarked', async () => {
    const { page, cdp } = await open(UNLISTED, 'hostile-strip-marks.html');
    await page.waitForFunction(() => ((window as unknown as { __fixture?: { strips: number } }).__fixture?.strips ?? 0) >= 5);
    // The page strips every 100 ms and the repair follows within a frame: sample until one moment shows every mark.
    const marked = async () =>
      (await accessibleDescription(cdp, 'listed')).includes(LISTED) &&
      (await page.evaluate(() => getComputedStyle(document.getElementById('listed') as Element).outlineStyle)) === 'solid' &&
      (await badgeBefore(cdp, 'listed')) !== null;
    await expect.poll(marked, { timeout: 1_000, interval: 50 }).toBe(true);
    expect(await accessibleDescription(cdp, 'safe')).toBe('');
    expect(await badgeBefore(cdp, 'safe')).toBeNull();
    await page.close();
  });
});
