// Issue 11 part 3 in Firefox ESR (puppeteer-core over WebDriver BiDi): the
// essential cases of chromium-warning-page.test.ts. (A) The warning page is
// web-accessible, so a page can send a tab there with any URL after '#': a
// look-alike there must get the look-alike verdict, never "you can open it".
// (B) A security phrase set in the options shows on that warning page and in
// the overlay of a look-alike login page, where the page cannot read it.
//
// Differences from the Chromium test, and why:
// - Firefox has no use_dynamic_url here, so a web page's own navigation to the
//   warning page succeeds (Chromium refuses it with chrome-error:, then the test
//   opens the page directly); page.goto('moz-extension://...') is refused, so
//   the link is followed from script as a web page would (shared/notes/e2e.md).
// - No toolbar badge or axe checks: no worker target, and BiDi exposes no
//   accessibility tree.
// - The overlay draws the phrase as CSS generated content from a <style> inside
//   its closed shadow root (src/content/shielded-dialog.ts); the test reads the
//   rendered ::after content through a BiDi node handle, which no page script has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { openExtensionPage, EXTENSION_ORIGIN, navigate, waitForLocation, type LaunchedFirefox } from '../../scripts/lib/firefox.ts';
import type { CountingServer } from './harness/server.ts';
import { startFirefoxContentEnv, type FirefoxContentEnv } from './harness/firefox-content-setup.ts';
import { LOOKALIKES, UNLISTED } from './harness/content-setup.ts';
import { serializeDocument, waitForOverlay } from './harness/firefox-dom.ts';
import { waitFor, walk, type TreeNode } from './harness/dom-tree.ts';

const LOOKALIKE = 'login.micros0ft.test';
const IMITATED = LOOKALIKES[LOOKALIKE];
/** Markup in the phrase must come out as text. */
const PHRASE = 'Blue <b>otter</b> & 42';
/** A look-alike in a frame of attack-hidden-frame.html. */
const FRAMED = 'phrase.outlook.com.framed.net';
const UI = `${EXTENSION_ORIGIN}/src/ui`;
const warningPage = (url: string) => `${UI}/warning/warning.html#${url}`;

let server: CountingServer;
let ff: LaunchedFirefox;
let env: FirefoxContentEnv;
const url = (host: string, fixture: string, hash = '') => env.url(host, fixture, hash);

beforeAll(async () => {
  env = await startFirefoxContentEnv([LOOKALIKE, UNLISTED, FRAMED]);
  ({ ff, server } = env);
});

afterAll(async () => {
  await env?.close();
});

/** The warning page with `url` after '#', reached as an attacker's link would send a tab there. */
async function linkedWarning(target: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(url(UNLISTED, 'links-clean.html'));
  await navigate(page, warningPage(target));
  await waitForLocation(page, (u) => u === warningPage(target));
  return page;
}

/** The warning page's text once it has its verdict (no longer "Checking…"). */
async function settledWarning(page: Page): Promise<string> {
  return waitFor(
    () => page.evaluate(() => (document.querySelector('main:not([aria-busy])') as HTMLElement | null)?.innerText ?? null),
    (t) => t !== null,
    'the warning page never settled',
  ) as Promise<string>;
}

const byTestId = (page: Page, id: string) =>
  page.evaluate((i) => (document.querySelector(`[data-testid="${i}"]`) as HTMLElement | null)?.innerText ?? null, id);

/** Shows an extension page in a new tab, by way of the web-accessible warning page (as firefox-ui.test.ts does). */
async function openUi(path: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(url(UNLISTED, 'links-clean.html'));
  await openExtensionPage(page, path);
  return page;
}

type Send = (method: string, params: object) => Promise<{ result: { type: string; result: unknown } }>;
interface BidiFrame {
  browsingContext: { id: string; userContext: { browser: { session: { send: Send } } } };
}

/** What is rendered as `::after` of a node (one in a closed shadow root too), read through its BiDi handle. */
const afterContent = (page: Page, node: TreeNode) => computed(page, node, "(el) => getComputedStyle(el, '::after').content");

/** `read(node)` in the node's own frame (one in a closed shadow root too), through its BiDi handle. */
async function computed(page: Page, node: TreeNode, read: string): Promise<string> {
  const bc = (page.mainFrame() as unknown as BidiFrame).browsingContext;
  const { result } = await bc.userContext.browser.session.send('script.callFunction', {
    functionDeclaration: read,
    arguments: [{ sharedId: node.id }],
    target: { context: bc.id },
    awaitPromise: false,
    resultOwnership: 'none',
  });
  if (result.type !== 'success') throw new Error('could not read the node');
  return String((result.result as { value: unknown }).value);
}

/** The overlay's phrase node, once the worker has answered. */
async function phraseNode(page: Page): Promise<TreeNode | null> {
  const doc = await serializeDocument(page);
  for (const { node, closed } of walk(doc)) if (closed && node.nodeName === 'STRONG' && node.attributes.class === 'phrase-text') return node;
  return null;
}

