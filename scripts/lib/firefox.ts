// Launches Debian's Firefox ESR over WebDriver BiDi (puppeteer-core 24) with
// the built extension side-loaded into the profile, as an enterprise install
// would be: unlike a temporary add-on it survives a browser restart. A missing
// browser throws: tests fail, never skip.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dirEntries, writeZip } from './zip.ts';
import { GECKO_ID } from './extension-ids.ts';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_DIST = resolve('dist/firefox');
/** Fixed so tests know the moz-extension:// origin in advance. */
export const FIXED_UUID = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
export const EXTENSION_ORIGIN = `moz-extension://${FIXED_UUID}`;
/**
 * The web-accessible warning page with no address after '#': it stays put
 * (an unlisted address would open at once), so a test steps from it to the
 * extension pages a web page may not open.
 */
export const EXTENSION_ENTRY = `${EXTENSION_ORIGIN}/src/ui/warning/warning.html#`;

export interface LaunchedFirefox {
  browser: Browser;
  profileDir: string;
}

export interface FirefoxOptions {
  /** Exact names resolved to 127.0.0.1 (Firefox takes no wildcards here). */
  hosts: string[];
  profileDir?: string;
  /** false: the same browser without the add-on (benchmark baseline). */
  withExtension?: boolean;
}

export async function launchFirefox(opts: FirefoxOptions): Promise<LaunchedFirefox> {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: apt-get install -y firefox-esr`);
  if (!existsSync(join(FIREFOX_DIST, 'manifest.json'))) throw new Error('dist/firefox missing: run npm run build first');
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'tg-firefox-'));
  mkdirSync(join(profileDir, 'extensions'), { recursive: true });
  if (opts.withExtension !== false) await writeZip(join(profileDir, 'extensions', `${GECKO_ID}.xpi`), dirEntries(FIREFOX_DIST));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    userDataDir: profileDir,
    timeout: 30_000,
    extraPrefsFirefox: {
      // ESR accepts an unsigned side-loaded add-on with these (release builds do not).
      'xpinstall.signatures.required': false,
      'extensions.autoDisableScopes': 0,
      'extensions.enabledScopes': 15,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIXED_UUID }),
      'network.dns.localDomains': opts.hosts.join(','),
    },
  });
  return { browser, profileDir };
}

/**
 * Navigates from script and does not wait: a navigation that ends on an
 * extension page never resolves page.goto in Firefox (shared/notes/e2e.md).
 */
export async function navigate(page: Page, url: string): Promise<void> {
  await page.evaluate((u) => {
    location.href = u;
  }, url);
}

/**
 * Shows the extension page at `src/ui/<path>` in `page` (at a web page now),
 * by way of EXTENSION_ENTRY: a web page may not open it directly.
 */
export async function openExtensionPage(page: Page, path: string): Promise<string> {
  await navigate(page, EXTENSION_ENTRY);
  await waitForLocation(page, (u) => u.startsWith(EXTENSION_ORIGIN));
  const target = `${EXTENSION_ORIGIN}/src/ui/${path}`;
  await navigate(page, target);
  await waitForLocation(page, (u) => u === target);
  return target;
}

/** Polls location.href (page.url() goes stale after an extension redirect). */
export async function waitForLocation(page: Page, ok: (u: string) => boolean, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const href = await page.evaluate(() => location.href).catch(() => '');
    if (ok(href)) return href;
    if (Date.now() > deadline) throw new Error(`still at ${href}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the background has installed its redirect rules, asked from the (web-accessible) warning page. */
export async function waitForFirefoxRules(page: Page, fromUrl: string): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.goto(fromUrl);
    await navigate(page, `${EXTENSION_ORIGIN}/src/ui/warning/warning.html`);
    await waitForLocation(page, (u) => u.startsWith(EXTENSION_ORIGIN));
    const n = await page.evaluate(async () => {
      const b = (globalThis as unknown as { browser: typeof chrome }).browser;
      return (await b.declarativeNetRequest.getDynamicRules()).length;
    });
    if (n > 0) return n;
    if (Date.now() > deadline) throw new Error('redirect rules never installed');
    await new Promise((r) => setTimeout(r, 250));
  }
}
