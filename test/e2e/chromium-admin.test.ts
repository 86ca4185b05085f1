// Issue 6 end to end in real Chromium: a managed policy (written before launch)
// with a trusted key and a local update server. Good bundles are applied, every
// bad one is refused with the old list intact, and the policy's own settings
// (blocked/allowed entries, no "Continue anyway") are enforced. One browser.
// The policy file is machine-wide: do not run another Chromium e2e file at the
// same time (vitest.config.ts already runs e2e files one at a time).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, stopServiceWorkers, waitForRules, type Launched } from './harness/chromium.ts';
import { startServer, type CountingServer } from './harness/server.ts';
import { visit, waitForUrl } from './harness/pages.ts';
import { removeExtensionPolicy, writeExtensionPolicy } from '../../scripts/lib/policy.ts';
import type { Request, ResponseMap, StatusResponse, UpdateStatus } from '../../src/messages/protocol.ts';
import { deltaBundle, fullBundle, fullBundleV1, generateSigner, tampered, type Signer } from '../fixtures/admin/e2e-bundles.ts';
import { startUpdateServer, type Reply, type UpdateServer } from '../fixtures/admin/e2e-update-server.ts';

const POLICY_FILE = 'takedown-guard-test';
const CORP_OLD = 'corp-old.test'; // bundles 1-3, removed by the delta: 127.0.0.2 (may load once removed)
const CORP_NEW = 'corp-new.test'; // bundle 2 on: 127.0.0.3, which must never see a connection
const CORP_DELTA = 'corp-delta.test'; // added by the delta: 127.0.0.3
const POLICY_BLOCKED = 'policy-blocked.test'; // policy blockedEntries: 127.0.0.3
const TIMED = 'timed.test'; // blocked by the changed policy, continued with a reason: 127.0.0.2
const ALLOWED = 'cexrout.com'; // a court-listed domain the policy allows: 127.0.0.2
const V1 = [CORP_OLD];
const V2 = [CORP_OLD, CORP_NEW];

let signer: Signer;
let updates: UpdateServer;
let listed: CountingServer; // 127.0.0.2
let never: CountingServer; // 127.0.0.3
let browser: Launched;
let ext: Page; // an extension page, to send requests as the popup does

const policy = (extra: Record<string, unknown> = {}) => ({
  updateUrls: [updates.url],
  trustedKeys: [signer.publicKey.text],
  blockedEntries: [POLICY_BLOCKED],
  allowedEntries: [ALLOWED, 'com'], // 'com' is refused (a public suffix): a visible problem
  allowContinue: false,
  reportAddress: 'mailto:security@example.org',
  maxBundleMiB: 2, // the test bundles are a few KiB
  ...extra,
});

const url = (host: string, path = '/') => `http://${host}:${listed.port}${path}`;
const warningPrefix = () => `chrome-extension://${browser.extensionId}/src/ui/warning/warning.html#`;

async function ask<R extends Request>(request: R): Promise<ResponseMap[R['type']]> {
  const reply = (await ext.evaluate((m) => chrome.runtime.sendMessage(m), request)) as { ok: boolean; value: ResponseMap[R['type']]; error?: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
const status = (): Promise<StatusResponse> => ask({ type: 'status' });
const updateNow = (): Promise<UpdateStatus> => ask({ type: 'updateNow' });

async function expectWarning(host: string, path = '/'): Promise<Page> {
  const page = await browser.context.newPage();
  await visit(page, url(host, path));
  await waitForUrl(page, (u) => u.startsWith(warningPrefix()));
  return page;
}

async function dnrDomains(): Promise<string[]> {
  const sw = await browser.worker();
  return sw.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).flatMap((r) => r.condition.requestDomains ?? []));
}

