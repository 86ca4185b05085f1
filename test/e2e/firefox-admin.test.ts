// Issue 6 in Firefox ESR: policies.json "3rdparty" reaches the extension's
// managed storage (read once at start-up: Firefox has no change event), and a
// signed bundle from the policy's update URL is applied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { EXTENSION_ENTRY, EXTENSION_ORIGIN, launchFirefox, navigate, waitForFirefoxRules, waitForLocation, type LaunchedFirefox } from '../../scripts/lib/firefox.ts';
import { startServer, type CountingServer } from '../../scripts/lib/demo-server.ts';
import { removeFirefoxPolicy, writeFirefoxPolicy } from '../../scripts/lib/policy.ts';
import { fullBundle, generateSigner } from '../fixtures/admin/e2e-bundles.ts';
import { startUpdateServer, type UpdateServer } from '../fixtures/admin/e2e-update-server.ts';
import type { StatusResponse } from '../../src/messages/protocol.ts';

const POLICY_BLOCKED = 'policy-blocked.test';
const CORP = 'corp-new.test';
const START = 'start.test';

let server: CountingServer;
let updates: UpdateServer;
let ff: LaunchedFirefox;
let page: Page;
const url = (host: string, path = '/') => `http://${host}:${server.port}${path}`;
const WARNING = `${EXTENSION_ORIGIN}/src/ui/warning/warning.html#`;

async function status(): Promise<StatusResponse> {
  await page.goto(url(START, '/status'));
  await navigate(page, EXTENSION_ENTRY);
  await waitForLocation(page, (u) => u.startsWith(EXTENSION_ORIGIN));
  const reply = (await page.evaluate(() =>
    (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({ type: 'status' }),
  )) as { ok: boolean; value: StatusResponse };
  return reply.value;
}

async function warningFor(target: string): Promise<string> {
  await page.goto(url(START, '/from'));
  await navigate(page, target);
  await waitForLocation(page, (u) => u === WARNING + target);
  const deadline = Date.now() + 10_000;
  let text = '';
  while (!text.includes(target) && Date.now() < deadline) {
    text = await page.evaluate(() => document.body.innerText);
    await new Promise((r) => setTimeout(r, 100));
  }
  return text;
}

beforeAll(async () => {
  const signer = await generateSigner();
  updates = await startUpdateServer();
  updates.serve({ kind: 'bytes', bytes: await fullBundle(signer, 1, [CORP]) });
  server = await startServer('127.0.0.1');
  writeFirefoxPolicy({
    updateUrls: [updates.url],
    trustedKeys: [signer.publicKey.text],
    blockedEntries: [POLICY_BLOCKED],
    allowContinue: false,
  });
  ff = await launchFirefox({ hosts: [POLICY_BLOCKED, CORP, START] });
  page = await ff.browser.newPage();
  await waitForFirefoxRules(page, url(START, '/rules'));
}, 60_000);

afterAll(async () => {
  removeFirefoxPolicy();
  await ff?.browser.close();
  await Promise.all([server?.close(), updates?.close()]);
});

describe('managed policy (Firefox)', () => {
  it('reads policies.json into managed settings', async () => {
    const s = await status();
    expect(s.managedKeys).toEqual(expect.arrayContaining(['updateUrls', 'trustedKeys', 'blockedEntries', 'allowContinue']));
    expect(s.problems).toEqual([]);
  });

  it('blocks blockedEntries and offers no "Continue anyway"', async () => {
    const text = await warningFor(url(POLICY_BLOCKED, '/login'));
    expect(text).toContain(`${POLICY_BLOCKED}/`);
    expect(await page.evaluate(() => document.querySelector('[data-testid="continue"]'))).toBeNull();
    expect(server.requests(POLICY_BLOCKED)).toBe(0);
  });

  it('applies the signed bundle from the update URL', async () => {
    await expect.poll(async () => (await status()).adminBundle?.seq, { timeout: 20_000, interval: 500 }).toBe(1);
    const text = await warningFor(url(CORP, '/sign-in'));
    expect(text).toContain('E2E Corp blocklist');
    expect(server.requests(CORP)).toBe(0);
    expect(updates.requests()).toBeGreaterThan(0);
  });
});
