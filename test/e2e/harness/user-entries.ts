// The user's own blocked entries (or another of the options page's lists:
// `protected` domains), saved on the options page as a user would, in
// Chromium and in Firefox (which opens extension pages by way of a web page).
import type { BrowserContext } from 'playwright-core';
import type { Browser } from 'puppeteer-core';
import { openExtensionPage } from '../../../scripts/lib/firefox.ts';
import { waitFor } from './dom-tree.ts';
import type { Route } from './server.ts';

/** Chromium: typed into the options page and saved; resolves once it says so. */
export async function saveUserEntries(context: BrowserContext, extensionId: string, entries: readonly string[], list = 'blocked'): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/ui/options/options.html`);
  await options.getByTestId(`input-${list}`).fill(entries.join('\n'));
  await options.getByTestId('save').click();
  await waitFor(() => options.getByTestId('save-result').innerText(), (t) => /Saved/.test(t), 'the entries were not saved');
  await options.close();
}

/** Firefox: the same, the options page opened from the web page at `fromUrl`. */
export async function saveUserEntriesFirefox(browser: Browser, fromUrl: string, entries: readonly string[], list = 'blocked'): Promise<void> {
  const options = await browser.newPage();
  await options.goto(fromUrl);
  await openExtensionPage(options, 'options/options.html');
  const input = `[data-testid="input-${list}"]`;
  await options.waitForSelector(input);
  await options.click(input);
  await options.type(input, entries.join('\n'));
  await options.click('[data-testid="save"]');
  const saved = () => options.evaluate(() => document.querySelector('[data-testid="save-result"]')?.textContent ?? '');
  await waitFor(saved, (t) => /Saved/.test(t), 'the entries were not saved', 15_000);
  await options.close();
}

/** A page at /framing that frames `frameUrl()` (an unlisted page holding a frame that gets listed). */
export const framingRoute = (frameUrl: () => string): Route => (req, res) => {
  if (req.url !== '/framing') return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><title>framing</title><iframe id="f" src="${frameUrl()}"></iframe>`);
  return true;
};
