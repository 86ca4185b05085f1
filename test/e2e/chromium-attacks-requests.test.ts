// Issue 11, part 1, in real Chromium: an unlisted page sends credentials to
// listed places by every route that is not a top-level navigation
// (test/fixtures/pages/attack-requests.html). Every connection to a listed
// host or IP is counted at its server; none may arrive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import type { Page } from 'playwright-core';
import { launchChromium, waitForRules, type Launched } from './harness/chromium.ts';
import { startServer, type CountingServer, type Route } from './harness/server.ts';
import { fixtureRoute, fixtureUrl } from './harness/fixture-route.ts';
import { waitForUrl } from './harness/pages.ts';
import { waitFor } from './harness/dom-tree.ts';
import { LISTED, LISTED_2, UNLISTED } from './harness/content-setup.ts';

const PATHS = 'paths.test';
const LISTED_IP = '127.0.0.4';
const USER_ENTRIES = [`${PATHS}/phish/`, LISTED_IP];
const SETTLE_MS = 1500;

let browser: Launched;
let open: CountingServer;
let listed: CountingServer;
let paths: CountingServer;
let ip: CountingServer;
const seen = new Map<string, string[]>();
const recorder = (name: string): Route => (req: IncomingMessage) => {
  seen.set(name, [...(seen.get(name) ?? []), req.url ?? '']);
  return false;
};

beforeAll(async () => {
  let port = 0;
  const route = fixtureRoute({ port: () => port });
  open = await startServer('127.0.0.1', [recorder('open'), route]);
  port = open.port;
  listed = await startServer('127.0.0.2', [recorder('listed'), route], port);
  paths = await startServer('127.0.0.3', [recorder('paths'), route], port);
  ip = await startServer(LISTED_IP, [recorder('ip'), route], port);
  browser = await launchChromium({ hosts: { [LISTED]: '127.0.0.2', [LISTED_2]: '127.0.0.2', [UNLISTED]: '127.0.0.1', [PATHS]: '127.0.0.3' } });
  await waitForRules(browser);
  await addUserEntries(USER_ENTRIES);
});

afterAll(async () => {
  await browser?.context.close();
  await Promise.all([open, listed, paths, ip].map((s) => s?.close()));
});

/** Through the options page, as a user would; then waits until the rules carry them. */
async function addUserEntries(entries: string[]): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/src/ui/options/options.html`);
  await options.getByTestId('input-blocked').fill(entries.join('\n'));
  await options.getByTestId('save').click();
  await waitFor(() => options.getByTestId('save-result').innerText(), (t) => /Saved/.test(t), 'the entries were not saved');
  await options.close();
  const sw = await browser.worker();
  const rules = () => sw.evaluate(async () => JSON.stringify(await chrome.declarativeNetRequest.getDynamicRules()));
  await waitFor(rules, (r) => r.includes('phish') && r.includes('::ffff:7f00:4'), 'the rules never carried the user entries', 15_000);
}

const warningPrefix = () => `chrome-extension://${browser.extensionId}/src/ui/warning/warning.html`;

describe('no request of any kind reaches a listed entry (Chromium)', () => {
  let page: Page;
  const listedBefore = { connections: 0 };

  beforeAll(async () => {
    listedBefore.connections = listed.connections();
    page = await browser.context.newPage();
    await page.goto(fixtureUrl('localhost', open.port, 'attack-requests.html')); // a secure context: service workers allowed
    await page.waitForFunction(() => (window as { __fixture?: { ready?: boolean } }).__fixture?.ready === true);
    await page.waitForTimeout(SETTLE_MS);
  });

  it('the page really tried every route, and its control requests arrived', async () => {
    const tried = await page.evaluate(() => (window as unknown as { __fixture: { tried: string[] } }).__fixture.tried);
    expect(tried).toHaveLength(19);
    expect(seen.get('open')).toContain('/control');
    expect(seen.get('paths')).toContain('/ok');
  });

  it('fetch, XHR, beacon, WebSocket, image, prefetch, preload, frames and the page\'s service worker: no connection to the listed host', () => {
    expect(seen.get('listed') ?? []).toEqual([]);
    expect(listed.connections()).toBe(listedBefore.connections);
  });

  it('a path entry, also percent-encoded or with a doubled slash: nothing under it arrives', () => {
    expect((seen.get('paths') ?? []).filter((u) => !u.startsWith('/ok') && !u.startsWith('/fixtures/'))).toEqual([]);
  });

  it('an IP entry through IPv4-mapped, NAT64 and decimal literals: no connection', () => {
    expect(ip.connections()).toBe(0);
  });

  it('a listed frame shows the framed warning instead', async () => {
    const frame = page.frames().find((f) => f.url().startsWith(warningPrefix()));
    expect(frame?.url()).toContain(`${LISTED}:${open.port}/fixtures/login-basic.html`);
  });

  it('a listed top-level page still gets the full-page warning (the rules added for frames keep the redirect)', async () => {
    const p = await browser.context.newPage();
    await p.goto(`http://${PATHS}:${open.port}/phish/login`).catch(() => undefined);
    await waitForUrl(p, (u) => u.startsWith(warningPrefix()));
    await p.close();
    expect((seen.get('paths') ?? []).filter((u) => u.startsWith('/phish'))).toEqual([]);
  });
});
