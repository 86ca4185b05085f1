// Issue 11 ("No way around the warnings") in Firefox ESR (puppeteer-core over
// WebDriver BiDi), with real (trusted) input from page.keyboard / page.mouse:
// the same attack pages and assertions as chromium-attacks-credentials.test.ts.
// Each test/fixtures/pages/attack-*.html page tries to read a password around
// the credential guard, or to read or click through the warning itself; it
// records what it captured in window.__fixture.captured, which must stay
// empty. The extension's closed shadow roots are read through BiDi node
// serialization (harness/firefox-dom.ts). One browser.
//
// Whether a warning is really on screen is read from a screenshot (the
// overlay's amber header, harness/pixels.ts); a navigation to the full-page
// warning is read from location.href, since page.url() goes stale after a
// redirect to an extension page (shared/notes/e2e.md).
//
// Firefox 153 ESR paints the top layer under a `filter` on <html> (not under
// its opacity, clip-path or mask): attack-hide.html?filter fades the overlay
// to nothing, so src/content/overlay-visibility.ts treats a root filter as not
// surely on screen and the tab gets the full-page warning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { EXTENSION_ORIGIN, launchFirefox, waitForFirefoxRules, waitForLocation, type LaunchedFirefox } from '../../scripts/lib/firefox.ts';
import { startServer, type CountingServer } from './harness/server.ts';
import { authPromptRoute, fixtureRoute, fixtureUrl } from './harness/fixture-route.ts';
import { LISTED, LISTED_2, UNLISTED } from './harness/content-setup.ts';
import { clickButton, findOverlays, waitForNoOverlay, waitForOverlay } from './harness/firefox-dom.ts';
import { waitFor, type Overlay, type TreeNode } from './harness/dom-tree.ts';
import { ACCENT, countColour } from './harness/pixels.ts';

const LOOKALIKE = 'login.micros0ft.test';
/** Another look-alike: the tests above continue past the warning on LOOKALIKE for the session. */
const HIDE_HOST = 'login-microsoft-verify.com';
const SECRET = 'hunter2';
const HIDDEN_FRAMES = ['opacity', 'cover', 'hole'] as const;
/** The look-alike attack-hidden-frame.html frames: one per variant, so that no continue carries over. */
const framedHost = (hide: string) => `${hide}.outlook.com.framed.net`;
const WARNING_PAGE = `${EXTENSION_ORIGIN}/src/ui/warning/warning.html`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let server: CountingServer;
let ff: LaunchedFirefox;

beforeAll(async () => {
  let port = 0;
  server = await startServer('127.0.0.1', [authPromptRoute, fixtureRoute({ port: () => port })]);
  port = server.port;
  ff = await launchFirefox({ hosts: [LOOKALIKE, HIDE_HOST, UNLISTED, LISTED, LISTED_2, ...HIDDEN_FRAMES.map(framedHost)] });
  const page = await ff.browser.newPage();
  await waitForFirefoxRules(page, fixtureUrl(UNLISTED, port, 'links-clean.html'));
  await page.close();
});

afterAll(async () => {
  await ff?.browser.close();
  await server?.close();
});

const fixtureReady = (p: Page | Frame) =>
  p.waitForFunction(() => (window as { __fixture?: { ready?: boolean } }).__fixture?.ready === true, { timeout: 10_000 });

async function open(fixture: string, host = LOOKALIKE): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(fixtureUrl(host, server.port, fixture));
  await fixtureReady(page);
  return page;
}

type Fixture = { captured: string[]; value?: () => string };
const captured = (p: Page | Frame) => p.evaluate(() => (window as unknown as { __fixture: Fixture }).__fixture.captured);
const value = (p: Page | Frame) => p.evaluate(() => (window as unknown as { __fixture: Fixture }).__fixture.value?.() ?? '');
const passwordDisabled = (p: Page | Frame) => p.evaluate(() => (document.getElementById('password') as HTMLInputElement).disabled);

/** Control+V as a user presses it (puppeteer takes one key per press). */
async function paste(page: Page): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
}

/** Types the secret key by key, as a user would, then checks the page got none of it. */
async function typeAndExpectNothingLeaks(page: Page, target: Page | Frame = page): Promise<void> {
  await page.keyboard.type(SECRET, { delay: 20 });
  await paste(page);
  expect(await captured(target)).toEqual([]);
  expect(await value(target)).toBe('');
}

