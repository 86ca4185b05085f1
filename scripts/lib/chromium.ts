// Launches Debian's Chromium with the built extension (playwright-core, no
// downloaded browser), for npm start and the e2e tests. A missing browser
// throws: tests fail, never skip.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROME_DIST = resolve('dist/chrome');

export interface Launched {
  context: BrowserContext;
  profileDir: string;
  extensionId: string;
  worker: () => Promise<Worker>;
}

export interface LaunchOptions {
  profileDir?: string;
  /** host -> loopback address, e.g. { 'bitwoll.com': '127.0.0.2' } (subdomains included). */
  hosts: Record<string, string>;
  headless?: boolean;
  /** false: the same browser without the extension (benchmark baseline). */
  withExtension?: boolean;
  /** Another unpacked extension instead of dist/chrome (a benchmark peer). */
  extensionDir?: string;
  /** More command-line switches. */
  args?: string[];
}

export function resolverRules(hosts: Record<string, string>): string {
  return Object.entries(hosts)
    .flatMap(([h, ip]) => [`MAP ${h} ${ip}`, `MAP *.${h} ${ip}`])
    .join(', ');
}

export async function launchChromium(opts: LaunchOptions): Promise<Launched> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  const withExtension = opts.withExtension ?? true;
  const dir = opts.extensionDir ?? CHROME_DIST;
  if (withExtension && !existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir}/manifest.json missing: run npm run build first`);
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'tg-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    timeout: 30_000,
    args: [
      ...(withExtension ? [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`] : []),
      `--host-resolver-rules=${resolverRules(opts.hosts)}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(opts.args ?? []),
    ],
  });
  const worker = async () =>
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = withExtension ? new URL((await worker()).url()).host : '';
  return { context, profileDir, extensionId, worker };
}

/** Waits until the worker has installed its redirect rules (first run seeds the lists). */
export async function waitForRules(l: Launched): Promise<number> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const sw = await l.worker();
    const n = await sw.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).length).catch(() => 0);
    if (n > 0) return n;
    if (Date.now() > deadline) throw new Error('redirect rules never installed');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops the extension's service worker through CDP, as Chrome does after 30 s idle. */
export async function stopServiceWorkers(l: Launched): Promise<void> {
  const page = await l.context.newPage();
  const cdp = await l.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.close();
}

/** Navigates and tolerates the abort Playwright reports when the extension redirects. */
export async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 15_000 }).catch((e: Error) => {
    if (!/ERR_ABORTED|ERR_BLOCKED|interrupted|frame was detached/i.test(e.message)) throw e;
  });
}

/** Polls until the page's URL satisfies `ok`. */
export async function waitForUrl(page: Page, ok: (url: string) => boolean, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!ok(page.url())) {
    if (Date.now() > deadline) throw new Error(`still at ${page.url()}`);
    await page.waitForTimeout(50);
  }
  return page.url();
}