beforeAll(async () => {
  signer = await generateSigner();
  updates = await startUpdateServer();
  updates.serve({ kind: 'bytes', bytes: await fullBundle(signer, 1, V1) });
  listed = await startServer('127.0.0.2');
  never = await startServer('127.0.0.3', [], listed.port);
  writeExtensionPolicy(POLICY_FILE, policy());
  const hosts = { [CORP_OLD]: '127.0.0.2', [ALLOWED]: '127.0.0.2', [CORP_NEW]: '127.0.0.3', [CORP_DELTA]: '127.0.0.3', [POLICY_BLOCKED]: '127.0.0.3', [TIMED]: '127.0.0.2' };
  browser = await launchChromium({ hosts });
  await waitForRules(browser);
  ext = await browser.context.newPage();
  await ext.goto(`chrome-extension://${browser.extensionId}/src/ui/popup/popup.html`);
}, 60_000);

afterAll(async () => {
  removeExtensionPolicy(POLICY_FILE);
  await browser?.context.close();
  await Promise.all([updates?.close(), listed?.close(), never?.close()]);
});

describe('managed policy (Chromium)', () => {
  it('shows the managed keys and the refused value in the status', async () => {
    // Chromium answers storage.managed ~4 s after launch: the worker starts without the policy, then applies it.
    await expect.poll(async () => (await status()).managedKeys.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const s = await status();
    expect(s.managedKeys).toEqual(expect.arrayContaining(['updateUrls', 'trustedKeys', 'blockedEntries', 'allowedEntries', 'allowContinue']));
    expect(s.problems.some((p) => p.includes('allowedEntries') && p.includes('"com"'))).toBe(true);
    expect(s.allowedEntries).toBe(1);
  });

  it('blocks blockedEntries before any connection', async () => {
    const page = await expectWarning(POLICY_BLOCKED, '/login');
    await expect.poll(() => page.locator('main').innerText()).toContain(`${POLICY_BLOCKED}/`);
    expect(never.connections()).toBe(0);
    await page.close();
  });

  it('lets an allowedEntries host through although a court list has it', async () => {
    expect(await dnrDomains()).toContain(ALLOWED); // still listed, but excluded from the redirect
    const page = await browser.context.newPage();
    await visit(page, url(ALLOWED));
    await expect.poll(() => page.locator('#page-marker').count()).toBe(1);
    expect(listed.requests(ALLOWED)).toBeGreaterThan(0);
    await page.close();
  });
});

describe('signed updates (Chromium)', () => {
  it('applies the first bundle at start-up and blocks its domain', async () => {
    await expect.poll(async () => (await status()).adminBundle?.seq, { timeout: 15_000 }).toBe(1);
    const page = await expectWarning(CORP_OLD);
    expect(listed.requests(CORP_OLD)).toBe(0);
    await page.close();
  });

  it('applies a newer bundle on request, and its new domain gets no connection', async () => {
    updates.serve({ kind: 'bytes', bytes: await fullBundle(signer, 2, V2) });
    const result = await updateNow();
    expect(result).toMatchObject({ seq: 2, lastError: null, failures: 0 });
    expect(result.nextCheck).not.toBeNull();
    const s = await status();
    expect(s.adminBundle).toMatchObject({ seq: 2, publisher: 'E2E admin' });
    expect(s.lists).toContainEqual(expect.objectContaining({ id: 'corp', count: 2, source: 'admin-bundle', origin: 'admin' }));
    const page = await expectWarning(CORP_NEW, '/sign-in');
    await expect.poll(() => page.locator('main').innerText()).toContain('E2E Corp blocklist');
    expect(never.connections()).toBe(0);
    await page.close();
  });

  const bad: Array<[string, () => Promise<Reply>, string]> = [
    ['tampered', async () => ({ kind: 'bytes', bytes: tampered(await fullBundle(signer, 3, [])) }), 'bad-signature'],
    ['truncated', async () => ({ kind: 'bytes', bytes: (await fullBundle(signer, 3, [])).subarray(0, 200) }), 'truncated'],
    ['oversized (over the 2 MiB of the policy)', async () => ({ kind: 'claim', claimed: 3 * 1024 * 1024 }), 'too-large'],
    ['replayed (older seq)', async () => ({ kind: 'bytes', bytes: await fullBundle(signer, 1, []) }), 'replayed'],
    ['expired', async () => ({ kind: 'bytes', bytes: await fullBundle(signer, 3, [], { created: new Date(Date.now() - 3e9), expires: new Date(Date.now() - 1e9) }) }), 'expired'],
    ['wrong-key', async () => ({ kind: 'bytes', bytes: await fullBundle(await generateSigner(), 3, []) }), 'untrusted-key'],
  ];
  it.each(bad)('refuses a %s bundle, keeps the old list and shows why', async (_name, reply, code) => {
    updates.serve(await reply());
    const before = updates.requests();
    const result = await updateNow();
    expect(updates.requests()).toBe(before + 1);
    expect(result.lastError).toMatchObject({ code, url: updates.url });
    expect(result.lastError?.message.length).toBeGreaterThan(10);
    expect(result.seq).toBe(2);
    const s = await status();
    expect(s.adminBundle?.seq).toBe(2);
    expect(s.update.lastError?.code).toBe(code);
    expect((await ask({ type: 'lookup', url: url(CORP_NEW) })).verdict.verdict).toBe('warn');
    expect(await dnrDomains()).toContain(CORP_NEW);
  });

  it('loses nothing when the worker is stopped mid-download, and updates on the next check', async () => {
    const v3 = await fullBundle(signer, 3, V2);
    updates.serve({ kind: 'stall', bytes: v3 });
    await ext.evaluate(() => void chrome.runtime.sendMessage({ type: 'updateNow' }).catch(() => undefined));
    await updates.stalled();
    await stopServiceWorkers(browser);
    updates.release();
    await new Promise((r) => setTimeout(r, 500)); // a surviving worker would apply bundle 3 now
    expect((await status()).adminBundle?.seq).toBe(2);
    const page = await expectWarning(CORP_NEW, '/after-stop');
    expect(never.connections()).toBe(0);
    await page.close();
    updates.serve({ kind: 'bytes', bytes: v3 });
    expect(await updateNow()).toMatchObject({ seq: 3, lastError: null });
  });

  it('applies a delta: adds at once, removals after the background rebuild', async () => {
    updates.serve({ kind: 'bytes', bytes: await deltaBundle(signer, 3, 4, V2, [CORP_NEW, CORP_DELTA]) });
    expect(await updateNow()).toMatchObject({ seq: 4, lastError: null });
    const page = await expectWarning(CORP_DELTA);
    expect(never.connections()).toBe(0);
    await expect.poll(async () => (await status()).version, { timeout: 15_000 }).toContain('admin@4+rebuilt');
    await visit(page, url(CORP_OLD, '/removed'));
    await expect.poll(() => page.locator('#page-marker').count()).toBe(1);
    expect(listed.requests(CORP_OLD)).toBeGreaterThan(0);
    await page.close();
  });
});

describe('a store from an earlier version (Chromium)', () => {
  /** Runs `op` on the worker's bundle store (IndexedDB, src/platform/bundle-store.ts). */
  const store = async (op: 'delete' | 'has') =>
    (await browser.worker()).evaluate(
      (op) =>
        new Promise<boolean>((resolve, reject) => {
          const open = indexedDB.open('takedown-guard-admin');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('bundle', 'readwrite');
            const req = op === 'delete' ? tx.objectStore('bundle').delete('compact') : tx.objectStore('bundle').getKey('compact');
            req.onsuccess = () => resolve(op === 'delete' || req.result !== undefined);
            tx.oncomplete = () => open.result.close();
          };
        }),
      op,
    );

  it('keeps a format-1 bundle in force from its stored state, with no compact form, and builds that form again', async () => {
    updates.serve({ kind: 'bytes', bytes: await fullBundleV1(signer, 5, [CORP_NEW, CORP_DELTA]) }); // as earlier versions stored it
    expect(await updateNow()).toMatchObject({ seq: 5, lastError: null });
    await expect.poll(() => store('has'), { timeout: 15_000 }).toBe(true); // built in the background from the state
    await store('delete'); // what an earlier version left: the state alone
    await stopServiceWorkers(browser);
    // The next worker answers from the state at once (no moment unprotected), then rebuilds the compact form.
    expect((await ask({ type: 'lookup', url: url(CORP_DELTA) })).verdict.verdict).toBe('warn');
    expect((await status()).adminBundle?.seq).toBe(5);
    await expect.poll(() => store('has'), { timeout: 15_000 }).toBe(true);
    const page = await expectWarning(CORP_DELTA, '/after-upgrade');
    expect(never.connections()).toBe(0);
    await page.close();
  });
});