// harness/firefox-dom.ts reads a page's main frame; a cross-origin frame is
// its own BiDi browsing context, so it is handed over as a "page" whose main
// frame is that frame (the harness only calls mainFrame()).
const asPage = (frame: Frame) => ({ mainFrame: () => frame }) as unknown as Page;

type Send = (method: string, params: object) => Promise<{ result: { type: string; result: unknown } }>;
interface BidiFrame {
  browsingContext: { id: string; userContext: { browser: { session: { send: Send } } } };
}

/** A real mouse click at the centre of a node (also a disabled button, which clickButton would wait for). */
async function clickNode(page: Page, node: TreeNode): Promise<void> {
  const bc = (page.mainFrame() as unknown as BidiFrame).browsingContext;
  const session = bc.userContext.browser.session;
  const { result } = await session.send('script.callFunction', {
    functionDeclaration: '(el) => { const r = el.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }',
    arguments: [{ sharedId: node.id }],
    target: { context: bc.id },
    awaitPromise: false,
    resultOwnership: 'none',
  });
  if (result.type !== 'success') throw new Error('could not measure the node');
  const [x, y] = (result.result as { value: { value: number }[] }).value.map((c) => c.value);
  await page.mouse.click(x ?? 0, y ?? 0);
}

describe('every credential field is guarded (Firefox)', () => {
  for (const [fixture, selector] of [
    ['attack-masked-text.html', '#password'],
    ['attack-contenteditable.html', '#password'],
    ['attack-canvas-keys.html', '#pad'],
    ['attack-closed-shadow.html', '#widget'],
  ] as const) {
    it(`${fixture}: the overlay appears and no key reaches the page`, async () => {
      const page = await open(fixture);
      await page.click(selector);
      await typeAndExpectNothingLeaks(page);
      expect((await waitForOverlay(page)).text).toContain('imitating microsoft.com');
      await page.close();
    });
  }

  it('attack-history-bounce.html: "Go back" into same-document history entries leaves the page all the same; no key reaches it', async () => {
    const page = await open('attack-history-bounce.html');
    const doc = await page.evaluate(() => (window as unknown as { __fixture: { doc: number } }).__fixture.doc);
    await page.click('#pad');
    await page.keyboard.type('x');
    await waitForOverlay(page);
    await clickButton(page, /^Go back/);
    await sleep(800);
    const still = await page.evaluate(() => (window as unknown as { __fixture?: { doc: number } }).__fixture?.doc).catch(() => undefined);
    if (still === doc) {
      await page.keyboard.type(SECRET, { delay: 20 });
      expect(await captured(page)).toEqual([]);
    }
    expect(await page.evaluate(() => location.href).catch(() => '')).not.toContain('#step-');
    await page.close();
  });

  it('attack-virtual-keypad.html: a PIN entered by pointer alone brings the overlay at the first press, and no press reaches the page', async () => {
    const page = await open('attack-virtual-keypad.html');
    for (const d of '2580') {
      const box = await (await page.$(`#key-${d}`))?.boundingBox();
      if (!box) throw new Error(`key ${d} is not on screen`);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    }
    expect(await captured(page)).toEqual([]);
    expect((await waitForOverlay(page)).text).toContain('imitating microsoft.com');
    await page.close();
  });

  it('attack-cross-origin-frame.html: a clean cross-origin frame in a look-alike page is judged by the top page', async () => {
    const page = await open('attack-cross-origin-frame.html');
    const frame = page.frames().find((f) => f.url().includes('attack-frame-login.html'));
    if (!frame) throw new Error('no framed sign-in');
    await fixtureReady(frame);
    expect((await waitForOverlay(asPage(frame))).text).toContain('imitating microsoft.com');
    await frame.click('#password').catch(() => undefined); // inert under the modal: the click may land nowhere
    await typeAndExpectNothingLeaks(page, frame);
    expect(await passwordDisabled(frame)).toBe(true);
    await page.close();
  });

  for (const kind of ['data', 'blob']) {
    it(`attack-opaque-frame.html?kind=${kind}: a sign-in in a ${kind}: frame of a look-alike page gets the overlay and no key`, async () => {
      const page = await open(`attack-opaque-frame.html?kind=${kind}`);
      const frame = page.frames().find((f) => f.url().startsWith(`${kind}:`));
      if (!frame) throw new Error(`no ${kind}: frame among ${page.frames().map((f) => f.url().slice(0, 40)).join(', ')}`);
      await frame.click('#password').catch(() => undefined);
      await typeAndExpectNothingLeaks(page);
      expect((await waitForOverlay(asPage(frame))).text).toContain('imitating microsoft.com');
      await page.close();
    });
  }

  for (const variant of ['', '?scripts']) {
    it(`attack-sandboxed-frame.html${variant}: a sign-in in a sandboxed frame of a look-alike page sends nothing, by form or by script`, async () => {
      const page = await open(`attack-sandboxed-frame.html${variant}`);
      const sent: string[] = [];
      page.on('request', (r) => void (r.url().includes('/collect') && sent.push(r.url())));
      const frame = await waitFor(async () => page.frames().find((f) => f !== page.mainFrame()), Boolean, 'no sign-in frame', 5_000);
      await frame!.click('#password').catch(() => undefined);
      await page.keyboard.type(SECRET, { delay: 20 });
      await page.keyboard.press('Enter');
      await sleep(300);
      expect(sent).toEqual([]);
      expect(await captured(page)).toEqual([]);
      expect((await waitForOverlay(asPage(frame!))).text).toContain('imitating microsoft.com');
      await page.close();
    });
  }

  for (const inner of ['opaque', 'cross-origin'] as const) {
    it(`attack-nested-frame.html?inner=${inner}: a sign-in framed by a look-alike frame of a clean page is judged by that frame too`, async () => {
      const page = await open(`attack-nested-frame.html?inner=${inner}`, UNLISTED);
      const find = (test: (url: string) => boolean) => waitFor(async () => page.frames().find((f) => test(f.url())), Boolean, 'no such frame', 5_000);
      const lookalike = (await find((u) => u.includes(LOOKALIKE)))!;
      const signIn = (await find((u) => (inner === 'opaque' ? u.startsWith('data:') : u.includes('attack-frame-login.html'))))!;
      await signIn.click('#password').catch(() => undefined);
      await page.keyboard.type(SECRET, { delay: 20 });
      // The keys' reader: the data: frame posts to its look-alike parent; the unlisted frame records its own.
      const reader = inner === 'opaque' ? lookalike : signIn;
      expect(await captured(reader)).toEqual([]);
      expect(await value(reader)).toBe('');
      expect((await waitForOverlay(asPage(signIn))).text).toContain('imitating microsoft.com');
      expect(await passwordDisabled(signIn)).toBe(true);
      await page.close();
    });
  }

  for (const hide of HIDDEN_FRAMES) {
    it(`attack-hidden-frame.html?hide=${hide}: "Continue anyway" in a frame opens the full-page warning (Firefox cannot vouch that an embedder shows it)`, async () => {
      const page = await open(`attack-hidden-frame.html?hide=${hide}&via=${framedHost(hide)}`, UNLISTED);
      const signIn = await waitFor(async () => page.frames().find((f) => f.url().includes('attack-frame-login.html')), Boolean, 'no sign-in frame', 5_000);
      await fixtureReady(signIn!);
      await page.mouse.click(200, 200); // the bait's first click: a press on the look-alike frame brings up its warning
      expect((await waitForOverlay(asPage(signIn!))).text).toContain('imitating outlook.com');
      // The frame fills the viewport: its coordinates are the page's.
      await clickButton({ mainFrame: () => signIn, mouse: page.mouse } as unknown as Page, /^Continue anyway/);
      await waitForLocation(page, (u) => u.startsWith(WARNING_PAGE));
      await page.close();
    });
  }

  it('attack-svg-signin.svg: a sign-in in an SVG document (no HTML elements to build the overlay from) goes to the full-page warning', async () => {
    const page = await ff.browser.newPage();
    await page.goto(fixtureUrl(HIDE_HOST, server.port, 'attack-svg-signin.svg'));
    await waitForLocation(page, (u) => u.startsWith(WARNING_PAGE));
    await page.close();
  });

  it('attack-srcdoc-keys.html: a key reader in a srcdoc frame of a look-alike page gets no key', async () => {
    const page = await open('attack-srcdoc-keys.html');
    const frame = page.frames().find((f) => f !== page.mainFrame());
    if (!frame) throw new Error('no srcdoc frame');
    await frame.click('#pad').catch(() => undefined);
    await page.keyboard.type(SECRET, { delay: 20 });
    expect(await captured(page)).toEqual([]);
    await page.close();
  });

  it('attack-document-open.html: a page that rewrites itself with document.open() (erasing our listeners on its window) goes to the full-page warning', async () => {
    const page = await ff.browser.newPage();
    await page.goto(fixtureUrl(LOOKALIKE, server.port, 'attack-document-open.html'));
    await waitForLocation(page, (u) => u.startsWith(WARNING_PAGE));
    await page.close();
  });

  it('attack-javascript-url.html: a page that replaces its document through a javascript: URL: the new document is guarded, no key reaches it', async () => {
    const page = await open('attack-javascript-url.html', HIDE_HOST); // ready: set by the replacing document
    await page.click('#password').catch(() => undefined); // held: disabled
    await typeAndExpectNothingLeaks(page);
    expect((await waitForOverlay(page)).text).toContain('imitating microsoft.com');
    await page.close();
  });

  it('/auth-prompt: HTTP authentication on a look-alike (the browser\'s own sign-in dialog) is cancelled and the tab shows the full-page warning', async () => {
    const page = await ff.browser.newPage();
    await page.goto(`http://${HIDE_HOST}:${server.port}/auth-prompt`, { timeout: 5_000 }).catch(() => undefined);
    await waitForLocation(page, (u) => u.startsWith(WARNING_PAGE));
    await page.close();
  });

  it('attack-popup.html: a sign-in the page writes into its own about:blank popup: no key reaches the page, the popup goes to the full-page warning', async () => {
    const page = await open('attack-popup.html');
    const popupOpened = new Promise<Page | null>((resolve) => page.once('popup', resolve));
    // As the page would with user activation (a press on it brings up the warning first).
    await page.evaluate(() => (window as unknown as { __openSignIn(): void }).__openSignIn());
    const popup = await popupOpened;
    if (!popup) throw new Error('no popup');
    await popup.click('#password').catch(() => undefined);
    await popup.keyboard.type(SECRET, { delay: 20 }).catch(() => undefined);
    expect(await captured(page)).toEqual([]);
    expect(await value(page)).toBe('');
    await waitForLocation(popup, (u) => u.startsWith(WARNING_PAGE));
    await Promise.all([popup.close(), page.close()]);
  });

  it('attack-cross-origin-frame.html?tiny: a frame too small for its overlay to be read sends the tab to the full-page warning, no key leaks', async () => {
    const page = await ff.browser.newPage();
    await page.goto(fixtureUrl(LOOKALIKE, server.port, 'attack-cross-origin-frame.html?tiny'));
    const frame = page.frames().find((f) => f.url().includes('attack-frame-login.html'));
    await frame?.click('#password').catch(() => undefined);
    await page.keyboard.type(SECRET, { delay: 20 }).catch(() => undefined);
    const keys = await frame?.evaluate(() => (window as unknown as { __fixture: { captured: string[] } }).__fixture.captured).catch(() => null);
    if (keys) expect(keys).toEqual([]);
    await waitForLocation(page, (u) => u.startsWith(WARNING_PAGE));
    await page.close();
  });

  it('attack-long-url.html: a URL over 8,192 characters still gets the overlay (fails closed)', async () => {
    const page = await open('attack-long-url.html');
    expect(await page.evaluate(() => (window as unknown as { __fixture: { urlLength: number } }).__fixture.urlLength)).toBeGreaterThan(9000);
    expect((await waitForOverlay(page)).text).toContain('imitating microsoft.com');
    expect(await passwordDisabled(page)).toBe(true);
    await typeAndExpectNothingLeaks(page);
    await page.close();
  });
});

