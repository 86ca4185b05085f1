// Issue 11, part 1, in real Chromium: an unlisted page makes the browser itself
// contact a listed host (test/fixtures/pages/attack-browser-fetches.html): a
// favicon, a manifest, a ping, speculation rules, a CSP report. Every request
// is recorded at the listed servers (http and https). Two fetches the browser
// makes outside the network stack extensions see (a payment method manifest,
// a FedCM config) are beyond DNR: the README says so, and the last test keeps
// that statement true.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Page } from 'playwright-core';
import { launchChromium, waitForRules, type Launched } from './harness/chromium.ts';
import { startServer, type CountingServer, type Route } from './harness/server.ts';
import { cspReportingRoute, fixtureRoute, fixtureUrl, reportingApiRoute } from './harness/fixture-route.ts';
import { LISTED } from './harness/content-setup.ts';

const TLS = {
  cert: readFileSync(new URL('../fixtures/tls/cert.pem', import.meta.url), 'utf8'),
  key: readFileSync(new URL('../fixtures/tls/key.pem', import.meta.url), 'utf8'),
};
/** An unlisted host on the listed https server: the Reporting API's control endpoint. */
const REPORT_CONTROL = 'reports.safe-demo.test';
/** Browser-made fetches run late (speculation rules, favicons): time to let them. */
const SETTLE_MS = 2500;

let browser: Launched;
let open: CountingServer;
let listed: CountingServer;
let listedTls: CountingServer;
const seen: string[] = [];
const recorder = (name: string): Route => (req: IncomingMessage) => {
  seen.push(`${name} ${req.method ?? ''} ${req.url ?? ''}`);
  return false;
};
const stolen = () => seen.filter((s) => s.includes('/steal/'));


beforeAll(async () => {
  let port = 0;
  const route = fixtureRoute({ port: () => port });
  open = await startServer('127.0.0.1', [
    recorder('open'),
    cspReportingRoute(() => `http://${LISTED}:${open.port}/steal/csp-report?password=hunter2`),
    route,
  ]);
  port = open.port;
  listed = await startServer('127.0.0.2', [recorder('listed')], port);
  listedTls = await startServer('127.0.0.2', [
    recorder('listed-https'),
    reportingApiRoute(
      () => `https://${LISTED}:${listedTls.port}/steal/reporting-api?password=hunter2`,
      () => `https://${REPORT_CONTROL}:${listedTls.port}/control-reporting-api`,
    ),
  ], 0, TLS);
  // Reports go out within 100 ms instead of up to a minute (a Chromium test switch).
  browser = await launchChromium({ hosts: { [LISTED]: '127.0.0.2', [REPORT_CONTROL]: '127.0.0.2' }, args: ['--ignore-certificate-errors', '--short-reporting-delay'] });
  await waitForRules(browser);
});

afterAll(async () => {
  await browser?.context.close();
  await Promise.all([open, listed, listedTls].map((s) => s?.close()));
});

describe('requests the browser makes for a page (Chromium)', () => {
  let page: Page;

  beforeAll(async () => {
    page = await browser.context.newPage();
    await page.goto(`${fixtureUrl('localhost', open.port, 'attack-browser-fetches.html')}?tls=${listedTls.port}`);
    await page.waitForFunction(() => (window as { __fixture?: { ready?: boolean } }).__fixture?.ready === true);
    await page.click('#ping-link');
    const reporting = await browser.context.newPage();
    await reporting.goto(`http://localhost:${open.port}/csp-reporting`);
    await page.waitForTimeout(SETTLE_MS);
    await reporting.close();
  });

  it('the page tried every route, and its control requests arrived', async () => {
    const tried = await page.evaluate(() => (window as unknown as { __fixture: { tried: string[] } }).__fixture.tried);
    expect(tried).toEqual(['favicon', 'manifest', 'ping', 'speculation-rules', 'payment-manifest', 'fedcm', 'control']);
    expect(seen).toEqual(expect.arrayContaining(['open GET /control', 'open GET /control-ping', 'open GET /control-img']));
  });

  it('favicon, manifest, ping, speculation-rules prefetch and prerender, CSP report: none reaches the listed host', () => {
    const dnrVisible = stolen().filter((s) => !/\/steal\/(?:pay|fedcm)/.test(s));
    expect(dnrVisible).toEqual([]);
  });

  it('a payment method manifest and a FedCM config are fetched outside DNR: they do reach it (README, "What a browser does not let an extension stop")', () => {
    // If this fails, Chromium now lets DNR see them: update the README and move them to the test above.
    const beyond = stolen().map((s) => s.replace(/\?.*/, ''));
    expect(beyond).toEqual(expect.arrayContaining(['listed-https HEAD /steal/pay', 'listed-https GET /steal/fedcm.json']));
  });

  it('Reporting API uploads (the network service sends them, DNR never sees them): the endpoints are stripped from responses, so no report reaches the listed host', async () => {
    const reports = () => seen.filter((s) => /reporting-api/.test(s) && !s.includes('GET /reporting-api'));
    const visit = async () => {
      const p = await browser.context.newPage();
      await p.goto(`https://${REPORT_CONTROL}:${listedTls.port}/reporting-api`);
      await expect.poll(() => seen.includes('listed-https GET /control-img-reporting')).toBe(true); // the violation happened
      await p.waitForTimeout(SETTLE_MS);
      await p.close();
    };
    await visit();
    expect(reports()).toEqual([]);
    // Control: with the stripping rules off, the same page's reports go out, to the listed host too.
    const sw = await browser.worker();
    const rulesets = (on: boolean) =>
      sw.evaluate((enable) => chrome.declarativeNetRequest.updateEnabledRulesets(enable ? { enableRulesetIds: ['no_reporting'] } : { disableRulesetIds: ['no_reporting'] }), on);
    await rulesets(false);
    try {
      await visit();
    } finally {
      await rulesets(true);
    }
    expect(reports()).toEqual(expect.arrayContaining(['listed-https POST /control-reporting-api', 'listed-https OPTIONS /steal/reporting-api?password=hunter2']));
  });
});