describe('continue policy (Chromium)', () => {
  it('offers no "Continue anyway" when allowContinue is false, and refuses a forged request', async () => {
    const page = await expectWarning(CORP_NEW, '/continue');
    await expect.poll(() => page.getByTestId('continue-forbidden').count()).toBe(1);
    expect(await page.getByTestId('continue').count()).toBe(0);
    const href = await page.getByTestId('report-mistake').getAttribute('href');
    expect(href).toMatch(/^mailto:security@example\.org\?subject=/);
    expect(decodeURIComponent(href ?? '')).toContain(`Entry: ${CORP_NEW}/`);
    expect(await ask({ type: 'proceed', url: url(CORP_NEW, '/continue'), scope: 'page' })).toEqual({ ok: false, error: expect.stringContaining('not allow') });
    expect(never.connections()).toBe(0);
    await page.close();
  });
});

describe('policy change while running (Chromium)', () => {
  it('applies a changed policy: per-list "never", timed continue with a reason that is kept, then expires', async () => {
    writeExtensionPolicy(POLICY_FILE, policy({
      blockedEntries: [POLICY_BLOCKED, TIMED], allowContinue: true, defaultContinueMode: 'timed-with-reason', continueMode: { corp: 'never' },
    }));
    await expect.poll(async () => (await status()).managedKeys, { timeout: 30_000 }).toContain('defaultContinueMode');
    const corp = await expectWarning(CORP_NEW, '/per-list');
    await expect.poll(() => corp.getByTestId('continue-forbidden').count()).toBe(1);
    await corp.close();

    const page = await expectWarning(TIMED, '/timed');
    await expect(page.getByTestId('continue').isDisabled()).resolves.toBe(true);
    await page.getByTestId('continue-reason').fill('Vendor portal needed for invoice 42');
    await page.getByTestId('continue').click();
    await waitForUrl(page, (u) => u === url(TIMED, '/timed'));
    await expect.poll(() => page.locator('#page-marker').count()).toBe(1);
    // The reason is kept in the local protection report, on the warning's own row (the page's own sign-in overlay may add one more).
    const kept = (await ask({ type: 'readReport' })).rows.filter((r) => r.host === TIMED && r.kind === 'full-page');
    expect(kept).toEqual([expect.objectContaining({
      host: TIMED, list: 'policy', entry: `${TIMED}/`, kind: 'full-page', action: 'reason-typed', reason: 'Vendor portal needed for invoice 42',
    })]);
    const sw = await browser.worker();

    // Expiry: make the allowance due and let the real alarm remove it (unpacked extensions have no alarm minimum).
    await sw.evaluate(async (host) => {
      await chrome.storage.session.set({ timedAllows: { [host]: Date.now() - 1 } });
      await chrome.alarms.create('continue-expiry', { when: Date.now() + 50 });
    }, TIMED);
    await expect.poll(async () => (await sw.evaluate(async () => (await chrome.declarativeNetRequest.getSessionRules()).length)), { timeout: 10_000 }).toBe(0);
    await visit(page, url(TIMED, '/again'));
    await waitForUrl(page, (u) => u.startsWith(warningPrefix()));
    await page.close();
  });
});

describe('no update URL (Chromium)', () => {
  it('neither fetches nor keeps an alarm once the policy has no updateUrls', async () => {
    const { updateUrls: _, ...rest } = policy();
    writeExtensionPolicy(POLICY_FILE, rest);
    await expect.poll(async () => (await status()).managedKeys, { timeout: 30_000 }).not.toContain('updateUrls');
    const before = updates.requests();
    expect(await updateNow()).toMatchObject({ nextCheck: null, seq: 5 });
    const sw = await browser.worker();
    expect(await sw.evaluate(async () => (await chrome.alarms.get('admin-update')) ?? null)).toBeNull();
    expect(updates.requests()).toBe(before);
    expect((await status()).adminBundle?.seq).toBe(5); // the bundle in force stays
  });
});