describe('the warning leaks nothing and cannot be click-jacked (Firefox)', () => {
  it('attack-overlay-keys.html: no key of a password typed before or while the overlay is up reaches the page', async () => {
    const page = await open('attack-overlay-keys.html');
    await page.click('#password');
    await page.keyboard.type('hu', { delay: 30 }); // the overlay appears mid-typing
    await waitForOverlay(page);
    await page.evaluate(() => (window as unknown as { __fixture: { mark(): void } }).__fixture.mark());
    await page.keyboard.type('nter2', { delay: 20 });
    await page.mouse.move(10, 10);
    await page.mouse.wheel({ deltaY: 100 });
    await page.mouse.click(5, 5);
    await page.keyboard.press('Tab');
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    await sleep(200);
    const seen = await captured(page);
    expect(seen.filter((c) => c.startsWith('after:'))).toEqual([]);
    expect(seen.filter((c) => /:(key|beforeinput|input|paste)/.test(c))).toEqual([]);
    expect(await value(page)).toBe('');
    expect(await findOverlays(page)).toHaveLength(1);
    const before = await page.evaluate(() => location.href);
    await page.keyboard.press('Escape'); // the overlay's own keys still work
    await waitForLocation(page, (u) => u !== '' && u !== before);
    await page.close();
  });

  it('attack-overlay-keys.html: Enter on the focused "Go back" still answers the overlay', async () => {
    const page = await open('attack-overlay-keys.html');
    await page.click('#password');
    await page.keyboard.press('a');
    await waitForOverlay(page);
    expect((await captured(page)).filter((c) => /:(key|beforeinput|input)/.test(c))).toEqual([]);
    const before = await page.evaluate(() => location.href);
    await page.keyboard.press('Enter');
    await waitForLocation(page, (u) => u !== '' && u !== before);
    await page.close();
  });

  it('attack-cursorjack.html: the page\'s offset cursor image stops at the warning (its buttons show the browser\'s own)', async () => {
    const page = await open('attack-cursorjack.html', HIDE_HOST);
    const o = await waitForOverlay(page);
    const bc = (page.mainFrame() as unknown as BidiFrame).browsingContext;
    const cursorOf = async (node: TreeNode) => {
      const { result } = await bc.userContext.browser.session.send('script.callFunction', {
        functionDeclaration: '(el) => getComputedStyle(el).cursor',
        arguments: [{ sharedId: node.id }],
        target: { context: bc.id },
        awaitPromise: false,
        resultOwnership: 'none',
      });
      return String((result.result as { value: unknown }).value);
    };
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('password')!).cursor)).toContain('url('); // the page's own elements have it
    expect(o.buttons.length).toBeGreaterThan(0);
    for (const b of o.buttons) expect(await cursorOf(b.node), b.label).not.toContain('url(');
    await page.close();
  });

  it('attack-clickjack.html: "Continue anyway" ignores a click right after the overlay opens, and works after the delay', async () => {
    const page = await open('attack-clickjack.html');
    await page.click('#bait');
    const o: Overlay = await waitForOverlay(page);
    const cont = o.buttons.find((b) => /^Continue anyway/.test(b.label));
    if (!cont) throw new Error('no Continue button');
    await clickNode(page, cont.node); // the bait's second click
    await sleep(300);
    expect(await findOverlays(page)).toHaveLength(1);
    await clickButton(page, /^Continue anyway/); // waits until the button is enabled, as a user would
    await waitForNoOverlay(page);
    const clicks = () => page.evaluate(() => (window as unknown as { __fixture: { clicks(): number } }).__fixture.clicks());
    expect(await clicks()).toBe(0); // the page had none of the clicks while the warning was up
    await page.click('#bait');
    await waitFor(clicks, (n) => n === 1, 'the page never got the click after "Continue anyway"', 5_000);
    await page.close();
  });
});

