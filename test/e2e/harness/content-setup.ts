// One Chromium with the extension plus the servers the content-script e2e
// files share: listed hosts on 127.0.0.2 (every request there is counted),
// everything else on 127.0.0.1, both on one port and both serving the
// fixture pages at /fixtures/<name>.
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, waitForRules, type Launched } from './chromium.ts';
import { startServer, type CountingServer } from './server.ts';
import { authPromptRoute, fixtureRoute, fixtureUrl } from './fixture-route.ts';

export const LISTED = 'bitwoll.com';
export const LISTED_2 = 'change-pw.com';
export const UNLISTED = 'safe-demo.test';
/** Look-alikes of protected domains (src/core/lookalike), with what they imitate. */
export const LOOKALIKES = {
  'login.micros0ft.test': 'microsoft.com', // confusable skeleton
  'login-microsoft-verify.com': 'microsoft.com', // embedded brand
  'outlook.com.evil.net': 'outlook.com', // embedded brand
  'outlook.com.framed.net': 'outlook.com', // embedded brand, framed hidden (attack-hidden-frame.html)
} as const;

export interface ContentEnv {
  browser: Launched;
  listed: CountingServer;
  open: CountingServer;
  port: number;
  url(host: string, fixture: string, hash?: string): string;
  /** A fresh tab with a CDP session on it. */
  newTab(): Promise<{ page: Page; cdp: CDPSession }>;
  close(): Promise<void>;
}

export async function startContentEnv(): Promise<ContentEnv> {
  let port = 0;
  const route = fixtureRoute({ port: () => port });
  const open = await startServer('127.0.0.1', [authPromptRoute, route]);
  port = open.port;
  const listed = await startServer('127.0.0.2', [route], port);
  const hosts: Record<string, string> = { [LISTED]: '127.0.0.2', [LISTED_2]: '127.0.0.2', [UNLISTED]: '127.0.0.1' };
  for (const h of Object.keys(LOOKALIKES)) hosts[h] = '127.0.0.1';
  const browser = await launchChromium({ hosts });
  await waitForRules(browser);
  return {
    browser,
    listed,
    open,
    port,
    url: (host, fixture, hash) => fixtureUrl(host, port, fixture, hash),
    async newTab() {
      const page = await browser.context.newPage();
      return { page, cdp: await browser.context.newCDPSession(page) };
    },
    async close() {
      await browser.context.close();
      await listed.close();
      await open.close();
    },
  };
}

/** Waits for the fixture's own script to finish (`window.__fixture.ready`). */
export async function fixtureReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as { __fixture?: { ready?: boolean } }).__fixture?.ready === true, null, { timeout: 10_000 });
}
