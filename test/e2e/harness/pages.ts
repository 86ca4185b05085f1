import type { Page } from 'playwright-core';

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