/** The overlay's rendered phrase ('' until the worker has answered). */
async function overlayPhrase(page: Page): Promise<string> {
  const node = await phraseNode(page);
  return node ? afterContent(page, node) : '';
}

describe('warning page with a look-alike in its hash (Firefox)', () => {
  it('shows the look-alike verdict naming the imitated domain, never "not on any list, you can open it"', async () => {
    const page = await linkedWarning(`http://${LOOKALIKE}/`);
    const text = await settledWarning(page);
    expect(text).not.toMatch(/not on any list|You can open it/i);
    const buttons = await page.evaluate(() => [...document.querySelectorAll('button')].map((b) => b.textContent ?? ''));
    expect(buttons).not.toContain('Open the site');
    expect(await page.evaluate(() => document.querySelector('h1')?.textContent ?? '')).toContain(IMITATED);
    expect(text).toContain(`${LOOKALIKE} is not ${IMITATED}`);
    await waitFor(
      () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null),
      (id) => id === 'go-back',
      '"Go back" never got the focus',
    );
    expect(server.requests(LOOKALIKE)).toBe(0);
    await page.close();
  });
});

describe('security phrase (Firefox)', () => {
  it('is set in the options and trimmed', async () => {
    const options = await openUi('options/options.html');
    await options.waitForSelector('[data-testid="phrase-input"]');
    await options.type('[data-testid="phrase-input"]', `   ${PHRASE}  `);
    await options.click('[data-testid="phrase-save"]');
    expect(await waitFor(() => byTestId(options, 'phrase-result'), (t) => /Saved/.test(t ?? ''), 'the phrase was not saved')).toMatch(/Saved/);
    expect(await options.evaluate(() => (document.querySelector('[data-testid="phrase-input"]') as HTMLInputElement).value)).toBe(PHRASE);
    await options.close();
  });

  it('is shown, as text, on the warning page of a look-alike', async () => {
    const page = await linkedWarning(`http://${LOOKALIKE}/`);
    await settledWarning(page);
    const shown = await waitFor(() => byTestId(page, 'security-phrase'), (t) => t?.includes(PHRASE) === true, 'the warning page shows no phrase');
    expect(shown).toContain(PHRASE);
    expect(await page.evaluate(() => document.querySelectorAll('main b').length)).toBe(0);
    await page.close();
  });

  it('is never shown in the overlay of a frame (Firefox cannot vouch that the page embedding it does not cover it: attack-hidden-frame.html?hide=hole)', async () => {
    const page = await ff.browser.newPage();
    await page.goto(url(UNLISTED, `attack-hidden-frame.html?hide=hole&via=${FRAMED}`));
    const signIn = await waitFor(async () => page.frames().find((f) => f.url().includes('attack-frame-login.html')), Boolean, 'no sign-in frame', 5_000);
    await signIn!.waitForFunction(() => (window as { __fixture?: { ready?: boolean } }).__fixture?.ready === true, { timeout: 10_000 });
    await page.mouse.click(100, 100); // through the cover, beside the hole: a press on the look-alike frame brings up its warning
    const frame = { mainFrame: () => signIn } as unknown as Page;
    expect((await waitForOverlay(frame)).text).toContain('imitating outlook.com');
    const node = (await waitFor(() => phraseNode(frame), Boolean, 'the worker never answered with the phrase'))!;
    expect(await afterContent(frame, node)).toContain('otter'); // it is there, and hidden
    expect(await computed(frame, node, '(el) => getComputedStyle(el).visibility')).toBe('hidden');
    await page.close();
  });

  it('is shown in the overlay on a look-alike login page, and the page cannot read it', async () => {
    const page = await ff.browser.newPage();
    await page.goto(url(LOOKALIKE, 'login-basic.html'));
    await page.waitForFunction(() => (window as { __fixture?: { ready?: boolean } }).__fixture?.ready === true, { timeout: 10_000 });
    expect((await waitForOverlay(page)).text).toContain(`may be imitating ${IMITATED}`);
    const rendered = await waitFor(() => overlayPhrase(page), (c) => c.includes(PHRASE), 'the overlay shows no phrase');
    expect(rendered).toContain(PHRASE);
    // What the page's own script can reach: text, markup, attributes, a select-all.
    const seen = await page.evaluate(() => {
      const attrs = [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.value));
      document.execCommand('selectAll');
      const selected = String(getSelection());
      return [document.body.innerText, document.body.outerHTML, document.documentElement.innerText, document.documentElement.outerHTML,
        document.documentElement.textContent ?? '', selected, ...attrs].join('\n');
    });
    expect(seen).toContain('Sign in to your account'); // the read itself works
    expect(seen).not.toContain('otter');
    expect(seen).not.toContain('Blue');
    await page.close();
  });
});