describe('the warning cannot be hidden by styling the page around it (Firefox)', () => {
  const href = (page: Page) => page.evaluate(() => location.href).catch(() => '');

  /** The overlay's amber in a screenshot, or the tab on the full-page warning: what the user sees, polled 3 s. */
  async function warningShown(page: Page): Promise<'overlay' | 'full-page' | 'none'> {
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline) {
      if ((await href(page)).startsWith(WARNING_PAGE)) return 'full-page';
      const png = await page.screenshot().then(Buffer.from, () => null);
      if (png && countColour(png, ACCENT.suspected) > 10_000) return 'overlay';
      await sleep(100);
    }
    return 'none';
  }

  const pages: [string, string][] = [
    ...['zoom', 'content-visibility', 'filter', 'transform'].map((v): [string, string] => [`attack-hide.html?${v}`, `attack-hide.html?${v}`]),
    // The page's own CSP refuses every style sheet but its own.
    ["attack-csp-styles.html with style-src 'nonce-fixture'", `attack-csp-styles.html?csp=${encodeURIComponent("style-src 'nonce-fixture'")}`],
  ];
  for (const [name, fixture] of pages) {
    it(`${name}: the overlay is really on screen, or the tab shows the full-page warning`, async () => {
      const page = await open(fixture, HIDE_HOST);
      if (fixture.includes('csp=')) expect(await page.evaluate(() => (window as unknown as { __fixture: { cspInForce: boolean } }).__fixture.cspInForce)).toBe(true);
      const shown = await warningShown(page);
      expect(shown, await href(page)).not.toBe('none');
      if (shown === 'full-page') {
        const main = () => page.evaluate(() => document.querySelector('main')?.textContent ?? '').catch(() => '');
        await waitFor(main, (t) => t.includes('microsoft.com'), 'the full-page warning does not name microsoft.com', 5_000);
      } else {
        await typeAndExpectNothingLeaks(page);
        expect((await waitForOverlay(page)).text).toContain('imitating microsoft.com');
      }
      await page.close();
    });
  }
});
